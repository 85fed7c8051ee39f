using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Wehelpen.Web.Tests.Circles;

using Wehelpen.Web.Tests.Neighbourhoods.Buurtteam;

namespace Wehelpen.Web.Tests.Requests;

/// <summary>What happens to an unclaimed request as the clock moves: it widens, reaches the buurtteam, expires.</summary>
public sealed class RequestWideningTests
{
    private static Dictionary<string, object?> NextWeek(string audience, string? addressedToId = null)
    {
        var body = RequestSteps.Shopping(audience, addressedToId);
        body["date"] = "2026-11-30";
        return body;
    }

    [Theory, BothDatabases]
    public async Task An_unclaimed_request_widens_from_the_person_to_the_circle_to_the_neighbourhood_to_the_buurtteam(DatabaseProvider provider)
    {
        var (app, clock) = await RequestSteps.StartAsync(provider);
        await using var _app = app;
        var c = await app.TwoCirclesAsync();
        await app.VolunteerAsync("Vera Vrijwilliger");
        await app.ProfessionalAsync("Paula Professional", "bos-en-lommer");
        var requestId = await c.Coordinator.PostedIdAsync(c.CircleId, NextWeek("person", c.MemberId));
        async Task<JsonElement> AfterAsync(TimeSpan wait)
        {
            clock.Advance(wait);
            await app.SweepAsync();
            // Bearer tokens live an hour on the moved clock.
            return await (await app.LoginAsync(CircleSteps.EmailOf("Carla Coördinator"))).DetailsAsync(requestId);
        }

        Assert.Equal("person", (await AfterAsync(TimeSpan.FromHours(3.9))).Audience());
        Assert.Equal("circle", (await AfterAsync(TimeSpan.FromHours(0.2))).Audience());
        var neighbourhood = await AfterAsync(TimeSpan.FromHours(12));
        Assert.Equal("neighbourhood", neighbourhood.Audience());
        var volunteer = await app.LoginAsync(CircleSteps.EmailOf("Vera Vrijwilliger"));
        Assert.Contains(requestId.ToString(), await volunteer.GetStringAsync("/api/v1/requests/nearby"));
        var professional = await app.LoginAsync(CircleSteps.EmailOf("Paula Professional"));
        Assert.DoesNotContain(requestId.ToString(), await professional.GetStringAsync("/api/v1/requests/escalated"));

        var escalated = await AfterAsync(TimeSpan.FromHours(24));
        Assert.True(escalated.GetProperty("summary").GetProperty("escalated").GetBoolean());
        professional = await app.LoginAsync(CircleSteps.EmailOf("Paula Professional"));
        Assert.Contains(requestId.ToString(), await professional.GetStringAsync("/api/v1/requests/escalated"));
        Assert.Equal("outsider", (await professional.DetailsAsync(requestId)).GetProperty("view").GetString());
        Assert.Equal(HttpStatusCode.OK, (await professional.ActAsync(requestId, "claim")).StatusCode);

        var logbook = await (await app.LoginAsync(CircleSteps.EmailOf("Mo Lid"))).LogbookAsync(c.CircleId);
        Assert.Contains(logbook, t => t.Contains("de vraag staat nu open voor de hele cirkel"));
        Assert.Contains(logbook, t => t.Contains("de vraag staat nu open voor vrijwilligers in de buurt"));
        Assert.Contains(logbook, t => t.Contains("het buurtteam kan de vraag nu zien"));
    }

    [Theory, BothDatabases]
    public async Task A_circle_that_keeps_its_requests_to_itself_is_never_widened_to_the_neighbourhood_by_the_clock(DatabaseProvider provider)
    {
        var (app, clock) = await RequestSteps.StartAsync(provider);
        await using var _app = app;
        var c = await app.TwoCirclesAsync();
        var policy = await c.Coordinator.PutAsJsonAsync($"/api/v1/circles/{c.CircleId}/request-policy",
            new { personHours = 2, circleHours = 6, neighbourhoodHours = 24, widenToNeighbourhood = false });
        Assert.Equal(HttpStatusCode.OK, policy.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await c.Member.PutAsJsonAsync($"/api/v1/circles/{c.CircleId}/request-policy",
            new { personHours = 1, circleHours = 1, neighbourhoodHours = 1, widenToNeighbourhood = true })).StatusCode);
        var requestId = await c.Coordinator.PostedIdAsync(c.CircleId, NextWeek("person", c.MemberId));

        clock.Advance(TimeSpan.FromHours(2));
        await app.SweepAsync();
        clock.Advance(TimeSpan.FromDays(3));
        await app.SweepAsync();

        var carer = await app.LoginAsync(CircleSteps.EmailOf("Carla Coördinator"));
        var details = await carer.DetailsAsync(requestId);
        Assert.Equal("circle", details.Audience());
        // By hand the requester may still ask the neighbourhood.
        var widened = await carer.ActAsync(requestId, "widen");
        Assert.Equal(HttpStatusCode.OK, widened.StatusCode);
        Assert.Equal("neighbourhood", (await widened.Content.ReadFromJsonAsync<JsonElement>()).Audience());
    }

    [Theory, BothDatabases]
    public async Task Hours_outside_the_allowed_range_are_refused(DatabaseProvider provider)
    {
        var (app, _) = await RequestSteps.StartAsync(provider);
        await using var _app = app;
        var c = await app.TwoCirclesAsync();

        var response = await c.Coordinator.PutAsJsonAsync($"/api/v1/circles/{c.CircleId}/request-policy",
            new { personHours = 0, circleHours = 400, widenToNeighbourhood = true });

        Assert.Contains("van 1 tot 336", (await ProblemAssert.FieldErrorsAsync(response, "personHours"))[0]);
        Assert.NotEmpty(await ProblemAssert.FieldErrorsAsync(response, "circleHours"));
        Assert.NotEmpty(await ProblemAssert.FieldErrorsAsync(response, "neighbourhoodHours"));
        var stored = await c.Member.GetFromJsonAsync<JsonElement>($"/api/v1/circles/{c.CircleId}/request-policy");
        Assert.Equal(4, stored.GetProperty("personHours").GetInt32());
    }

    [Theory, BothDatabases]
    public async Task A_request_whose_time_has_passed_cannot_be_claimed_and_expires(DatabaseProvider provider)
    {
        var (app, clock) = await RequestSteps.StartAsync(provider);
        await using var _app = app;
        var c = await app.TwoCirclesAsync();
        var requestId = await c.Coordinator.PostedIdAsync(c.CircleId, RequestSteps.Shopping("circle"));

        // Tuesday 12:00 in Amsterdam is 11:00 UTC: the window has just ended, the sweep has not run yet.
        clock.Now = new DateTimeOffset(2026, 11, 24, 11, 0, 0, TimeSpan.Zero);
        var member = await app.LoginAsync(CircleSteps.EmailOf("Mo Lid"));
        var problem = await ProblemAssert.IsProblemAsync(await member.ActAsync(requestId, "claim"), HttpStatusCode.Conflict);
        Assert.Contains("al voorbij", problem.GetProperty("detail").GetString());

        Assert.Equal(1, await app.SweepAsync());
        Assert.Equal(0, await app.SweepAsync());
        Assert.Equal("expired", (await member.DetailsAsync(requestId)).Status());
        Assert.Contains(await member.LogbookAsync(c.CircleId), t => t.Contains("de hulpvraag is verlopen"));
    }

    [Theory, BothDatabases]
    public async Task A_flexible_request_lasts_until_the_end_of_its_last_day_in_Amsterdam(DatabaseProvider provider)
    {
        var (app, clock) = await RequestSteps.StartAsync(provider);
        await using var _app = app;
        var c = await app.TwoCirclesAsync();
        var body = RequestSteps.Shopping("circle");
        (body["flexible"], body["before"], body["date"], body["from"], body["until"]) = (true, "2026-11-27", null, null, null);

        var posted = await c.Coordinator.PostedAsync(c.CircleId, body);

        Assert.Equal(JsonValueKind.Null, posted.GetProperty("summary").GetProperty("startsAt").ValueKind);
        // Midnight after Friday 27 November in Amsterdam (CET, UTC+1).
        Assert.Equal(new DateTimeOffset(2026, 11, 27, 23, 0, 0, TimeSpan.Zero), posted.GetProperty("summary").GetProperty("endsAt").GetDateTimeOffset());
        var requestId = posted.GetProperty("summary").GetProperty("id").GetGuid();
        clock.Now = new DateTimeOffset(2026, 11, 27, 22, 59, 0, TimeSpan.Zero);
        await app.SweepAsync();
        Assert.Equal("open", (await (await app.LoginAsync(CircleSteps.EmailOf("Mo Lid"))).DetailsAsync(requestId)).Status());
        clock.Now = new DateTimeOffset(2026, 11, 27, 23, 0, 0, TimeSpan.Zero);
        await app.SweepAsync();
        Assert.Equal("expired", (await (await app.LoginAsync(CircleSteps.EmailOf("Mo Lid"))).DetailsAsync(requestId)).Status());
    }
}
