using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Wehelpen.Web.Tests.Circles;

namespace Wehelpen.Web.Tests.Agenda;

/// <summary>The private feed as a phone reads it: parsed with Ical.Net, not matched as text.</summary>
public sealed class CalendarFeedTests
{
    private const string CircleName = "Zorgcirkel van Jan de Vries";

    [Theory, BothDatabases]
    public async Task The_feed_gives_phones_the_times_in_Amsterdam_with_the_weekly_rule_and_the_circle_name(DatabaseProvider provider)
    {
        await using var app = await AgendaSteps.StartAsync(provider);
        var c = await app.TwoCirclesAsync();
        const string notes = "Verwijsbrief meenemen, en de medicijnlijst; pasje \\ ponsplaatje.\nDaarna koffie in het café op de begane grond (naast de ingang).";
        var hospital = await c.Coordinator.PlannedIdAsync(c.CircleId, new
        {
            title = "Ziekenhuis, cardioloog; 2e etage", date = "2026-04-14", startTime = "10:00", endTime = "11:30",
            place = "OLVG Oost, Oosterpark 9", notes,
        });
        await c.Coordinator.PlannedAsync(c.CircleId, new { title = "Fysiotherapie", date = "2026-03-24", startTime = "09:00", endTime = "09:45", repeatWeekly = true, repeatUntil = "2026-10-31" });
        await c.Stranger.PlannedAsync(c.OtherCircleId, new { title = "Bingo", date = "2026-04-14", startTime = "14:00", endTime = "16:00" });

        var response = await FetchFeedAsync(app, c.Coordinator);
        Assert.Equal("text/calendar; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        var text = await response.Content.ReadAsStringAsync();
        var calendar = Calendar.Load(text)!;

        Assert.Equal(2, calendar.Events.Count); // not the other circle's bingo
        var visit = calendar.Events.Single(e => e.Uid == $"{hospital}@wehelpen");
        Assert.Equal($"{CircleName}: Ziekenhuis, cardioloog; 2e etage", visit.Summary);
        Assert.Equal([CircleName], visit.Categories);
        Assert.Equal("OLVG Oost, Oosterpark 9", visit.Location);
        Assert.Equal(notes, visit.Description);
        Assert.Equal("Europe/Amsterdam", visit.DtStart!.TzId);
        Assert.Equal(new DateTime(2026, 4, 14, 10, 0, 0), visit.DtStart.Value);
        Assert.Equal(new DateTime(2026, 4, 14, 8, 0, 0, DateTimeKind.Utc), visit.DtStart.AsUtc);
        Assert.Equal("Europe/Amsterdam", visit.DtEnd!.TzId);
        Assert.Equal(new DateTime(2026, 4, 14, 9, 30, 0, DateTimeKind.Utc), visit.DtEnd.AsUtc);
        Assert.Null(visit.RecurrenceRule);

        var physio = calendar.Events.Single(e => e.Summary == $"{CircleName}: Fysiotherapie");
        var rule = physio.RecurrenceRule!;
        Assert.Equal(FrequencyType.Weekly, rule.Frequency);
        Assert.Equal(new DateTime(2026, 10, 27, 8, 0, 0, DateTimeKind.Utc), rule.Until!.AsUtc); // the last Tuesday, 09:00 winter time
        var starts = Starts(calendar, physio);
        Assert.Equal(32, starts.Count);
        Assert.Equal(new DateTime(2026, 3, 24, 8, 0, 0, DateTimeKind.Utc), starts[0]);  // 09:00 +01:00
        Assert.Equal(new DateTime(2026, 3, 31, 7, 0, 0, DateTimeKind.Utc), starts[1]);  // 09:00 +02:00
        Assert.Equal(new DateTime(2026, 10, 20, 7, 0, 0, DateTimeKind.Utc), starts[^2]);
        Assert.Equal(new DateTime(2026, 10, 27, 8, 0, 0, DateTimeKind.Utc), starts[^1]);

        // RFC 5545 form: CRLF only, no line longer than 75 octets, and a time zone for Amsterdam.
        Assert.DoesNotContain("\n", text.Replace("\r\n", ""));
        Assert.All(text.Split("\r\n"), line => Assert.True(Encoding.UTF8.GetByteCount(line) <= 75, line));
        Assert.Contains(calendar.TimeZones, z => z.TzId == "Europe/Amsterdam");
    }

    [Theory, BothDatabases]
    public async Task The_phone_and_the_app_agree_on_times_skipped_or_doubled_by_the_clock_change(DatabaseProvider provider)
    {
        await using var app = await AgendaSteps.StartAsync(provider);
        var (carer, circleId) = await app.CarerWithCircleAsync();
        await carer.PlannedAsync(circleId, new { title = "Medicijnen", date = "2026-03-22", startTime = "02:30", endTime = "03:00", repeatWeekly = true, repeatUntil = "2026-04-05" });
        await carer.PlannedAsync(circleId, new { title = "Nachtzuster", date = "2026-10-25", startTime = "02:30", endTime = "03:30" });

        var inApp = (await carer.OccurrencesAsync(circleId, "2026-03-01", "2026-12-31"))
            .Select(o => (o.GetProperty("title").GetString()!, o.Moment("start").UtcDateTime, o.Moment("end").UtcDateTime));
        var calendar = Calendar.Load(await (await FetchFeedAsync(app, carer)).Content.ReadAsStringAsync())!;
        var onPhone = calendar.Events
            .SelectMany(e => calendar.GetOccurrences(new CalDateTime(2026, 3, 1, 0, 0, 0, "UTC"))
                .Where(o => o.Source == e).TakeWhile(o => o.Period.StartTime.Year == 2026)
                .Select(o => (e.Summary![(CircleName.Length + 2)..], o.Period.StartTime.AsUtc, o.Period.EffectiveEndTime!.AsUtc)))
            .OrderBy(o => o.Item2);

        Assert.Equal(inApp, onPhone);
        Assert.Contains(("Medicijnen", new DateTime(2026, 3, 29, 1, 30, 0, DateTimeKind.Utc), new DateTime(2026, 3, 29, 2, 0, 0, DateTimeKind.Utc)), inApp);
        Assert.Contains(("Nachtzuster", new DateTime(2026, 10, 25, 0, 30, 0, DateTimeKind.Utc), new DateTime(2026, 10, 25, 2, 30, 0, DateTimeKind.Utc)), inApp);
    }

    [Theory, BothDatabases]
    public async Task One_feed_covers_all_my_circles_and_a_circle_I_leave_disappears_from_it(DatabaseProvider provider)
    {
        await using var app = await AgendaSteps.StartAsync(provider);
        var c = await app.TwoCirclesAsync();
        var mine = await c.Coordinator.PlannedIdAsync(c.CircleId, new { title = "Ziekenhuis", date = "2026-04-14", startTime = "10:00", endTime = "11:30" });
        await c.Stranger.PlannedAsync(c.OtherCircleId, new { title = "Bingo", date = "2026-04-14", startTime = "14:00", endTime = "16:00" });
        await c.Stranger.JoinAsync(c.OtherCircleId, c.Member);
        var feed = await c.Member.GetFromJsonAsync<JsonElement>("/api/v1/calendar-feed");

        var both = await SummariesAsync(app, feed);
        await c.Coordinator.PutAsJsonAsync($"{AgendaSteps.Agenda(c.CircleId)}/{mine}",
            new { title = "Ziekenhuis (verzet)", date = "2026-04-15", startTime = "10:00", endTime = "11:30" });
        var moved = Calendar.Load(await app.CreateClient().GetStringAsync(new Uri(feed.GetProperty("url").GetString()!).PathAndQuery))!;
        await c.Member.PostAsync($"/api/v1/circles/{c.CircleId}/leave", null);
        var afterLeaving = await SummariesAsync(app, feed);

        Assert.Equal([$"{CircleName}: Ziekenhuis", "Zorgcirkel van Truus Anders: Bingo"], both.Order());
        Assert.Equal(new DateTime(2026, 4, 15, 10, 0, 0), moved.Events.Single(e => e.Uid == $"{mine}@wehelpen").DtStart!.Value); // same UID after a change
        Assert.Equal(["Zorgcirkel van Truus Anders: Bingo"], afterLeaving);
    }

    [Theory, BothDatabases]
    public async Task The_link_is_shown_once_works_until_it_is_reset_and_then_the_old_link_answers_404(DatabaseProvider provider)
    {
        await using var app = await AgendaSteps.StartAsync(provider);
        var (carer, _) = await app.PersonAsync("Carla Coördinator");
        using var phone = app.CreateClient();

        var made = await carer.GetAsync("/api/v1/calendar-feed");
        var first = await made.Content.ReadFromJsonAsync<JsonElement>();
        var again = await carer.GetFromJsonAsync<JsonElement>("/api/v1/calendar-feed");
        var reset = await carer.PostAsync("/api/v1/calendar-feed/reset", null);
        var renewed = await reset.Content.ReadFromJsonAsync<JsonElement>();
        var url = first.GetProperty("url").GetString()!;

        Assert.Matches("^http://localhost/calendar/[A-Za-z0-9_-]{43}\\.ics$", url);
        Assert.Equal("webcal://" + url["http://".Length..], first.GetProperty("webcalUrl").GetString());
        Assert.Equal(AgendaSteps.Now, first.GetProperty("createdAt").GetDateTimeOffset());
        Assert.True(made.Headers.CacheControl?.NoStore);
        // Only its hash is kept: later the answer says since when the link exists, not what it is.
        Assert.Equal(JsonValueKind.Null, again.GetProperty("url").ValueKind);
        Assert.Equal(JsonValueKind.Null, again.GetProperty("webcalUrl").ValueKind);
        Assert.Equal(AgendaSteps.Now, again.GetProperty("createdAt").GetDateTimeOffset());
        Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
        Assert.True(reset.Headers.CacheControl?.NoStore);
        Assert.NotEqual(url, renewed.GetProperty("url").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await phone.GetAsync(new Uri(url).PathAndQuery)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await phone.GetAsync(new Uri(renewed.GetProperty("url").GetString()!).PathAndQuery)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await phone.GetAsync("/calendar/verzonnen-token.ics")).StatusCode);
    }

    [Theory, BothDatabases]
    public async Task Only_a_signed_in_person_gets_a_feed_link(DatabaseProvider provider)
    {
        await using var app = await AgendaSteps.StartAsync(provider);
        using var anonymous = app.CreateApiClient();

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/calendar-feed")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync("/api/v1/calendar-feed/reset", null)).StatusCode);
    }

    private static async Task<HttpResponseMessage> FetchFeedAsync(WehelpenApplication app, HttpClient owner)
    {
        var feed = await owner.GetFromJsonAsync<JsonElement>("/api/v1/calendar-feed");
        var response = await app.CreateClient().GetAsync(new Uri(feed.GetProperty("url").GetString()!).PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return response;
    }

    private static async Task<string[]> SummariesAsync(WehelpenApplication app, JsonElement feed)
    {
        var text = await app.CreateClient().GetStringAsync(new Uri(feed.GetProperty("url").GetString()!).PathAndQuery);
        return Calendar.Load(text)!.Events.Select(e => e.Summary!).ToArray();
    }

    private static List<DateTime> Starts(Calendar calendar, CalendarEvent e) =>
        calendar.GetOccurrences(new CalDateTime(2026, 1, 1, 0, 0, 0, "UTC"))
            .Where(o => o.Source == e).TakeWhile(o => o.Period.StartTime.Year == 2026)
            .Select(o => o.Period.StartTime.AsUtc).ToList();
}
