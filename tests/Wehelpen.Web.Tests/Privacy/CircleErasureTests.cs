using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Wehelpen.Web.Tests.Circles;
using Wehelpen.Web.Tests.Requests;

namespace Wehelpen.Web.Tests.Privacy;

/// <summary>
/// Erasing a circle without erasing an account: the hoofdpersoon decides for their own circle; a coördinator only with
/// the hoofdpersoon's consent, and never over a hoofdpersoon who has an account of their own.
/// </summary>
public sealed class CircleErasureTests
{
    private static Task<HttpResponseMessage> EraseCircleAsync(HttpClient client, Guid circleId, bool? residentConsents = null) =>
        client.SendAsync(new HttpRequestMessage(HttpMethod.Delete, $"/api/v1/circles/{circleId}") { Content = JsonContent.Create(new { residentConsents }) });

    [Theory, BothDatabases]
    public async Task A_hoofdpersoon_erases_their_circle_and_keeps_their_account(DatabaseProvider provider)
    {
        var (app, _) = await RequestSteps.StartAsync(provider);
        await using var _app = app;
        var world = await app.PieterWithCirclesAsync();
        var circleOnly = PietersWorld.Traces.Except([PietersWorld.Name, "Privacyman", PietersWorld.Email]).ToArray();

        Assert.Equal(HttpStatusCode.NoContent, (await EraseCircleAsync(world.Pieter, world.OwnCircle)).StatusCode);

        Assert.Empty(await app.FindInDatabaseAsync(circleOnly));
        if (provider == DatabaseProvider.Sqlite) Assert.Empty(app.FindInDatabaseFiles(circleOnly));
        Assert.Single(app.Emails(CircleSteps.EmailOf("Carla Coördinator")), m => m.Subject.Contains(PietersWorld.OwnCircleName));
        var mine = await world.Pieter.GetFromJsonAsync<JsonElement>("/api/v1/circles");
        Assert.Equal([world.BertsCircle], mine.EnumerateArray().Select(c => c.GetProperty("id").GetGuid()));
        Assert.Equal(HttpStatusCode.OK, (await world.Pieter.GetAsync("/api/v1/profile")).StatusCode);
    }

    [Theory, BothDatabases]
    public async Task A_coordinator_erases_only_with_consent_and_never_over_a_hoofdpersoon_with_an_account(DatabaseProvider provider)
    {
        var (app, _) = await RequestSteps.StartAsync(provider);
        await using var _app = app;
        var c = await app.TwoCirclesAsync(); // Carla coordinates a circle for Jan de Vries, who has no account

        var withoutConsent = await EraseCircleAsync(c.Coordinator, c.CircleId);
        Assert.Equal(["Verwijder de zorgcirkel alleen als Jan de Vries ermee instemt. Vink aan dat dat zo is."],
            await ProblemAssert.FieldErrorsAsync(withoutConsent, "residentConsents"));
        Assert.Equal(HttpStatusCode.Forbidden, (await EraseCircleAsync(c.Member, c.CircleId, true)).StatusCode); // a member manages nothing
        Assert.Equal(HttpStatusCode.OK, (await c.Coordinator.GetAsync($"/api/v1/circles/{c.CircleId}")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await EraseCircleAsync(c.Coordinator, c.CircleId, true)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await c.Member.GetAsync($"/api/v1/circles/{c.CircleId}")).StatusCode);

        var (jan, _) = await app.PersonAsync("Jan Eigenwijs", "resident");
        var (cor, _) = await app.PersonAsync("Cor Coördinator");
        var jansCircle = await jan.CreateCircleAsync(forMyself: true);
        await jan.JoinAsync(jansCircle, cor, "coordinator");
        var refused = await EraseCircleAsync(cor, jansCircle, true);
        var problem = await ProblemAssert.IsProblemAsync(refused, HttpStatusCode.Forbidden);
        Assert.Equal("Alleen Jan Eigenwijs kan deze zorgcirkel verwijderen: de zorgcirkel is van de hoofdpersoon.", problem.GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.OK, (await jan.GetAsync($"/api/v1/circles/{jansCircle}")).StatusCode);
    }

    [Theory, BothDatabases]
    public async Task A_stranger_gets_the_same_answer_for_another_circle_as_for_none(DatabaseProvider provider)
    {
        var (app, _) = await RequestSteps.StartAsync(provider);
        await using var _app = app;
        var c = await app.TwoCirclesAsync();

        var theirs = await EraseCircleAsync(c.Stranger, c.CircleId, true);
        var none = await EraseCircleAsync(c.Stranger, Guid.NewGuid(), true);

        Assert.Equal(HttpStatusCode.Forbidden, theirs.StatusCode);
        Assert.Equal(none.StatusCode, theirs.StatusCode);
        Assert.Equal(await ProblemAssert.ComparableBodyAsync(none), await ProblemAssert.ComparableBodyAsync(theirs));
        Assert.Equal(HttpStatusCode.OK, (await c.Coordinator.GetAsync($"/api/v1/circles/{c.CircleId}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await EraseCircleAsync(c.Anonymous, c.CircleId, true)).StatusCode);
    }
}
