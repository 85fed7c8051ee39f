using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Wehelpen.Web.Features.Requests;
using Wehelpen.Web.Tests.Circles;

namespace Wehelpen.Web.Tests.Requests;

/// <summary>Posting a request and taking it through its life, as the circle and a volunteer nearby see it.</summary>
public sealed class RequestApiTests
{
    [Theory, BothDatabases]
    public async Task An_empty_request_is_refused_field_by_field_and_nothing_is_stored(DatabaseProvider provider)
    {
        var (app, _) = await RequestSteps.StartAsync(provider);
        await using var _app = app;
        var c = await app.TwoCirclesAsync();

        var response = await c.Member.PostAsJsonAsync(RequestSteps.Requests(c.CircleId), new { title = "  " });

        foreach (var field in new[] { "category", "title", "date", "from", "until", "postcode" })
            Assert.NotEmpty(await ProblemAssert.FieldErrorsAsync(response, field));
        Assert.Equal(0, await app.QueryAsync(db => db.Set<HelpRequest>().CountAsync()));
    }

    [Theory, BothDatabases]
    public async Task Times_that_cannot_be_meant_are_explained(DatabaseProvider provider)
    {
        var (app, _) = await RequestSteps.StartAsync(provider);
        await using var _app = app;
        var c = await app.TwoCirclesAsync();
        async Task<string> ErrorAsync(string field, params (string Key, object? Value)[] changes)
        {
            var body = RequestSteps.Shopping();
            foreach (var (key, value) in changes) body[key] = value;
            var response = await c.Member.PostAsJsonAsync(RequestSteps.Requests(c.CircleId), body);
            return string.Join(" ", await ProblemAssert.FieldErrorsAsync(response, field));
        }

        Assert.Contains("al voorbij", await ErrorAsync("until", ("date", "2026-11-23"), ("from", "08:00"), ("until", "09:30")));
        Assert.Contains("later", await ErrorAsync("until", ("from", "12:00"), ("until", "11:00")));
        Assert.Contains("Klopt het jaar", await ErrorAsync("date", ("date", "2027-11-24")));
        Assert.Contains("postbus", await ErrorAsync("postcode", ("postcode", "1000 AA")));
        Assert.Contains("vóór welke dag", await ErrorAsync("before", ("flexible", true)));
        Assert.Contains("telefoonnummer", await ErrorAsync("phone", ("phone", "bel maar")));
        Assert.Contains("geen lid", await ErrorAsync("addressedToId", ("audience", "person"), ("addressedToId", c.StrangerId)));
    }

    [Theory, BothDatabases]
    public async Task A_neighbourhood_request_shows_outsiders_no_address_until_they_claim_it_and_none_after_it_is_done(DatabaseProvider provider)
    {
        var (app, _) = await RequestSteps.StartAsync(provider);
        await using var _app = app;
        var c = await app.TwoCirclesAsync();
        var (volunteer, volunteerId) = await app.VolunteerAsync("Vera Vrijwilliger", "1055 KL");
        var requestId = await c.Coordinator.PostedIdAsync(c.CircleId);

        var nearby = await volunteer.GetStringAsync("/api/v1/requests/nearby");
        Assert.Contains(requestId.ToString(), nearby);
        var before = await volunteer.DetailsAsync(requestId);
        Assert.Equal("outsider", before.GetProperty("view").GetString());
        Assert.Equal("Jan", before.GetProperty("summary").GetProperty("residentFirstName").GetString());
        Assert.Equal("1055", before.GetProperty("summary").GetProperty("pc4").GetString());
        foreach (var secret in new[] { RequestSteps.Address, RequestSteps.Phone, "1055 KL", "de Vries", "Carla" })
            Assert.DoesNotContain(secret, nearby + before);

        var claim = await volunteer.ActAsync(requestId, "claim");
        Assert.Equal(HttpStatusCode.OK, claim.StatusCode);
        var helper = await claim.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("helper", helper.GetProperty("view").GetString());
        Assert.Equal(RequestSteps.Address, helper.GetProperty("address").GetString());
        Assert.Equal(RequestSteps.Phone, helper.GetProperty("contactPhone").GetString());
        Assert.Equal("Jan de Vries", helper.GetProperty("residentName").GetString());
        Assert.DoesNotContain(requestId.ToString(), await volunteer.GetStringAsync("/api/v1/requests/nearby"));

        Assert.Equal(HttpStatusCode.OK, (await volunteer.ActAsync(requestId, "done")).StatusCode);
        var after = await volunteer.DetailsAsync(requestId);
        Assert.Equal("outsider", after.GetProperty("view").GetString());
        Assert.DoesNotContain(RequestSteps.Address, after.ToString());
        Assert.Equal("done", after.Status());

        var circle = await c.Member.DetailsAsync(requestId);
        Assert.Equal("Vera Vrijwilliger", circle.GetProperty("summary").GetProperty("claimedByName").GetString());
        Assert.Equal(volunteerId, circle.GetProperty("claimedById").GetString());
        var logbook = await c.Member.LogbookAsync(c.CircleId);
        Assert.Contains(logbook, t => t.Contains("Vera Vrijwilliger heeft ‘Boodschappen bij de supermarkt’ opgepakt"));
        Assert.Contains(logbook, t => t.Contains("is gedaan (afgemeld door Vera Vrijwilliger)"));
        Assert.Contains(logbook, t => t.Contains("Carla Coördinator vroeg vrijwilligers in de buurt om hulp: ‘Boodschappen bij de supermarkt’."));
    }

    [Theory, BothDatabases]
    public async Task Two_volunteers_claiming_at_the_same_moment_give_one_helper_and_one_kind_refusal(DatabaseProvider provider)
    {
        var (app, _) = await RequestSteps.StartAsync(provider);
        await using var _app = app;
        var c = await app.TwoCirclesAsync();
        var (vera, veraId) = await app.VolunteerAsync("Vera Vrijwilliger");
        var (wim, wimId) = await app.VolunteerAsync("Wim Vrijwilliger");

        for (var round = 0; round < 5; round++)
        {
            var requestId = await c.Coordinator.PostedIdAsync(c.CircleId);
            var answers = await Task.WhenAll(vera.ActAsync(requestId, "claim"), wim.ActAsync(requestId, "claim"));

            Assert.Single(answers, a => a.StatusCode == HttpStatusCode.OK);
            var refused = Assert.Single(answers, a => a.StatusCode != HttpStatusCode.OK);
            var problem = await ProblemAssert.IsProblemAsync(refused, HttpStatusCode.Conflict);
            Assert.Contains("Iemand anders heeft deze hulpvraag al opgepakt", problem.GetProperty("detail").GetString());
            var stored = await app.QueryAsync(db => db.Set<HelpRequest>().AsNoTracking().SingleAsync(r => r.Id == requestId));
            Assert.Equal(RequestStatus.Claimed, stored.Status);
            Assert.Contains(stored.ClaimedById, new[] { veraId, wimId });
            var claims = await app.QueryAsync(db => db.Set<RequestEvent>().CountAsync(e => e.RequestId == requestId && e.Change == RequestChange.Claimed));
            Assert.Equal(1, claims);
        }
    }

    [Theory, BothDatabases]
    public async Task Illegal_changes_are_refused_with_a_message_and_change_nothing(DatabaseProvider provider)
    {
        var (app, _) = await RequestSteps.StartAsync(provider);
        await using var _app = app;
        var c = await app.TwoCirclesAsync();
        var (vera, _) = await app.VolunteerAsync("Vera Vrijwilliger");
        var (wim, _) = await app.VolunteerAsync("Wim Vrijwilliger");
        var requestId = await c.Coordinator.PostedIdAsync(c.CircleId);

        async Task RefusedAsync(HttpClient who, string action, HttpStatusCode status, string message, object? body = null)
        {
            var problem = await ProblemAssert.IsProblemAsync(await who.ActAsync(requestId, action, body), status);
            Assert.Contains(message, problem.GetProperty("detail").GetString());
        }

        await RefusedAsync(c.Coordinator, "claim", HttpStatusCode.Forbidden, "eigen hulpvraag");
        await RefusedAsync(c.Member, "cancel", HttpStatusCode.Forbidden, "Alleen wie de vraag stelde");
        await RefusedAsync(vera, "cancel", HttpStatusCode.Forbidden, "Alleen wie de vraag stelde");
        await RefusedAsync(c.Coordinator, "done", HttpStatusCode.Conflict, "Niemand heeft deze hulpvraag nog opgepakt");
        Assert.Equal(HttpStatusCode.OK, (await vera.ActAsync(requestId, "claim")).StatusCode);
        await RefusedAsync(wim, "give-back", HttpStatusCode.Forbidden, "Alleen wie de hulpvraag heeft opgepakt", new { reason = "kan niet" });
        var noReason = await vera.ActAsync(requestId, "give-back", new { reason = " " });
        Assert.NotEmpty(await ProblemAssert.FieldErrorsAsync(noReason, "reason"));
        Assert.Equal(HttpStatusCode.OK, (await c.Coordinator.ActAsync(requestId, "done")).StatusCode);
        await RefusedAsync(vera, "claim", HttpStatusCode.Conflict, "al gedaan");
        await RefusedAsync(c.Coordinator, "cancel", HttpStatusCode.Conflict, "al gedaan");
        await RefusedAsync(c.Coordinator, "widen", HttpStatusCode.Conflict, "al gedaan");

        var stored = await app.QueryAsync(db => db.Set<HelpRequest>().AsNoTracking().SingleAsync(r => r.Id == requestId));
        Assert.Equal(RequestStatus.Done, stored.Status);
        // Only what happened: posted (its first wave asked at once), claimed, done; none of the refused changes.
        Assert.Equal([RequestChange.Posted, RequestChange.AskedNearby, RequestChange.Claimed, RequestChange.Done],
            await app.QueryAsync(db => db.Set<RequestEvent>().Where(e => e.RequestId == requestId).OrderBy(e => e.Id).Select(e => e.Change).ToListAsync()));
    }

    [Theory, BothDatabases]
    public async Task Giving_back_needs_a_reason_reopens_the_request_and_tells_the_circle_why(DatabaseProvider provider)
    {
        var (app, _) = await RequestSteps.StartAsync(provider);
        await using var _app = app;
        var c = await app.TwoCirclesAsync();
        var requestId = await c.Coordinator.PostedIdAsync(c.CircleId, RequestSteps.Shopping("person", c.MemberId));
        Assert.Equal(HttpStatusCode.OK, (await c.Member.ActAsync(requestId, "claim")).StatusCode);

        var back = await c.Member.ActAsync(requestId, "give-back", new { reason = "Mijn auto is kapot." });

        Assert.Equal(HttpStatusCode.OK, back.StatusCode);
        var details = await c.Coordinator.DetailsAsync(requestId);
        Assert.Equal("open", details.Status());
        // Meant for the one who gave it back: it now goes to the whole circle.
        Assert.Equal("circle", details.Audience());
        var history = details.GetProperty("history").EnumerateArray().ToArray();
        Assert.Equal("givenBack", history[^1].GetProperty("change").GetString());
        Assert.Equal("Mijn auto is kapot.", history[^1].GetProperty("reason").GetString());
        Assert.Contains(await c.Coordinator.LogbookAsync(c.CircleId), t => t.Contains("Mo Lid heeft ‘Boodschappen bij de supermarkt’ teruggegeven. Reden: Mijn auto is kapot."));
    }

    [Theory, BothDatabases]
    public async Task A_request_for_one_person_is_theirs_alone_to_claim(DatabaseProvider provider)
    {
        var (app, _) = await RequestSteps.StartAsync(provider);
        await using var _app = app;
        var c = await app.TwoCirclesAsync();
        var (third, _) = await app.PersonAsync("Tom Derde");
        await c.Coordinator.JoinAsync(c.CircleId, third);
        var (vera, _) = await app.VolunteerAsync("Vera Vrijwilliger");
        var requestId = await c.Coordinator.PostedIdAsync(c.CircleId, RequestSteps.Shopping("person", c.MemberId));

        var list = await third.GetFromJsonAsync<JsonElement>(RequestSteps.Requests(c.CircleId));
        Assert.Equal("Mo Lid", list.GetProperty("current")[0].GetProperty("addressedToName").GetString());
        var problem = await ProblemAssert.IsProblemAsync(await third.ActAsync(requestId, "claim"), HttpStatusCode.Forbidden);
        Assert.Contains("aan iemand anders gesteld", problem.GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await vera.ActAsync(requestId, "claim")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await c.Member.ActAsync(requestId, "claim")).StatusCode);
    }

    [Theory, BothDatabases]
    public async Task Both_sides_confirm_and_only_then_the_help_counts(DatabaseProvider provider)
    {
        var (app, _) = await RequestSteps.StartAsync(provider);
        await using var _app = app;
        var c = await app.TwoCirclesAsync();
        var (vera, _) = await app.VolunteerAsync("Vera Vrijwilliger");
        var requestId = await c.Coordinator.PostedIdAsync(c.CircleId);
        await vera.ActAsync(requestId, "claim");
        await vera.ActAsync(requestId, "done");
        async Task<int> CountedAsync() => (await vera.GetFromJsonAsync<JsonElement>("/api/v1/requests/mine")).GetProperty("confirmedHelpCount").GetInt32();

        Assert.Equal(0, await CountedAsync());
        Assert.NotEmpty(await ProblemAssert.FieldErrorsAsync(await c.Coordinator.ActAsync(requestId, "confirm", new { }), "happened"));
        Assert.Equal(HttpStatusCode.Forbidden, (await c.Member.ActAsync(requestId, "confirm", new { happened = true })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await c.Coordinator.ActAsync(requestId, "confirm", new { happened = true })).StatusCode);

        Assert.Equal(1, await CountedAsync());
        var mine = await vera.GetFromJsonAsync<JsonElement>("/api/v1/requests/mine");
        Assert.True(mine.GetProperty("history")[0].GetProperty("confirmedHelp").GetBoolean());
        Assert.Contains(await c.Member.LogbookAsync(c.CircleId), t => t.Contains("Carla Coördinator bevestigt dat ‘Boodschappen bij de supermarkt’ echt gebeurd is."));
    }

    [Theory, BothDatabases]
    public async Task A_request_can_ask_for_help_with_an_appointment_and_takes_its_time(DatabaseProvider provider)
    {
        var (app, _) = await RequestSteps.StartAsync(provider);
        await using var _app = app;
        var c = await app.TwoCirclesAsync();
        var appointment = await Agenda.AgendaSteps.PlannedIdAsync(c.Coordinator, c.CircleId,
            new { title = "Oogarts OLVG", date = "2026-11-26", startTime = "14:00", endTime = "15:30" });
        var body = RequestSteps.Shopping("circle");
        (body["category"], body["title"], body["date"], body["from"], body["until"]) = ("transport", "Wie rijdt mij naar de oogarts?", null, null, null);
        body["appointmentId"] = appointment;

        var posted = await c.Coordinator.PostedAsync(c.CircleId, body);

        Assert.Equal("Oogarts OLVG", posted.GetProperty("appointmentTitle").GetString());
        Assert.Equal(new DateTimeOffset(2026, 11, 26, 13, 0, 0, TimeSpan.Zero), posted.GetProperty("summary").GetProperty("startsAt").GetDateTimeOffset());
        Assert.Equal(new DateTimeOffset(2026, 11, 26, 14, 30, 0, TimeSpan.Zero), posted.GetProperty("summary").GetProperty("endsAt").GetDateTimeOffset());
        body["appointmentId"] = Guid.NewGuid();
        Assert.NotEmpty(await ProblemAssert.FieldErrorsAsync(await c.Coordinator.PostAsJsonAsync(RequestSteps.Requests(c.CircleId), body), "appointmentId"));
    }

    [Theory, BothDatabases]
    public async Task Automatic_logbook_lines_cannot_be_corrected(DatabaseProvider provider)
    {
        var (app, _) = await RequestSteps.StartAsync(provider);
        await using var _app = app;
        var c = await app.TwoCirclesAsync();
        await c.Coordinator.PostedIdAsync(c.CircleId);
        var page = await c.Coordinator.GetFromJsonAsync<JsonElement>($"/api/v1/circles/{c.CircleId}/logbook");
        var entry = page.GetProperty("items")[0];
        Assert.False(entry.GetProperty("canCorrect").GetBoolean());

        var response = await c.Coordinator.PutAsJsonAsync($"/api/v1/circles/{c.CircleId}/logbook/{entry.GetProperty("id").GetGuid()}", new { text = "anders" });

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_request_endpoints_are_described_in_OpenAPI()
    {
        var (app, _) = await RequestSteps.StartAsync(DatabaseProvider.Sqlite);
        await using var _app = app;

        var paths = (await app.CreateApiClient().GetFromJsonAsync<JsonElement>("/openapi/v1.json")).GetProperty("paths");

        foreach (var path in new[]
        {
            "/api/v1/circles/{circleId}/requests", "/api/v1/circles/{circleId}/request-policy", "/api/v1/circles/{circleId}/blocked-volunteers/{volunteerId}",
            "/api/v1/requests/nearby", "/api/v1/requests/mine", "/api/v1/requests/escalated", "/api/v1/requests/{requestId}",
            "/api/v1/requests/{requestId}/claim", "/api/v1/requests/{requestId}/give-back", "/api/v1/requests/{requestId}/done",
            "/api/v1/requests/{requestId}/cancel", "/api/v1/requests/{requestId}/widen", "/api/v1/requests/{requestId}/confirm",
        })
            Assert.True(paths.TryGetProperty(path, out _), $"{path} is not in the OpenAPI document");
    }
}
