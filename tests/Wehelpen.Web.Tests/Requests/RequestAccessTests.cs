using System.Net;
using System.Net.Http.Json;
using Wehelpen.Web.Tests.Circles;

namespace Wehelpen.Web.Tests.Requests;

/// <summary>
/// Who gets to know a request exists: the circle, the person it is addressed to, its helper, and volunteers nearby
/// while it is open to the neighbourhood. Anyone else gets the same answer as for a request that does not exist.
/// </summary>
public sealed class RequestAccessTests
{
    public static TheoryData<DatabaseProvider, string, string> RequestEndpoints()
    {
        var endpoints = new[] { "GET ", "POST /claim", "POST /give-back", "POST /done", "POST /cancel", "POST /widen", "POST /confirm", "POST /coming" };
        var data = new TheoryData<DatabaseProvider, string, string>();
        foreach (var provider in BothDatabasesAttribute.Providers)
            foreach (var endpoint in endpoints) data.Add(provider, endpoint.Split(' ')[0], endpoint.Split(' ')[1]);
        return data;
    }

    [Theory, MemberData(nameof(RequestEndpoints))]
    public async Task Strangers_get_the_answer_of_a_request_that_does_not_exist(DatabaseProvider provider, string method, string action)
    {
        var (app, _) = await RequestSteps.StartAsync(provider);
        await using var _app = app;
        var c = await app.TwoCirclesAsync();
        var (farAway, _) = await app.VolunteerAsync("Gerrit Groningen", "9711 AB");
        var circleOnly = await c.Coordinator.PostedIdAsync(c.CircleId, RequestSteps.Shopping("circle"));
        HttpRequestMessage Request(Guid id) => new(new HttpMethod(method), $"/api/v1/requests/{id}{action}")
        {
            Content = method == "POST" ? JsonContent.Create(new { reason = "x", happened = true }) : null,
        };

        foreach (var stranger in new[] { c.Stranger, farAway })
        {
            var existing = await stranger.SendAsync(Request(circleOnly));
            var madeUp = await stranger.SendAsync(Request(Guid.NewGuid()));
            await ProblemAssert.IsProblemAsync(existing, HttpStatusCode.NotFound);
            await ProblemAssert.IsProblemAsync(madeUp, HttpStatusCode.NotFound);
            Assert.Equal(await ProblemAssert.ComparableBodyAsync(madeUp), await ProblemAssert.ComparableBodyAsync(existing));
        }
        Assert.Equal(HttpStatusCode.Unauthorized, (await c.Anonymous.SendAsync(Request(circleOnly))).StatusCode);
        Assert.Equal("open", (await c.Member.DetailsAsync(circleOnly)).Status());
    }

    [Theory, BothDatabases]
    public async Task The_nearby_list_holds_only_what_suits_the_volunteer(DatabaseProvider provider)
    {
        var (app, _) = await RequestSteps.StartAsync(provider);
        await using var _app = app;
        var c = await app.TwoCirclesAsync();
        // Tuesday mornings only. The centres of 1012 (the old centre) and 1055 (Bos en Lommer) lie 2,940 m apart; 1102 (Bijlmer) is 7.4 km away.
        var (vera, _) = await app.VolunteerAsync("Vera Vrijwilliger", "1012 AB", radiusKm: 5,
            availability: [new { day = "tuesday", part = "morning" }]);
        async Task<Guid> PostAsync(string title, params (string Key, object? Value)[] changes)
        {
            var body = RequestSteps.Shopping();
            body["title"] = title;
            foreach (var (key, value) in changes) body[key] = value;
            return await c.Coordinator.PostedIdAsync(c.CircleId, body);
        }

        var suits = await PostAsync("Past precies");
        var later = await PostAsync("Ook dichtbij, later", ("date", "2026-12-01"), ("postcode", "1012 AB"));
        await PostAsync("Verkeerde soort hulp", ("category", "oddJobs"));
        await PostAsync("Woensdag", ("date", "2026-11-25"));
        await PostAsync("Te ver weg", ("postcode", "1102 AB"));
        await PostAsync("Alleen de cirkel", ("audience", "circle"));

        var byDistance = await vera.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/v1/requests/nearby");
        var titles = byDistance.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("title").GetString()!).ToArray();
        Assert.Equal(["Ook dichtbij, later", "Past precies"], titles);
        Assert.Equal(2900, byDistance.GetProperty("items")[1].GetProperty("distanceMetres").GetInt32());
        Assert.Equal(0, byDistance.GetProperty("items")[0].GetProperty("distanceMetres").GetInt32());
        var byDate = await vera.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/v1/requests/nearby?sort=date");
        Assert.Equal([suits, later], byDate.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).ToArray());
    }

    [Theory, BothDatabases]
    public async Task A_blocked_volunteer_no_longer_sees_or_claims_the_circles_requests(DatabaseProvider provider)
    {
        var (app, _) = await RequestSteps.StartAsync(provider);
        await using var _app = app;
        var c = await app.TwoCirclesAsync();
        var (vera, veraId) = await app.VolunteerAsync("Vera Vrijwilliger");
        var requestId = await c.Coordinator.PostedIdAsync(c.CircleId);
        Assert.Equal(HttpStatusCode.Forbidden, (await c.Member.PutAsync($"/api/v1/circles/{c.CircleId}/blocked-volunteers/{veraId}", null)).StatusCode);

        var block = await c.Coordinator.PutAsync($"/api/v1/circles/{c.CircleId}/blocked-volunteers/{veraId}", null);
        Assert.Equal(HttpStatusCode.OK, block.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await c.Coordinator.PutAsync($"/api/v1/circles/{c.CircleId}/blocked-volunteers/{veraId}", null)).StatusCode);

        Assert.DoesNotContain(requestId.ToString(), await vera.GetStringAsync("/api/v1/requests/nearby"));
        Assert.Equal(HttpStatusCode.NotFound, (await vera.GetAsync($"/api/v1/requests/{requestId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await vera.ActAsync(requestId, "claim")).StatusCode);
        var blocked = await c.Coordinator.GetStringAsync($"/api/v1/circles/{c.CircleId}/blocked-volunteers");
        Assert.Contains("Vera Vrijwilliger", blocked);
        Assert.Equal(HttpStatusCode.Conflict, (await c.Coordinator.PutAsync($"/api/v1/circles/{c.CircleId}/blocked-volunteers/{c.MemberId}", null)).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await c.Coordinator.DeleteAsync($"/api/v1/circles/{c.CircleId}/blocked-volunteers/{veraId}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await vera.ActAsync(requestId, "claim")).StatusCode);
    }

    [Theory, BothDatabases]
    public async Task Only_professionals_see_what_the_buurtteam_should_pick_up(DatabaseProvider provider)
    {
        var (app, _) = await RequestSteps.StartAsync(provider);
        await using var _app = app;
        var (vera, _) = await app.VolunteerAsync("Vera Vrijwilliger");
        Assert.Equal(HttpStatusCode.Forbidden, (await vera.GetAsync("/api/v1/requests/escalated")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateApiClient().GetAsync("/api/v1/requests/escalated")).StatusCode);
    }
}
