using System.Text.Json;

namespace Wehelpen.Web.Tests.Neighbourhoods.Figures;

/// <summary>Every figure worked out on the known data set of <see cref="FigureSteps"/>, per gebied and ISO week.</summary>
public sealed class FigureCalculationTests
{
    [Theory, BothDatabases]
    public async Task Each_figure_per_gebied_and_week_is_exact_with_weeks_in_Amsterdam_time(DatabaseProvider provider)
    {
        // Without suppression: the arithmetic itself (FigureSuppressionTests hides what must be hidden).
        var (app, clock) = await FigureSteps.StartAsync(provider, minimumCount: 1);
        await using var _ = app;
        await FigureSteps.SeedAsync(app, clock);
        var admin = await app.AdminAsync();

        var report = await admin.FiguresAsync("?weeks=4");
        Assert.Equal(4, report.GetProperty("weeks").GetInt32());
        Assert.Equal(23, report.GetProperty("areas").GetArrayLength());
        var noord = report.Area("oud-noord");
        Assert.Equal(["2026-W45", "2026-W46", "2026-W47", "2026-W48"], noord.GetProperty("weeks").EnumerateArray().Select(w => w.GetProperty("week").GetString()));

        // Week 47 has the request of Sunday 23:30 in Amsterdam; week 48 the one of Monday 00:30 (still Sunday in UTC).
        var w47 = noord.Week("2026-W47");
        Assert.Equal(7, w47.Value("asked"));
        Assert.Equal(5, w47.Value("claimed"));
        Assert.Equal(0.429, w47.Value("claimedWithin24Hours"));   // 2, 5 and 10 hours: 3 of 7
        Assert.Equal(10, w47.Value("medianHoursToClaim"));        // 2, 5, 10, 30, 50 (the first claim, not the later one)
        Assert.Equal(5, w47.Value("confirmedHelp"));              // the sixth was confirmed by the helper only
        Assert.Equal(7, w47.Value("activeVolunteers"));           // six living there, and the one from Diemen who claimed there
        Assert.Equal(1, w47.Value("requestsPerVolunteer"));

        var w48 = noord.Week("2026-W48");
        Assert.Equal(5, w48.Value("asked"));
        Assert.Equal(0, w48.Value("claimed"));
        Assert.Equal(0, w48.Value("claimedWithin24Hours"));
        Assert.Null(w48.Value("medianHoursToClaim"));
        Assert.Null(w48.Suppressed("medianHoursToClaim"));
        Assert.Equal(0, w48.Value("confirmedHelp"));
        Assert.Equal(7, w48.Value("activeVolunteers"));
        Assert.Equal(0.71, w48.Value("requestsPerVolunteer"));

        var w46 = noord.Week("2026-W46");
        Assert.Equal(0, w46.Value("asked"));
        Assert.Equal(6, w46.Value("activeVolunteers"));           // the claim from Diemen came after this week
        Assert.Null(w46.Value("claimedWithin24Hours"));

        var period = noord.GetProperty("total");
        Assert.Equal(12, period.Value("asked"));
        Assert.Equal(5, period.Value("claimed"));
        Assert.Equal(0.25, period.Value("claimedWithin24Hours"));
        Assert.Equal(10, period.Value("medianHoursToClaim"));
        Assert.Equal(5, period.Value("confirmedHelp"));
        Assert.Equal(7, period.Value("activeVolunteers"));
        Assert.Equal(0.43, period.Value("requestsPerVolunteer"));  // 12 requests over 4 weeks, 7 volunteers

        var pijp = report.Area("de-pijp-rivierenbuurt").Week("2026-W47");
        Assert.Equal(8, pijp.Value("asked"));
        Assert.Equal(0, pijp.Value("activeVolunteers"));
        Assert.Null(pijp.Value("requestsPerVolunteer"));

        var together = report.GetProperty("totalWeeks").EnumerateArray().Single(w => w.GetProperty("week").GetString() == "2026-W47").GetProperty("figures");
        Assert.Equal(15, together.Value("asked"));
        Assert.Equal(20, report.GetProperty("total").Value("asked"));
        var zuid = report.GetProperty("stadsdelen").EnumerateArray().Single(s => s.GetProperty("code").GetString() == "zuid");
        Assert.Equal(8, zuid.GetProperty("total").Value("asked"));
    }

    [Theory, BothDatabases]
    public async Task A_period_other_than_4_12_26_or_52_weeks_is_refused_in_Dutch_and_on_the_page(DatabaseProvider provider)
    {
        var (app, clock) = await FigureSteps.StartAsync(provider);
        await using var _ = app;
        clock.Now = FigureSteps.Now;
        await app.AdminAsync();
        var admin = await app.LoginAsync(Circles.CircleSteps.EmailOf("Ada Beheer"));

        var messages = await ProblemAssert.FieldErrorsAsync(await admin.GetAsync("/api/v1/figures?weeks=5"), "weeks");
        Assert.Equal("Kies een periode van 4, 12, 26 of 52 weken.", Assert.Single(messages));
        await ProblemAssert.FieldErrorsAsync(await admin.GetAsync("/api/v1/figures?weeks=veel"), "weeks");
        Assert.Equal(12, (await admin.FiguresAsync("")).GetProperty("weeks").GetInt32());

        using var browser = await Circles.CircleSteps.BrowserAsync(app, "Ada Beheer");
        var page = await browser.GetAsync("/figures?weeks=7");
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, page.StatusCode);
        Assert.Contains("Kies een periode van 4, 12, 26 of 52 weken.", await page.Content.ReadAsStringAsync());
    }
}
