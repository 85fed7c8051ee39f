using System.Net;
using Wehelpen.Web.Tests.Circles;
using Wehelpen.Web.Tests.Neighbourhoods.Figures;

namespace Wehelpen.Web.Tests.Requests.Series;

/// <summary>
/// The figures count a series as its occurrences: each is a request of its own, and the series row is no request.
/// The pages, the API and the CSV of /figures share one query (FigureQueries), so the API speaks for all three.
/// </summary>
public sealed class SeriesFiguresTests
{
    [Theory, BothDatabases]
    public async Task Three_occurrences_done_and_confirmed_count_three_requests_and_the_series_itself_nothing(DatabaseProvider provider)
    {
        var (app, clock) = await FigureSteps.StartAsync(provider, minimumCount: 1); // Thursday 1 October 2026
        await using var _ = app;
        var (carla, _) = await app.PersonAsync("Carla Coördinator");
        var circleId = await carla.CreateCircleAsync();
        var (vera, _) = await app.VolunteerAsync("Vera Vrijwilliger", "1021 AB");
        var fridays = SeriesSteps.Repeating("2026-10-02", new { frequency = "weekly", days = new[] { "friday" }, times = 3 }, audience: "neighbourhood");
        fridays["postcode"] = "1021 AB";
        var seriesId = await carla.SeriesAsync(circleId, fridays);

        var made = (await carla.GetSeriesAsync(seriesId)).Occurrences();
        Assert.Equal(3, made.Length);
        foreach (var (_, _, id) in made)
        {
            Assert.Equal(HttpStatusCode.OK, (await vera.ActAsync(id, "claim")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await vera.ActAsync(id, "done")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await carla.ActAsync(id, "confirm", new { happened = true })).StatusCode);
        }

        clock.Now = new DateTimeOffset(2026, 10, 21, 12, 0, 0, TimeSpan.Zero); // the last 4 weeks: 2026-W40 to W43
        var admin = await app.AdminAsync();
        var report = await admin.FiguresAsync("?weeks=4");
        var noord = report.Area("oud-noord");
        Assert.Equal(3, noord.Week("2026-W40").Value("asked"));
        Assert.Equal(3, noord.GetProperty("total").Value("asked"));
        Assert.Equal(3, noord.GetProperty("total").Value("claimed"));
        Assert.Equal(3, noord.GetProperty("total").Value("confirmedHelp"));
        // Nowhere else either: the whole city asked three times.
        Assert.Equal(3, report.GetProperty("total").Value("asked"));
        Assert.Equal(3, report.GetProperty("total").Value("confirmedHelp"));
    }
}
