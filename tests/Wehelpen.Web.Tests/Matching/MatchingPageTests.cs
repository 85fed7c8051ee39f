using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Wehelpen.Web.Tests.Circles;
using Wehelpen.Web.Tests.Offers;
using Wehelpen.Web.Tests.Requests;

namespace Wehelpen.Web.Tests.Matching;

/// <summary>What a volunteer reads when matching asked them, and what an administrator may check of a choice.</summary>
public sealed class MatchingPageTests
{
    [Theory, BothDatabases]
    public async Task An_asked_volunteer_finds_the_request_under_asked_of_you_with_why_them(DatabaseProvider provider)
    {
        var (app, _) = await MatchingSteps.StartAsync(provider);
        await using var _app = app;
        var c = await app.TwoCirclesAsync();
        // 1061 lies 1,109 m from the request in 1055; the request is on Tuesday morning.
        await app.VolunteerAsync("Cor Dichtbij", "1061 AB", availability: [new { day = "tuesday", part = "morning" }, new { day = "friday", part = "evening" }]);
        var requestId = await c.Coordinator.PostedIdAsync(c.CircleId);
        await app.SweepAsync();

        using var browser = await app.BrowserAsync("Cor Dichtbij", followRedirects: true);
        var page = await browser.PageAsync("/help");

        Assert.Contains("Voor u gevraagd", page);
        Assert.Contains("1,1 km van uw huis · u helpt met boodschappen · u kunt dinsdagochtend", page);
        // Shown once: under "asked of you", not again in the list below it.
        Assert.Single(Regex.Matches(page, $"href=\"/help/{requestId}\""));
        var reasons = (await app.NearbyOfAsync("Cor Dichtbij")).GetProperty("askedOfYou")[0].GetProperty("reasons");
        Assert.Equal(1100, reasons.GetProperty("distanceMetres").GetInt32());
        Assert.Equal("shopping", reasons.GetProperty("category").GetString());
        Assert.Equal("""[{"day":"tuesday","part":"morning"}]""", reasons.GetProperty("availableSlots").GetRawText());
        Assert.False(reasons.GetProperty("widened").GetBoolean());
        Assert.Equal(1, reasons.GetProperty("wave").GetInt32());
    }

    [Theory, BothDatabases]
    public async Task Administrators_see_the_ranking_with_its_reasons_and_nobody_else_does(DatabaseProvider provider)
    {
        var (app, _) = await MatchingSteps.StartAsync(provider);
        await using var _app = app;
        var c = await app.TwoCirclesAsync();
        var (vera, _) = await app.VolunteerAsync("Vera Vrijwilliger", "1055 KL", availability: [new { day = "tuesday", part = "morning" }]);
        await app.VolunteerAsync("Wim Buur", "1056 AB");
        var requestId = await c.Coordinator.PostedIdAsync(c.CircleId);
        await app.PersonAsync("Ada Beheer");
        var admin = await app.AdministratorAsync("Ada Beheer");
        string Matches(Guid id) => $"/api/v1/admin/requests/{id}/matches";

        var ranking = await admin.GetFromJsonAsync<JsonElement>(Matches(requestId));

        var matches = ranking.GetProperty("matches").EnumerateArray().ToList();
        Assert.Equal(["Vera Vrijwilliger", "Wim Buur"], matches.Select(m => m.GetProperty("displayName").GetString()));
        Assert.True(matches[0].GetProperty("score").GetDouble() > matches[1].GetProperty("score").GetDouble());
        var reasons = matches[0].GetProperty("reasons");
        Assert.Equal(0, reasons.GetProperty("distanceMetres").GetDouble());
        Assert.Equal("shopping", reasons.GetProperty("category").GetString());
        Assert.Equal("""[{"day":"tuesday","part":"morning"}]""", reasons.GetProperty("availableSlots").GetRawText());
        Assert.Equal(2, ranking.GetProperty("eligible").GetInt32());
        // The first wave asked both when the request was posted; the ranking is the one the next wave would start from.
        Assert.Equal(1, ranking.GetProperty("waves").GetInt32());
        Assert.Equal(2, ranking.GetProperty("wave").GetInt32());
        Assert.All(matches, m => Assert.True(m.GetProperty("asked").GetBoolean()));

        await ProblemAssert.IsProblemAsync(await admin.GetAsync(Matches(Guid.CreateVersion7())), HttpStatusCode.NotFound);
        await ProblemAssert.IsProblemAsync(await vera.GetAsync(Matches(requestId)), HttpStatusCode.Forbidden);
        await ProblemAssert.IsProblemAsync(await c.Coordinator.GetAsync(Matches(requestId)), HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.Unauthorized, (await c.Anonymous.GetAsync(Matches(requestId))).StatusCode);
    }
}
