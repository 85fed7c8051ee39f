using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Wehelpen.Web.Data;
using Wehelpen.Web.Features.Requests.Matching;
using Wehelpen.Web.Features.Requests;
using Wehelpen.Web.Tests.Circles;
using Wehelpen.Web.Tests.Requests;

using Wehelpen.Web.Tests.Neighbourhoods.Buurtteam;

namespace Wehelpen.Web.Tests.Matching;

/// <summary>
/// A neighbourhood request asks volunteers in waves (here 2 at a time, every 2 hours; the third wave 1.5 times as
/// far), the best first by distance, load, fairness and reliability; the buurtteam only after the last wave.
/// Distances from the request in 1055: 1056 805 m, 1061 1,109 m, 1051 1,262 m, 1014 1,279 m, 1012 2,940 m, 1102 7.4 km.
/// </summary>
public sealed class MatchingWaveTests
{
    [Theory, BothDatabases]
    public async Task Waves_ask_the_best_first_then_the_next_then_further_away(DatabaseProvider provider)
    {
        var (app, clock) = await MatchingSteps.StartAsync(provider, waveSize: 2);
        await using var _app = app;
        var c = await app.TwoCirclesAsync();
        var (anna, _) = await app.VolunteerAsync("Anna Al Bezig", "1055 KL");
        // The nearest volunteer already has two tasks: she comes after those who are free. She took them before the
        // others signed up, so that the first waves of those tasks asked only her.
        foreach (var task in new[] { "Ramen lappen", "Naar de apotheek" })
        {
            var body = RequestSteps.Shopping();
            body["title"] = task;
            Assert.Equal(HttpStatusCode.OK, (await anna.ActAsync(await c.Coordinator.PostedIdAsync(c.CircleId, body), "claim")).StatusCode);
        }
        await app.VolunteerAsync("Bas Buur", "1056 AB");
        await app.VolunteerAsync("Cor Dichtbij", "1061 AB");
        await app.VolunteerAsync("Dirk Verder", "1051 AB");
        await app.VolunteerAsync("Els Ook", "1014 AB");
        await app.VolunteerAsync("Fien Ver", "1012 AB", radiusKm: 2);
        await app.VolunteerAsync("Gijs Te Ver", "1102 AB");
        string[] everyone = ["Anna Al Bezig", "Bas Buur", "Cor Dichtbij", "Dirk Verder", "Els Ook", "Fien Ver", "Gijs Te Ver"];
        var requestId = await c.Coordinator.PostedIdAsync(c.CircleId);

        await app.SweepAsync();
        Assert.Equal(["Bas Buur", "Cor Dichtbij"], await app.AskedAboutAsync(requestId, everyone));

        await app.SweepAfterAsync(clock, TimeSpan.FromMinutes(119));
        Assert.Equal(["Bas Buur", "Cor Dichtbij"], await app.AskedAboutAsync(requestId, everyone));
        using (var fien = await app.LoginAsync(CircleSteps.EmailOf("Fien Ver")))
        {
            var beforeWidening = await fien.GetAsync($"/api/v1/requests/{requestId}");
            var madeUp = await fien.GetAsync($"/api/v1/requests/{Guid.CreateVersion7()}");
            await ProblemAssert.IsProblemAsync(beforeWidening, HttpStatusCode.NotFound);
            Assert.Equal(await ProblemAssert.ComparableBodyAsync(madeUp), await ProblemAssert.ComparableBodyAsync(beforeWidening));
        }

        await app.SweepAfterAsync(clock, TimeSpan.FromMinutes(1));
        Assert.Equal(["Bas Buur", "Cor Dichtbij", "Dirk Verder", "Els Ook"], await app.AskedAboutAsync(requestId, everyone));

        await app.SweepAfterAsync(clock, TimeSpan.FromHours(2));
        Assert.Equal(["Anna Al Bezig", "Bas Buur", "Cor Dichtbij", "Dirk Verder", "Els Ook", "Fien Ver"], await app.AskedAboutAsync(requestId, everyone));
        var asked = (await app.NearbyOfAsync("Fien Ver")).GetProperty("askedOfYou")[0].GetProperty("reasons");
        Assert.True(asked.GetProperty("widened").GetBoolean());
        Assert.Equal(2900, asked.GetProperty("distanceMetres").GetInt32());

        // Beyond her own radius, yet asked: she may see it and take it on; whoever was not asked still may not.
        using var stranger = await app.LoginAsync(CircleSteps.EmailOf("Gijs Te Ver"));
        await ProblemAssert.IsProblemAsync(await stranger.GetAsync($"/api/v1/requests/{requestId}"), HttpStatusCode.NotFound);
        using var asker = await app.LoginAsync(CircleSteps.EmailOf("Fien Ver"));
        Assert.Equal("outsider", (await asker.DetailsAsync(requestId)).GetProperty("view").GetString());
        var claimed = await asker.ActAsync(requestId, "claim");
        Assert.Equal(HttpStatusCode.OK, claimed.StatusCode);
        Assert.Equal("claimed", (await claimed.Content.ReadFromJsonAsync<JsonElement>()).Status());
        Assert.Empty((await app.NearbyOfAsync("Bas Buur")).AskedIds());
    }

    [Theory, BothDatabases]
    public async Task A_request_widened_to_the_neighbourhood_by_hand_asks_its_first_wave_at_once(DatabaseProvider provider)
    {
        var (app, _) = await MatchingSteps.StartAsync(provider, waveSize: 2);
        await using var _app = app;
        var c = await app.TwoCirclesAsync();
        await app.VolunteerAsync("Bas Buur", "1056 AB");
        string[] everyone = ["Bas Buur"];
        var requestId = await c.Coordinator.PostedIdAsync(c.CircleId, RequestSteps.Shopping("circle"));
        Assert.Empty(await app.AskedAboutAsync(requestId, everyone));

        Assert.Equal(HttpStatusCode.OK, (await c.Coordinator.ActAsync(requestId, "widen")).StatusCode);

        // No sweep ran: the widening itself asked the first wave.
        Assert.Equal(["Bas Buur"], await app.AskedAboutAsync(requestId, everyone));
        Assert.Equal(["posted", "widened", "askedNearby"], await ChangesAsync(c.Member, requestId));
    }

    [Theory, BothDatabases]
    public async Task The_circle_reads_how_many_were_asked_in_which_wave_but_never_who(DatabaseProvider provider)
    {
        var (app, clock) = await MatchingSteps.StartAsync(provider, waveSize: 2);
        await using var _app = app;
        var c = await app.TwoCirclesAsync();
        await app.VolunteerAsync("Bas Buur", "1056 AB");
        await app.VolunteerAsync("Fien Ver", "1012 AB", radiusKm: 2);
        var requestId = await c.Coordinator.PostedIdAsync(c.CircleId);
        await app.SweepAsync();
        await app.SweepAfterAsync(clock, TimeSpan.FromHours(2));
        await app.SweepAfterAsync(clock, TimeSpan.FromHours(2));

        using var member = await app.BrowserAsync("Mo Lid", followRedirects: true);
        var page = await member.PageAsync($"/circles/{c.CircleId}/requests/{requestId}");

        Assert.Contains("Gevraagd aan 2 vrijwilligers in de buurt (ronde 3 van 3).", page);
        Assert.Contains("In de buurt aan 1 vrijwilliger gevraagd (ronde 1).", page);
        Assert.Contains("In de buurt niemand gevonden om te vragen (ronde 2).", page);
        Assert.Contains("Iets verder weg aan 1 vrijwilliger gevraagd (ronde 3).", page);
        Assert.DoesNotContain("Bas", page);
        Assert.DoesNotContain("Fien", page);
        // No line in the logbook for each wave: the history is where the circle reads them.
        Assert.DoesNotContain(await (await app.LoginAsync(CircleSteps.EmailOf("Mo Lid"))).LogbookAsync(c.CircleId), t => t.Contains("gevraagd", StringComparison.OrdinalIgnoreCase) && t.Contains("ronde"));
    }

    [Theory, BothDatabases]
    public async Task A_request_with_nobody_near_goes_to_the_buurtteam_only_after_every_wave_had_its_time(DatabaseProvider provider)
    {
        var (app, clock) = await MatchingSteps.StartAsync(provider);
        await using var _app = app;
        var c = await app.TwoCirclesAsync();
        await app.ProfessionalAsync("Paula Professional", "bos-en-lommer");
        var policy = await c.Coordinator.PutAsJsonAsync($"/api/v1/circles/{c.CircleId}/request-policy",
            new { personHours = 4, circleHours = 12, neighbourhoodHours = 1, widenToNeighbourhood = true });
        Assert.Equal(HttpStatusCode.OK, policy.StatusCode);
        var body = RequestSteps.Shopping();
        body["date"] = "2026-11-30";
        var requestId = await c.Coordinator.PostedIdAsync(c.CircleId, body);
        async Task<bool> EscalatedAfterAsync(TimeSpan wait)
        {
            await app.SweepAfterAsync(clock, wait);
            var professional = await app.LoginAsync(CircleSteps.EmailOf("Paula Professional"));
            return (await professional.GetStringAsync("/api/v1/requests/escalated")).Contains(requestId.ToString());
        }

        Assert.False(await EscalatedAfterAsync(TimeSpan.Zero));
        Assert.False(await EscalatedAfterAsync(TimeSpan.FromHours(1)), "the circle's hour has passed, the waves have not");
        Assert.False(await EscalatedAfterAsync(TimeSpan.FromHours(1)));
        Assert.False(await EscalatedAfterAsync(TimeSpan.FromHours(2)));
        Assert.False(await EscalatedAfterAsync(TimeSpan.FromMinutes(119)), "the last wave has not had its two hours");
        Assert.True(await EscalatedAfterAsync(TimeSpan.FromMinutes(1)));
        var history = await ChangesAsync(await app.LoginAsync(CircleSteps.EmailOf("Mo Lid")), requestId);
        Assert.Equal(3, history.Count(e => e == "askedNearby"));
        Assert.Equal("escalated", history[^1]);
    }

    [Theory, BothDatabases]
    public async Task Nobody_is_asked_more_often_in_a_week_than_allowed(DatabaseProvider provider)
    {
        var (app, _) = await MatchingSteps.StartAsync(provider, waveSize: 1, alertsPerWeek: 2);
        await using var _app = app;
        var c = await app.TwoCirclesAsync();
        await app.VolunteerAsync("Vera Vrijwilliger", "1055 KL");
        await app.VolunteerAsync("Wim Buur", "1056 AB");
        var requests = new List<Guid>();
        for (var i = 1; i <= 5; i++)
        {
            var body = RequestSteps.Shopping();
            body["title"] = $"Boodschappen {i}";
            requests.Add(await c.Coordinator.PostedIdAsync(c.CircleId, body));
        }

        await app.SweepAsync();

        var vera = (await app.NearbyOfAsync("Vera Vrijwilliger")).AskedIds();
        var wim = (await app.NearbyOfAsync("Wim Buur")).AskedIds();
        Assert.Equal(2, vera.Length);
        Assert.Equal(2, wim.Length);
        Assert.Single(requests.Except(vera).Except(wim));
    }

    [Theory, BothDatabases]
    public async Task A_volunteer_the_circle_blocked_is_never_asked(DatabaseProvider provider)
    {
        var (app, clock) = await MatchingSteps.StartAsync(provider);
        await using var _app = app;
        var c = await app.TwoCirclesAsync();
        var (_, veraId) = await app.VolunteerAsync("Vera Vrijwilliger", "1055 KL");
        await app.VolunteerAsync("Wim Buur", "1056 AB");
        Assert.Equal(HttpStatusCode.OK, (await c.Coordinator.PutAsync($"/api/v1/circles/{c.CircleId}/blocked-volunteers/{veraId}", null)).StatusCode);
        var requestId = await c.Coordinator.PostedIdAsync(c.CircleId);

        await app.SweepAsync();
        await app.SweepAfterAsync(clock, TimeSpan.FromHours(2));
        await app.SweepAfterAsync(clock, TimeSpan.FromHours(2));

        Assert.Equal(["Wim Buur"], await app.AskedAboutAsync(requestId, "Vera Vrijwilliger", "Wim Buur"));
        using var blocked = await app.LoginAsync(CircleSteps.EmailOf("Vera Vrijwilliger"));
        await ProblemAssert.IsProblemAsync(await blocked.GetAsync($"/api/v1/requests/{requestId}"), HttpStatusCode.NotFound);
    }

    [Theory, BothDatabases]
    public async Task A_volunteer_blocked_after_being_asked_no_longer_sees_the_request_in_either_list(DatabaseProvider provider)
    {
        var (app, _) = await MatchingSteps.StartAsync(provider);
        await using var _app = app;
        var c = await app.TwoCirclesAsync();
        var (_, veraId) = await app.VolunteerAsync("Vera Vrijwilliger", "1055 KL");
        var requestId = await c.Coordinator.PostedIdAsync(c.CircleId);
        await app.SweepAsync();
        var before = await app.NearbyOfAsync("Vera Vrijwilliger");
        Assert.Contains(requestId, before.Ids());
        Assert.Contains(requestId, before.AskedIds());

        Assert.Equal(HttpStatusCode.OK, (await c.Coordinator.PutAsync($"/api/v1/circles/{c.CircleId}/blocked-volunteers/{veraId}", null)).StatusCode);

        var after = await app.NearbyOfAsync("Vera Vrijwilliger");
        Assert.DoesNotContain(requestId, after.Ids());
        Assert.DoesNotContain(requestId, after.AskedIds());
        Assert.Equal(HttpStatusCode.NoContent, (await c.Coordinator.DeleteAsync($"/api/v1/circles/{c.CircleId}/blocked-volunteers/{veraId}")).StatusCode);
        Assert.Contains(requestId, (await app.NearbyOfAsync("Vera Vrijwilliger")).AskedIds());
    }

    [Theory, BothDatabases]
    public async Task A_wave_gives_way_to_a_claim_that_came_first_and_never_makes_a_claim_fail(DatabaseProvider provider)
    {
        var (app, clock) = await MatchingSteps.StartAsync(provider);
        await using var _app = app;
        var c = await app.TwoCirclesAsync();
        var (_, veraId) = await app.VolunteerAsync("Vera Vrijwilliger", "1055 KL");
        await app.VolunteerAsync("Wim Buur", "1056 AB");
        var first = await c.Coordinator.PostedIdAsync(c.CircleId);
        var second = await c.Coordinator.PostedIdAsync(c.CircleId);
        Assert.Single(await ChangesAsync(c.Member, first), "askedNearby"); // the first wave, asked at posting
        clock.Advance(TimeSpan.FromHours(2)); // the second waves are due; her sign-in of two hours ago has expired
        using var veraNow = await app.LoginAsync(CircleSteps.EmailOf("Vera Vrijwilliger"));
        using var member = await app.LoginAsync(CircleSteps.EmailOf("Mo Lid"));

        // The sweep read the first request; Vera claims it before the sweep saves its second wave.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<WehelpenDbContext>();
            var waves = scope.ServiceProvider.GetRequiredService<RequestWaves>();
            var read = await db.Set<HelpRequest>().SingleAsync(r => r.Id == first);
            var asked = await waves.AskedAsync(first, CancellationToken.None);
            Assert.Equal(HttpStatusCode.OK, (await veraNow.ActAsync(first, "claim")).StatusCode);
            await waves.AskAsync(read, asked, clock.GetUtcNow(), CancellationToken.None);
            await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => db.SaveChangesAsync());
        }
        Assert.Single(await ChangesAsync(member, first), "askedNearby");

        // Vera opened the second request; its second wave is asked and saved before she claims it.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<WehelpenDbContext>();
            var read = await db.Set<HelpRequest>().SingleAsync(r => r.Id == second);
            await app.SweepAsync();
            RequestRules.Claim(read, new RequestViewer(veraId, "Vera Vrijwilliger", null, IsVolunteer: true, IsProfessional: false, IsBlocked: false), clock.GetUtcNow());
            await db.SaveChangesAsync();
        }
        Assert.Equal("claimed", (await veraNow.DetailsAsync(second)).Status());
        Assert.Equal(2, (await ChangesAsync(member, second)).Count(change => change == "askedNearby"));
    }

    private static async Task<List<string?>> ChangesAsync(HttpClient member, Guid requestId) =>
        (await member.DetailsAsync(requestId)).GetProperty("history").EnumerateArray().Select(e => e.GetProperty("change").GetString()).ToList();
}
