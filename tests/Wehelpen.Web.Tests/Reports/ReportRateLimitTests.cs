using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Wehelpen.Web.Tests.Circles;
using Wehelpen.Web.Tests.Offers;

namespace Wehelpen.Web.Tests.Reports;

/// <summary>Reporting is limited per person, on the page and the API together.</summary>
public sealed class ReportRateLimitTests
{
    [Theory, BothDatabases]
    public async Task Reports_are_limited_per_person_on_the_page_and_the_API(DatabaseProvider provider)
    {
        await using var app = await WehelpenApplication.StartAsync(provider, new() { ["RateLimits:ReportsPerHour"] = "2" });
        var c = await app.TwoCirclesAsync();
        var posted = await c.Coordinator.AskAsync(c.CircleId, category: "shopping");
        var requestId = (await posted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("summary").GetProperty("id").GetGuid();
        using var mo = await app.BrowserAsync("Mo Lid");
        var page = $"/reports/new?request={requestId}";

        Assert.Equal(HttpStatusCode.Created, (await c.Member.PostAsJsonAsync("/api/v1/reports", new { requestId, reason = "Eerste." })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PageForms.PostAsync(mo, page, [new("Input.Reason", "Tweede.")])).StatusCode);
        var overApi = await c.Member.PostAsJsonAsync("/api/v1/reports", new { requestId, reason = "Derde." });
        var onPage = await PageForms.PostAsync(mo, page, [new("Input.Reason", "Vierde.")]);

        Assert.Equal("U heeft in korte tijd veel meldingen gedaan. U kunt het over 60 minuten weer proberen.", await RateLimitAssert.IsLimitedAsync(overApi));
        Assert.Contains("U heeft in korte tijd veel meldingen gedaan.", await RateLimitAssert.IsLimitedPageAsync(onPage));
        Assert.Equal(HttpStatusCode.Created, (await c.Coordinator.PostAsJsonAsync("/api/v1/reports", new { requestId, reason = "Van iemand anders." })).StatusCode);
    }
}
