using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Wehelpen.Web.Features.Requests;
using Wehelpen.Web.Platform.PersonalData;
using Wehelpen.Web.Tests.Circles;
using Wehelpen.Web.Tests.Live;
using Wehelpen.Web.Tests.Neighbourhoods.Buurtteam;
using Wehelpen.Web.Tests.Privacy;

namespace Wehelpen.Web.Tests.Requests;

/// <summary>
/// "Wie heeft het adres gezien": each time a request's address, phone and postcode are shown to someone outside the
/// circle it is recorded (once per person and day), the circle's managers see the list, and it goes with the address.
/// </summary>
public sealed class AddressViewTests
{
    [Theory, BothDatabases]
    public async Task The_helper_is_recorded_once_a_day_and_the_circles_members_never(DatabaseProvider provider)
    {
        var (app, clock) = await RequestSteps.StartAsync(provider);
        await using var _app = app;
        var c = await app.TwoCirclesAsync();
        var (vera, veraId) = await app.VolunteerAsync("Vera Buurvrouw");
        var requestId = await c.Coordinator.PostedIdAsync(c.CircleId);

        // Seeing the request without the address, and the circle seeing everything: nothing recorded.
        Assert.False((await vera.DetailsAsync(requestId)).TryGetProperty("address", out var none) && none.ValueKind != JsonValueKind.Null);
        await c.Coordinator.DetailsAsync(requestId);
        await c.Member.DetailsAsync(requestId);
        await (await app.BrowserAsync("Mo Lid", followRedirects: true)).PageAsync($"/circles/{c.CircleId}/requests/{requestId}");
        Assert.Empty(await ViewsAsync(app));

        // Taking it on live shows the address: recorded.
        await using (var hub = await app.ConnectAsync("Vera Buurvrouw"))
            await hub.InvokeAsync("ClaimRequest", [requestId]);
        var first = Assert.Single(await ViewsAsync(app));
        Assert.Equal((requestId, veraId, AddressViewerRole.Helper, new DateOnly(2026, 11, 23), RequestSteps.Now, RequestSteps.Now),
            (first.RequestId, first.ViewerId, first.Role, first.Day, first.FirstSeenAt, first.LastSeenAt));

        // Looking again that day, in the API and on the page: the same row, seen until later.
        clock.Advance(TimeSpan.FromMinutes(20));
        Assert.Equal(RequestSteps.Address, (await vera.DetailsAsync(requestId)).GetProperty("address").GetString());
        await vera.DetailsAsync(requestId);
        Assert.Contains(RequestSteps.Address, await (await app.BrowserAsync("Vera Buurvrouw", followRedirects: true)).PageAsync($"/help/{requestId}"));
        var again = Assert.Single(await ViewsAsync(app));
        Assert.Equal((RequestSteps.Now, clock.Now), (again.FirstSeenAt, again.LastSeenAt));

        // The next day is a row of its own.
        clock.Advance(TimeSpan.FromDays(1));
        var veraTomorrow = await app.LoginAsync(CircleSteps.EmailOf("Vera Buurvrouw"));
        await veraTomorrow.DetailsAsync(requestId);
        Assert.Equal([new DateOnly(2026, 11, 23), new DateOnly(2026, 11, 24)], (await ViewsAsync(app)).Select(v => v.Day));
        Assert.All(await ViewsAsync(app), v => Assert.Equal(veraId, v.ViewerId));
    }

    [Theory, BothDatabases]
    public async Task A_professional_who_takes_on_an_escalated_request_is_recorded_as_such(DatabaseProvider provider)
    {
        var (app, clock) = await RequestSteps.StartAsync(provider);
        await using var _app = app;
        var c = await app.TwoCirclesAsync();
        var (petra, petraId) = await app.ProfessionalAsync("Petra West", "bos-en-lommer");
        var requestId = await c.Coordinator.PostedIdAsync(c.CircleId);
        await app.EscalateAsync(requestId, clock.GetUtcNow());

        // Seeing it in the buurtteam's queue and writing to the circle show no address.
        await petra.DetailsAsync(requestId);
        await (await app.BrowserAsync("Petra West", followRedirects: true)).PageAsync($"/help/requests/{requestId}/contact-circle");
        Assert.Empty(await ViewsAsync(app));

        var claimed = await petra.ActAsync(requestId, "claim");
        Assert.Equal(HttpStatusCode.OK, claimed.StatusCode);
        Assert.Equal(RequestSteps.Phone, (await claimed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("contactPhone").GetString());
        var view = Assert.Single(await ViewsAsync(app));
        Assert.Equal((petraId, AddressViewerRole.Professional), (view.ViewerId, view.Role));

        var page = await (await app.BrowserAsync("Carla Coördinator", followRedirects: true)).PageAsync($"/circles/{c.CircleId}/requests/{requestId}");
        Assert.Contains("Petra West</strong> · professional van het buurtteam", page);
    }

    [Theory, BothDatabases]
    public async Task Only_the_hoofdpersoon_and_coordinators_see_who_saw_the_address(DatabaseProvider provider)
    {
        var (app, _) = await RequestSteps.StartAsync(provider);
        await using var _app = app;
        var c = await app.TwoCirclesAsync();
        var (vera, _) = await app.VolunteerAsync("Vera Buurvrouw");
        var requestId = await c.Coordinator.PostedIdAsync(c.CircleId);
        var coordinator = await app.BrowserAsync("Carla Coördinator", followRedirects: true);
        var member = await app.BrowserAsync("Mo Lid", followRedirects: true);
        var path = $"/circles/{c.CircleId}/requests/{requestId}";
        var api = $"/api/v1/circles/{c.CircleId}/requests/{requestId}/address-views";

        var before = await coordinator.PageAsync(path);
        Assert.Contains("Wie heeft het adres gezien", before);
        Assert.Contains("Niemand buiten de kring heeft het adres of telefoonnummer gezien.", before);
        Assert.Empty((await c.Coordinator.GetFromJsonAsync<JsonElement[]>(api))!);

        Assert.Equal(HttpStatusCode.OK, (await vera.ActAsync(requestId, "claim")).StatusCode);
        var page = await coordinator.PageAsync(path);
        Assert.Contains("Vera Buurvrouw</strong> · helper", page);
        Assert.Contains("maandag 23 november om 10:00", page);
        var views = (await c.Coordinator.GetFromJsonAsync<JsonElement[]>(api))!;
        Assert.Equal(("Vera Buurvrouw", "helper", "2026-11-23"), (views.Single().GetProperty("viewerName").GetString(), views.Single().GetProperty("role").GetString(), views.Single().GetProperty("day").GetString()));

        // Not for ordinary members, nor anyone outside the circle, and no telling whether the request exists.
        Assert.DoesNotContain("Wie heeft het adres gezien", await member.PageAsync(path));
        Assert.DoesNotContain("Vera Buurvrouw</strong> · helper", await member.PageAsync(path));
        Assert.Equal(HttpStatusCode.Forbidden, (await c.Member.GetAsync(api)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await vera.GetAsync(api)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await c.Anonymous.GetAsync(api)).StatusCode);
        var existing = await c.Stranger.GetAsync(api);
        var madeUp = await c.Stranger.GetAsync($"/api/v1/circles/{Guid.NewGuid()}/requests/{requestId}/address-views");
        await ProblemAssert.IsProblemAsync(existing, HttpStatusCode.Forbidden);
        Assert.Equal(await ProblemAssert.ComparableBodyAsync(madeUp), await ProblemAssert.ComparableBodyAsync(existing));
        var foreign = await c.Stranger.GetAsync($"/api/v1/circles/{c.OtherCircleId}/requests/{requestId}/address-views");
        var unknown = await c.Stranger.GetAsync($"/api/v1/circles/{c.OtherCircleId}/requests/{Guid.NewGuid()}/address-views");
        await ProblemAssert.IsProblemAsync(foreign, HttpStatusCode.NotFound);
        Assert.Equal(await ProblemAssert.ComparableBodyAsync(unknown), await ProblemAssert.ComparableBodyAsync(foreign));
    }

    [Theory, BothDatabases]
    public async Task Who_saw_the_address_goes_the_given_number_of_days_after_the_request_closed(DatabaseProvider provider)
    {
        var (app, clock) = await RequestSteps.StartAsync(provider);
        await using var _app = app;
        var c = await app.TwoCirclesAsync();
        var (vera, _) = await app.VolunteerAsync("Vera Buurvrouw");
        var done = await c.Coordinator.PostedIdAsync(c.CircleId);
        var cancelled = await c.Coordinator.PostedIdAsync(c.CircleId);
        var stillClaimed = await c.Coordinator.PostedIdAsync(c.CircleId);
        foreach (var id in new[] { done, cancelled, stillClaimed })
            Assert.Equal(HttpStatusCode.OK, (await vera.ActAsync(id, "claim")).StatusCode);
        clock.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(HttpStatusCode.OK, (await vera.ActAsync(done, "done")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await c.Coordinator.ActAsync(cancelled, "cancel", new { reason = "Niet meer nodig." })).StatusCode);
        var closedAt = clock.Now;
        Assert.Equal(3, (await ViewsAsync(app)).Count);

        Assert.Equal(0, await ApplyRetentionAsync(app, closedAt.AddDays(30)));
        Assert.Equal(3, (await ViewsAsync(app)).Count);
        Assert.Equal(2, await ApplyRetentionAsync(app, closedAt.AddDays(30).AddSeconds(1)));
        Assert.Equal([stillClaimed], (await ViewsAsync(app)).Select(v => v.RequestId));
        Assert.Equal(0, await ApplyRetentionAsync(app, closedAt.AddDays(400)));
        // The daily job runs it with the others.
        Assert.Equal(0, (await app.RetainAsync())["request-address-views"]);
    }

    [Theory, BothDatabases]
    public async Task An_erased_helper_stays_as_a_former_member_and_an_erased_circle_takes_the_record(DatabaseProvider provider)
    {
        var (app, clock) = await RequestSteps.StartAsync(provider);
        await using var _app = app;
        var c = await app.TwoCirclesAsync();
        var (vera, veraId) = await app.VolunteerAsync("Vera Buurvrouw");
        var (wim, wimId) = await app.VolunteerAsync("Wim Buurman");
        var requestId = await c.Coordinator.PostedIdAsync(c.CircleId);
        Assert.Equal(HttpStatusCode.OK, (await vera.ActAsync(requestId, "claim")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await vera.ActAsync(requestId, "give-back", new { reason = "Ik ben ziek." })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await wim.ActAsync(requestId, "claim")).StatusCode);

        var export = Assert.Single(await PersonalDataPartSteps.ExportAsync(app, "address-views", veraId));
        Assert.Equal((requestId, "Helper"), (export.GetProperty("RequestId").GetGuid(), export.GetProperty("Role").GetString()));

        // Both erase their accounts the same day: "a former member saw it" once.
        Assert.Equal(HttpStatusCode.NoContent, (await vera.EraseAccountAsync(WehelpenApplication.Password)).StatusCode);
        Assert.Equal(new HashSet<string> { FormerMember.Id, wimId }, (await ViewsAsync(app)).Select(v => v.ViewerId).ToHashSet());
        Assert.Equal(HttpStatusCode.NoContent, (await wim.EraseAccountAsync(WehelpenApplication.Password)).StatusCode);
        Assert.Equal(FormerMember.Id, Assert.Single(await ViewsAsync(app)).ViewerId);
        var page = await (await app.BrowserAsync("Carla Coördinator", followRedirects: true)).PageAsync($"/circles/{c.CircleId}/requests/{requestId}");
        Assert.Contains("Voormalig lid</strong> · helper", page);

        await PersonalDataPartSteps.EraseCircleAsync(app, "AddressViews", c.CircleId, clock.Now);
        Assert.Empty(await ViewsAsync(app));
    }

    private static Task<List<AddressView>> ViewsAsync(WehelpenApplication app) =>
        app.QueryAsync(db => db.Set<AddressView>().OrderBy(v => v.Day).ToListAsync());

    private static async Task<int> ApplyRetentionAsync(WehelpenApplication app, DateTimeOffset at)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var rule = scope.ServiceProvider.GetServices<IRetentionRule>().Single(r => r.Name == "request-address-views");
        return await rule.ApplyAsync(at, CancellationToken.None);
    }
}
