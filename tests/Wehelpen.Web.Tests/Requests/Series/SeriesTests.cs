using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Wehelpen.Web.Tests.Circles;

namespace Wehelpen.Web.Tests.Requests.Series;

/// <summary>
/// Help that repeats: each occurrence its own request, made up to four weeks ahead at the same Amsterdam wall-clock
/// time on both sides of a change of summer time; changed or stopped from a date on without touching the past.
/// </summary>
public sealed class SeriesTests
{
    [Theory, BothDatabases]
    public async Task A_weekly_series_stays_at_ten_oclock_across_the_start_of_summer_time(DatabaseProvider provider)
    {
        var (app, clock) = await RequestSteps.StartAsync(provider);
        await using var _app = app;
        clock.Now = new DateTimeOffset(2027, 3, 20, 9, 0, 0, TimeSpan.Zero); // Saturday; summer time starts Sunday 28 March
        var c = await app.TwoCirclesAsync();

        var seriesId = await c.Coordinator.SeriesAsync(c.CircleId,
            SeriesSteps.Repeating("2027-03-23", new { frequency = "weekly", days = new[] { "tuesday" }, times = 6 }));

        var series = await c.Member.GetSeriesAsync(seriesId);
        // Four weeks ahead: 6 times, of which 4 lie within the horizon.
        Assert.Equal(["2027-03-23", "2027-03-30", "2027-04-06", "2027-04-13"], series.Occurrences().Select(o => o.On));
        Assert.All(series.Occurrences(), o => Assert.Equal("open", o.Status));
        var before = await c.Member.DetailsAsync(series.Occurrences()[0].Id);
        var after = await c.Member.DetailsAsync(series.Occurrences()[1].Id);
        Assert.Equal(new DateTimeOffset(2027, 3, 23, 9, 0, 0, TimeSpan.Zero), before.GetProperty("summary").GetProperty("startsAt").GetDateTimeOffset());
        Assert.Equal(new DateTimeOffset(2027, 3, 30, 8, 0, 0, TimeSpan.Zero), after.GetProperty("summary").GetProperty("startsAt").GetDateTimeOffset());
        Assert.Equal(seriesId, after.GetProperty("seriesId").GetGuid());
        Assert.Equal("Boodschappen bij de supermarkt", after.GetProperty("summary").GetProperty("title").GetString());
    }

    [Theory, BothDatabases]
    public async Task Every_two_weeks_across_the_end_of_summer_time_is_topped_up_by_the_night_job_and_never_twice(DatabaseProvider provider)
    {
        var (app, clock) = await RequestSteps.StartAsync(provider);
        await using var _app = app;
        clock.Now = new DateTimeOffset(2027, 10, 23, 9, 0, 0, TimeSpan.Zero); // Saturday; winter time starts Sunday 31 October
        var c = await app.TwoCirclesAsync();
        var body = SeriesSteps.Repeating("2027-10-24", new { frequency = "everyTwoWeeks", days = new[] { "sunday" }, untilDate = "2027-11-21" });

        var seriesId = await c.Coordinator.SeriesAsync(c.CircleId, body);
        Assert.Equal(["2027-10-24", "2027-11-07"], (await c.Coordinator.GetSeriesAsync(seriesId)).Occurrences().Select(o => o.On));

        clock.Now = new DateTimeOffset(2027, 11, 1, 3, 15, 0, TimeSpan.Zero); // the night job, a week later
        Assert.Equal(1, await app.TopUpSeriesAsync());
        Assert.Equal(0, await app.TopUpSeriesAsync());

        var stored = await app.StoredOccurrencesAsync(seriesId);
        Assert.Equal([new DateOnly(2027, 10, 24), new DateOnly(2027, 11, 7), new DateOnly(2027, 11, 21)], stored.Select(r => r.OccurrenceOn!.Value));
        Assert.Equal([new DateTimeOffset(2027, 10, 24, 8, 0, 0, TimeSpan.Zero), new DateTimeOffset(2027, 11, 7, 9, 0, 0, TimeSpan.Zero), new DateTimeOffset(2027, 11, 21, 9, 0, 0, TimeSpan.Zero)],
            stored.Select(r => r.StartsAt!.Value.ToUniversalTime()));
    }

    [Theory, BothDatabases]
    public async Task Stopping_from_a_date_cancels_what_comes_after_it_and_leaves_what_came_before(DatabaseProvider provider)
    {
        var (app, _) = await RequestSteps.StartAsync(provider);
        await using var _app = app;
        var c = await app.TwoCirclesAsync();
        var seriesId = await c.Coordinator.SeriesAsync(c.CircleId,
            SeriesSteps.Repeating("2026-11-24", new { frequency = "weekly", days = new[] { "tuesday" }, times = 4 }));
        var made = (await c.Coordinator.GetSeriesAsync(seriesId)).Occurrences();
        Assert.Equal(HttpStatusCode.OK, (await c.Member.ActAsync(made[1].Id, "claim")).StatusCode);

        var stop = await c.Coordinator.PostAsJsonAsync($"/api/v1/series/{seriesId}/stop", new { from = "2026-12-01", reason = "Opname in het ziekenhuis" });
        Assert.True(stop.IsSuccessStatusCode, await stop.Content.ReadAsStringAsync());

        var series = await stop.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("2026-12-01", series.GetProperty("stoppedFrom").GetString());
        Assert.Equal([("2026-11-24", "open"), ("2026-12-01", "cancelled"), ("2026-12-08", "cancelled"), ("2026-12-15", "cancelled")],
            series.Occurrences().Select(o => (o.On, o.Status)));
        // The helper of the claimed one hears it as for any cancelled request: it is in their history as cancelled, with the reason.
        var claimed = await c.Coordinator.DetailsAsync(made[1].Id);
        Assert.Contains(claimed.GetProperty("history").EnumerateArray(), e => e.GetProperty("reason").GetString() == "Opname in het ziekenhuis");
        Assert.Equal(0, await app.TopUpSeriesAsync());
    }

    [Theory, BothDatabases]
    public async Task Changing_from_a_date_remakes_the_open_ones_keeps_a_claimed_one_with_its_helper_and_leaves_the_past(DatabaseProvider provider)
    {
        var (app, _) = await RequestSteps.StartAsync(provider);
        await using var _app = app;
        var c = await app.TwoCirclesAsync();
        var seriesId = await c.Coordinator.SeriesAsync(c.CircleId,
            SeriesSteps.Repeating("2026-11-24", new { frequency = "weekly", days = new[] { "tuesday" }, times = 4 }));
        var made = (await c.Coordinator.GetSeriesAsync(seriesId)).Occurrences();
        Assert.Equal(HttpStatusCode.OK, (await c.Member.ActAsync(made[2].Id, "claim")).StatusCode); // 8 December

        var afternoon = RequestSteps.Shopping("circle");
        (afternoon["title"], afternoon["from"], afternoon["until"]) = ("Boodschappen 's middags", "14:00", "16:00");
        var response = await c.Coordinator.PostAsJsonAsync($"/api/v1/series/{seriesId}/change", new { from = "2026-12-01", request = afternoon });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        var changed = await response.Content.ReadFromJsonAsync<JsonElement>();

        var next = changed.GetProperty("series");
        Assert.Equal(["2026-12-01", "2026-12-08", "2026-12-15"], next.Occurrences().Select(o => o.On));
        Assert.Equal([made[2].Id], changed.GetProperty("keptWithHelper").EnumerateArray().Select(k => k.GetProperty("requestId").GetGuid()));
        Assert.Equal(2, changed.GetProperty("cancelled").GetInt32());
        var kept = await c.Coordinator.DetailsAsync(made[2].Id);
        Assert.Equal("claimed", kept.Status());
        Assert.Equal(c.MemberId, kept.GetProperty("claimedById").GetString());
        Assert.Equal(new DateTimeOffset(2026, 12, 8, 9, 0, 0, TimeSpan.Zero), kept.GetProperty("summary").GetProperty("startsAt").GetDateTimeOffset());
        var remade = await c.Coordinator.DetailsAsync(next.Occurrences()[0].Id);
        Assert.Equal("Boodschappen 's middags", remade.GetProperty("summary").GetProperty("title").GetString());
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 13, 0, 0, TimeSpan.Zero), remade.GetProperty("summary").GetProperty("startsAt").GetDateTimeOffset());

        var old = await c.Coordinator.GetSeriesAsync(seriesId);
        Assert.Equal("2026-12-01", old.GetProperty("stoppedFrom").GetString());
        Assert.Equal([("2026-11-24", "open"), ("2026-12-01", "cancelled"), ("2026-12-15", "cancelled")], old.Occurrences().Select(o => (o.On, o.Status)));
        var past = await c.Coordinator.DetailsAsync(made[0].Id);
        Assert.Equal("Boodschappen bij de supermarkt", past.GetProperty("summary").GetProperty("title").GetString());
    }

    [Theory, BothDatabases]
    public async Task A_series_with_a_broken_rule_is_refused_in_Dutch_and_nothing_is_written(DatabaseProvider provider)
    {
        var (app, _) = await RequestSteps.StartAsync(provider);
        await using var _app = app;
        var c = await app.TwoCirclesAsync();

        var noDays = await c.Coordinator.PostAsJsonAsync(RequestSteps.Requests(c.CircleId),
            SeriesSteps.Repeating("2026-11-24", new { frequency = "weekly", days = Array.Empty<string>(), times = 4 }));
        Assert.Equal(["Kies op welke dagen van de week."], await ProblemAssert.FieldErrorsAsync(noDays, "repeat.days"));
        var noEnd = await c.Coordinator.PostAsJsonAsync(RequestSteps.Requests(c.CircleId),
            SeriesSteps.Repeating("2026-11-24", new { frequency = "monthly", dayOfMonth = 24 }));
        Assert.Equal(["Kies tot welke datum de vraag terugkomt, of hoe vaak."], await ProblemAssert.FieldErrorsAsync(noEnd, "repeat.untilDate"));
        var badTitle = SeriesSteps.Repeating("2026-11-24", new { frequency = "weekly", days = new[] { "tuesday" }, times = 4 });
        badTitle["title"] = "";
        await ProblemAssert.FieldErrorsAsync(await c.Coordinator.PostAsJsonAsync(RequestSteps.Requests(c.CircleId), badTitle), "title");

        var list = await c.Coordinator.GetFromJsonAsync<JsonElement>(RequestSteps.Requests(c.CircleId));
        Assert.Equal(0, list.GetProperty("current").GetArrayLength());
        Assert.Equal(0, await app.TopUpSeriesAsync());
    }

    [Theory, BothDatabases]
    public async Task A_past_date_cannot_be_changed_or_stopped(DatabaseProvider provider)
    {
        var (app, _) = await RequestSteps.StartAsync(provider);
        await using var _app = app;
        var c = await app.TwoCirclesAsync();
        var seriesId = await c.Coordinator.SeriesAsync(c.CircleId,
            SeriesSteps.Repeating("2026-11-24", new { frequency = "weekly", days = new[] { "tuesday" }, times = 4 }));

        var stop = await c.Coordinator.PostAsJsonAsync($"/api/v1/series/{seriesId}/stop", new { from = "2026-11-20" });
        Assert.Equal(["Die datum is al voorbij. Wat geweest is, blijft zoals het was: kies vandaag of later."], await ProblemAssert.FieldErrorsAsync(stop, "from"));
        Assert.All((await c.Coordinator.GetSeriesAsync(seriesId)).Occurrences(), o => Assert.Equal("open", o.Status));
    }

    public static TheoryData<DatabaseProvider, string> SeriesEndpoints()
    {
        var data = new TheoryData<DatabaseProvider, string>();
        foreach (var provider in BothDatabasesAttribute.Providers)
            foreach (var endpoint in new[] { "GET ", "POST /change", "POST /stop" }) data.Add(provider, endpoint);
        return data;
    }

    [Theory, MemberData(nameof(SeriesEndpoints))]
    public async Task Strangers_get_the_answer_of_a_series_that_does_not_exist(DatabaseProvider provider, string endpoint)
    {
        var (app, _) = await RequestSteps.StartAsync(provider);
        await using var _app = app;
        var c = await app.TwoCirclesAsync();
        var seriesId = await c.Coordinator.SeriesAsync(c.CircleId,
            SeriesSteps.Repeating("2026-11-24", new { frequency = "weekly", days = new[] { "tuesday" }, times = 4 }));
        var (method, action) = (endpoint.Split(' ')[0], endpoint.Split(' ')[1]);
        HttpRequestMessage Request(Guid id) => new(new HttpMethod(method), $"/api/v1/series/{id}{action}")
        {
            Content = method == "POST" ? JsonContent.Create(new { from = "2026-12-01", request = RequestSteps.Shopping("circle"), reason = "x" }) : null,
        };

        var existing = await c.Stranger.SendAsync(Request(seriesId));
        var madeUp = await c.Stranger.SendAsync(Request(Guid.NewGuid()));
        await ProblemAssert.IsProblemAsync(existing, HttpStatusCode.NotFound);
        await ProblemAssert.IsProblemAsync(madeUp, HttpStatusCode.NotFound);
        Assert.Equal(await ProblemAssert.ComparableBodyAsync(madeUp), await ProblemAssert.ComparableBodyAsync(existing));
        Assert.Equal(HttpStatusCode.Unauthorized, (await c.Anonymous.SendAsync(Request(seriesId))).StatusCode);
        Assert.All((await c.Coordinator.GetSeriesAsync(seriesId)).Occurrences(), o => Assert.Equal("open", o.Status));
    }
}
