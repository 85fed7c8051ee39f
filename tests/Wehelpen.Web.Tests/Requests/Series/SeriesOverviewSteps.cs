using Wehelpen.Web.Tests.Circles;

namespace Wehelpen.Web.Tests.Requests.Series;

/// <summary>The series page of a circle, and its forms posted as a browser does.</summary>
public static class SeriesOverviewSteps
{
    public static string Page(Guid circleId, Guid seriesId) => $"/circles/{circleId}/series/{seriesId}";

    /// <summary>
    /// An app on <see cref="RequestSteps.Now"/> with two circles, the four Tuesdays of <see cref="FourTuesdaysAsync"/>,
    /// and Carla's browser for the series' page.
    /// </summary>
    public static async Task<SeriesOnPage> FourTuesdaysOnPageAsync(DatabaseProvider provider)
    {
        var (app, _) = await RequestSteps.StartAsync(provider);
        var c = await app.TwoCirclesAsync();
        var seriesId = await c.FourTuesdaysAsync();
        return new SeriesOnPage(app, c, seriesId, await app.BrowserAsync("Carla Coördinator"), Page(c.CircleId, seriesId));
    }

    /// <summary>Tuesdays 10:00-12:00 from 24 November 2026, four times, asked by Carla Coördinator of the circle.</summary>
    public static Task<Guid> FourTuesdaysAsync(this TwoCircles c) =>
        c.Coordinator.SeriesAsync(c.CircleId, SeriesSteps.Repeating("2026-11-24", new { frequency = "weekly", days = new[] { "tuesday" }, times = 4 }));

    /// <summary>Posts a handler of the series page with the token of <paramref name="formPage"/> (the page itself unless said).</summary>
    public static Task<HttpResponseMessage> PostHandlerAsync(this HttpClient browser, string page, string handler, string? formPage = null,
        params (string Name, string Value)[] fields) =>
        PageForms.PostAsync(browser, $"{page}?handler={handler}", fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)), formPage ?? page);

    /// <summary>The change form as the page fills it, with what the test changes.</summary>
    public static (string, string)[] ChangeFields(string on, string title, string from, string until, params (string, string)[] extra) =>
        new[]
        {
            ("Change.On", on), ("Change.Request.Title", title), ("Change.Request.Description", ""),
            ("Change.Request.Flexible", "false"), ("Change.Request.From", from), ("Change.Request.Until", until),
            ("Change.Request.Repeat", "None"), ("Change.Request.RepeatEnd", "UntilDate"),
        }.Where(f => extra.All(e => e.Item1 != f.Item1)).Concat(extra).ToArray();
}

public sealed record SeriesOnPage(WehelpenApplication App, TwoCircles C, Guid SeriesId, HttpClient Carla, string Page) : IAsyncDisposable
{
    public async ValueTask DisposeAsync()
    {
        Carla.Dispose();
        await App.DisposeAsync();
    }
}
