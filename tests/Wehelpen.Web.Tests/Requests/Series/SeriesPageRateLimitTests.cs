using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Wehelpen.Web.Tests.Circles;

namespace Wehelpen.Web.Tests.Requests.Series;

/// <summary>Changing and stopping series is limited per person, the series page and the API together.</summary>
public sealed class SeriesPageRateLimitTests
{
    [Theory, BothDatabases]
    public async Task The_page_handlers_share_the_limit_of_the_API_and_looking_does_not_count(DatabaseProvider provider)
    {
        var settings = new Dictionary<string, string?> { ["RateLimits:SeriesChangesPerHour"] = "2" };
        await using var app = await WehelpenApplication.StartAsync(provider, settings, s => s.AddSingleton<TimeProvider>(new TestClock(RequestSteps.Now)));
        var c = await app.TwoCirclesAsync();
        var seriesId = await c.FourTuesdaysAsync();
        using var carla = await app.BrowserAsync("Carla Coördinator");
        var page = SeriesOverviewSteps.Page(c.CircleId, seriesId);

        Assert.Equal(HttpStatusCode.OK, (await c.Coordinator.PostAsJsonAsync($"/api/v1/series/{seriesId}/stop", new { from = "2026-12-15" })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await carla.PostHandlerAsync(page, "Stop", fields: [("Stop.From", "2026-12-08")])).StatusCode);
        var change = await carla.PostHandlerAsync(page, "Change", fields: SeriesOverviewSteps.ChangeFields("2026-12-01", "Later", "14:00", "16:00"));
        var stop = await carla.PostHandlerAsync(page, "Stop", fields: [("Stop.From", "2026-12-01")]);

        Assert.Contains("U heeft in korte tijd veel herhaalde vragen gewijzigd of gestopt.", await RateLimitAssert.IsLimitedPageAsync(change));
        await RateLimitAssert.IsLimitedPageAsync(stop);
        Assert.Contains("gestopt vanaf 8 december", await carla.PageAsync(page));
    }
}
