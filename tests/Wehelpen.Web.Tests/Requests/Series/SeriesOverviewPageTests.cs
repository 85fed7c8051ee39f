using System.Net;
using Microsoft.EntityFrameworkCore;
using Wehelpen.Web.Features.Requests;
using Wehelpen.Web.Features.Requests.Series;
using Wehelpen.Web.Tests.Circles;

namespace Wehelpen.Web.Tests.Requests.Series;

/// <summary>
/// The page of a series (/circles/{id}/series/{id}): the rule in words, what was made, what comes, what summer time
/// skips; changing and stopping it from a date by whoever may; and the box on each occurrence's page.
/// </summary>
public sealed class SeriesOverviewPageTests
{
    [Theory, BothDatabases]
    public async Task The_page_tells_the_rule_the_occurrences_the_dates_to_come_and_the_night_summer_time_skips(DatabaseProvider provider)
    {
        var (app, clock) = await RequestSteps.StartAsync(provider);
        await using var _app = app;
        clock.Now = new DateTimeOffset(2027, 3, 20, 9, 0, 0, TimeSpan.Zero); // Saturday; summer time starts Sunday 28 March at 02:00
        var c = await app.TwoCirclesAsync();
        var night = SeriesSteps.Repeating("2027-03-21", new { frequency = "weekly", days = new[] { "sunday" }, times = 6 });
        (night["from"], night["until"]) = ("02:30", "04:00");
        var seriesId = await c.Coordinator.SeriesAsync(c.CircleId, night);
        var made = (await c.Coordinator.GetSeriesAsync(seriesId)).Occurrences();
        Assert.Equal(["2027-03-21", "2027-04-04", "2027-04-11"], made.Select(o => o.On)); // 28 March has no 02:30
        Assert.Equal(HttpStatusCode.OK, (await c.Member.ActAsync(made[1].Id, "claim")).StatusCode);
        var once = RequestSteps.Shopping("circle");
        once["date"] = "2027-03-30";
        var single = await c.Coordinator.PostedIdAsync(c.CircleId, once);
        clock.Now = new DateTimeOffset(2027, 3, 27, 9, 0, 0, TimeSpan.Zero); // a week on, before the night job

        using var carla = await app.BrowserAsync("Carla Coördinator");
        var page = await carla.PageAsync(SeriesOverviewSteps.Page(c.CircleId, seriesId));
        Assert.Contains("elke zondag, 02:30–04:00, nog 5 keer", page);
        Assert.Contains("Op zondag 28 maart valt 02:30 weg door de zomertijd; deze keer wordt niet aangemaakt. Vraag die dag apart om hulp.", page);
        foreach (var (on, id) in new[] { ("zondag 21 maart", made[0].Id), ("zondag 4 april", made[1].Id), ("zondag 11 april", made[2].Id) })
            Assert.Contains($"<a href=\"/circles/{c.CircleId}/requests/{id}\">{on}</a>", page);
        Assert.Contains("Opgepakt · wie helpt: Mo Lid", page);
        Assert.Contains("<li>zondag 18 april</li>", page);   // within the horizon, not made yet
        Assert.DoesNotContain("<li>zondag 25 april</li>", page);
        Assert.Contains("Wijzigen vanaf een datum", page);

        var request = await carla.PageAsync($"/circles/{c.CircleId}/requests/{made[2].Id}");
        Assert.Contains("Deel van een reeks: elke zondag, 02:30–04:00, nog 5 keer.", request);
        Assert.Contains($"<a href=\"{SeriesOverviewSteps.Page(c.CircleId, seriesId)}\">Bekijk de reeks</a>", request);
        Assert.DoesNotContain("Deel van een reeks", await carla.PageAsync($"/circles/{c.CircleId}/requests/{single}"));
    }

    [Theory, BothDatabases]
    public async Task Changing_on_the_page_starts_a_new_series_keeps_the_taken_one_with_its_helper_and_says_so(DatabaseProvider provider)
    {
        await using var setup = await SeriesOverviewSteps.FourTuesdaysOnPageAsync(provider);
        var (app, c, seriesId, carla, page) = setup;
        var made = (await c.Coordinator.GetSeriesAsync(seriesId)).Occurrences();
        Assert.Equal(HttpStatusCode.OK, (await c.Member.ActAsync(made[2].Id, "claim")).StatusCode); // 8 December
        var changed = await carla.PostHandlerAsync(page, "Change", fields: SeriesOverviewSteps.ChangeFields("2026-12-01", "Boodschappen 's middags", "14:00", "16:00"));

        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        var newId = await app.QueryAsync(db => db.Set<RequestSeries>().Where(s => s.Id != seriesId).Select(s => s.Id).SingleAsync());
        Assert.Equal(SeriesOverviewSteps.Page(c.CircleId, newId), changed.Headers.Location!.OriginalString);
        var next = await carla.PageAsync(changed.Headers.Location!.OriginalString);
        Assert.Contains("De reeks is gewijzigd vanaf dinsdag 1 december. dinsdag 8 december blijft bij Mo Lid; bespreek de nieuwe tijd met Mo Lid.", next);
        Assert.Contains("Keren die nog niemand had aangenomen (2), zijn afgezegd en opnieuw gevraagd zoals het nu is.", next);
        Assert.Contains("elke dinsdag, 14:00–16:00, nog 3 keer", next);
        Assert.Contains("Reeks: Boodschappen 's middags", next);
        Assert.DoesNotContain("gewijzigd vanaf", await carla.PageAsync(changed.Headers.Location!.OriginalString)); // told once
        Assert.Contains("gestopt vanaf 1 december", await carla.PageAsync(page));
    }

    [Theory, BothDatabases]
    public async Task Stopping_on_the_page_cancels_from_that_date_and_shows_the_series_stopped(DatabaseProvider provider)
    {
        await using var setup = await SeriesOverviewSteps.FourTuesdaysOnPageAsync(provider);
        var (app, c, seriesId, carla, page) = setup;

        var stopped = await carla.PostHandlerAsync(page, "Stop", fields: [("Stop.From", "2026-12-08"), ("Stop.Reason", "Jan gaat naar zijn dochter")]);

        Assert.Equal(HttpStatusCode.Redirect, stopped.StatusCode);
        Assert.Equal(page, stopped.Headers.Location!.OriginalString);
        var shown = await carla.PageAsync(page);
        Assert.Contains("De reeks stopt vanaf dinsdag 8 december.", shown);
        Assert.Contains("elke dinsdag, 10:00–12:00, gestopt vanaf 8 december", shown);
        var statuses = (await app.StoredOccurrencesAsync(seriesId)).Select(r => (r.OccurrenceOn!.Value.Day, r.Status));
        Assert.Equal([(24, RequestStatus.Open), (1, RequestStatus.Open), (8, RequestStatus.Cancelled), (15, RequestStatus.Cancelled)], statuses);
    }

    [Theory, BothDatabases]
    public async Task Wrong_fields_are_told_next_to_them_in_Dutch_or_English_and_nothing_is_written(DatabaseProvider provider)
    {
        await using var setup = await SeriesOverviewSteps.FourTuesdaysOnPageAsync(provider);
        var (app, c, seriesId, carla, page) = setup;

        async Task<string> ChangeAsync(params (string, string)[] fields) =>
            await (await carla.PostHandlerAsync(page, "Change", fields: fields)).PageAsync();
        var past = await ChangeAsync(SeriesOverviewSteps.ChangeFields("2026-11-20", "Boodschappen", "14:00", "16:00"));
        Assert.Contains("class=\"field-error\" id=\"Change_On-error\">Die datum is al voorbij", past);
        var noDays = await ChangeAsync(SeriesOverviewSteps.ChangeFields("2026-12-01", "Boodschappen", "14:00", "16:00", ("Change.Request.Repeat", "Weekly")));
        Assert.Contains("class=\"field-error\" id=\"Change_Request_Days-error\">Kies op welke dagen van de week.", noDays);
        var change = await ChangeAsync(SeriesOverviewSteps.ChangeFields("2026-12-01", "", "14:00", "16:00"));
        Assert.Contains("class=\"field-error\" id=\"Change_Request_Title-error\">Vul dit in.", change);
        Assert.Contains("<details class=\"confirm\" open=\"open\">", change);
        var stop = await (await carla.PostHandlerAsync(page, "Stop", fields: [("Stop.From", "")])).PageAsync();
        Assert.Contains("class=\"field-error\" id=\"Stop_From-error\">Kies vanaf welke datum.", stop);

        await PageForms.PostAsync(carla, "/language", [new("language", "en"), new("returnUrl", page)], formPage: page);
        var english = await (await carla.PostHandlerAsync(page, "Stop", fields: [("Stop.From", "")])).PageAsync();
        Assert.Contains("class=\"field-error\" id=\"Stop_From-error\">Choose from which date.", english);
        Assert.DoesNotContain("Kies vanaf welke datum.", english);

        Assert.Equal(1, await app.QueryAsync(db => db.Set<RequestSeries>().CountAsync()));
        Assert.Null(await app.QueryAsync(db => db.Set<RequestSeries>().Select(s => s.StoppedFrom).SingleAsync()));
        Assert.All(await app.StoredOccurrencesAsync(seriesId), r => Assert.Equal(RequestStatus.Open, r.Status));
    }

    [Theory, BothDatabases]
    public async Task A_member_who_did_not_ask_sees_the_page_without_the_forms_and_cannot_stop_it(DatabaseProvider provider)
    {
        await using var setup = await SeriesOverviewSteps.FourTuesdaysOnPageAsync(provider);
        var (app, c, seriesId, _, page) = setup;
        using var mo = await app.BrowserAsync("Mo Lid");

        var shown = await mo.PageAsync(page);
        Assert.Contains("elke dinsdag, 10:00–12:00, nog 4 keer", shown);
        Assert.DoesNotContain("handler=Stop", shown);
        Assert.DoesNotContain("handler=Change", shown);
        Assert.Contains("Alleen wie de vraag stelde, de hoofdpersoon of een coördinator kan de reeks wijzigen of stoppen.", shown);

        var refused = await (await mo.PostHandlerAsync(page, "Stop", fields: [("Stop.From", "2026-12-01")])).PageAsync();
        Assert.Contains("Alleen wie de vraag stelde", refused);
        Assert.All(await app.StoredOccurrencesAsync(seriesId), r => Assert.Equal(RequestStatus.Open, r.Status));
    }

    /// <summary>A page's antiforgery tokens differ at every answer; the rest must be the same.</summary>
    private static string WithoutTokens(string html) => System.Text.RegularExpressions.Regex.Replace(html, "CfDJ8[A-Za-z0-9_-]+", "");

    public static TheoryData<DatabaseProvider, string> Handlers()
    {
        var data = new TheoryData<DatabaseProvider, string>();
        foreach (var provider in BothDatabasesAttribute.Providers)
            foreach (var handler in new[] { "", "Change", "Stop" }) data.Add(provider, handler);
        return data;
    }

    [Theory, MemberData(nameof(Handlers))]
    public async Task A_stranger_gets_404_as_for_a_made_up_series_on_the_page_and_each_handler(DatabaseProvider provider, string handler)
    {
        await using var setup = await SeriesOverviewSteps.FourTuesdaysOnPageAsync(provider);
        var (app, c, seriesId, _, _) = setup;
        using var stan = await app.BrowserAsync("Stan Vreemde");
        var ownPage = $"/circles/{c.OtherCircleId}/requests";

        Task<HttpResponseMessage> Send(Guid circleId, Guid id) => handler.Length == 0
            ? stan.GetAsync(SeriesOverviewSteps.Page(circleId, id))
            : stan.PostHandlerAsync(SeriesOverviewSteps.Page(circleId, id), handler, ownPage,
                [.. SeriesOverviewSteps.ChangeFields("2026-12-01", "Weg", "14:00", "16:00"), ("Stop.From", "2026-12-01")]);

        // Through Stan's own circle: the series is not found there, as a made-up one.
        var existing = await Send(c.OtherCircleId, seriesId);
        var madeUp = await Send(c.OtherCircleId, Guid.NewGuid());
        Assert.Equal(HttpStatusCode.NotFound, existing.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, madeUp.StatusCode);
        Assert.Equal(WithoutTokens(await madeUp.Content.ReadAsStringAsync()), WithoutTokens(await existing.Content.ReadAsStringAsync()));
        // Through the series' own circle, the circle's pages refuse him before any series is looked at (as every page of
        // a circle does): the same answer for this series, a made-up one, and a circle that does not exist.
        var answers = new[] { await Send(c.CircleId, seriesId), await Send(c.CircleId, Guid.NewGuid()), await Send(Guid.NewGuid(), seriesId) };
        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Redirect, a.StatusCode));
        Assert.All(answers, a => Assert.Equal("/account/access-denied", a.Headers.Location!.AbsolutePath));
        Assert.Equal(1, await app.QueryAsync(db => db.Set<RequestSeries>().CountAsync()));
        Assert.All(await app.StoredOccurrencesAsync(seriesId), r => Assert.Equal(RequestStatus.Open, r.Status));
    }
}
