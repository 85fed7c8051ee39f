using System.Net;
using Wehelpen.Web.Tests.Circles;
using Wehelpen.Web.Tests.Offers;

namespace Wehelpen.Web.Tests.Requests;

/// <summary>Asking for help is limited per person, on the page and the API together.</summary>
public sealed class RequestRateLimitTests
{
    [Theory, BothDatabases]
    public async Task Posting_requests_is_limited_per_person_on_the_page_and_the_API(DatabaseProvider provider)
    {
        await using var app = await WehelpenApplication.StartAsync(provider, new() { ["RateLimits:HelpRequestsPerHour"] = "2" });
        var c = await app.TwoCirclesAsync();
        using var carla = await app.BrowserAsync("Carla Coördinator");
        var form = $"/circles/{c.CircleId}/requests/new";
        KeyValuePair<string, string>[] fields =
        [
            new("Input.Category", "Shopping"), new("Input.Title", "Boodschappen"), new("Input.Flexible", "true"),
            new("Input.Before", DateTime.UtcNow.AddDays(5).ToString("yyyy-MM-dd")), new("Input.Postcode", "1055 KL"), new("Input.Audience", "Circle"),
        ];

        Assert.Equal(HttpStatusCode.Redirect, (await PageForms.PostAsync(carla, form, fields)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await c.Coordinator.AskAsync(c.CircleId, category: "shopping")).StatusCode);
        var overApi = await c.Coordinator.AskAsync(c.CircleId, category: "shopping");
        var onPage = await PageForms.PostAsync(carla, form, fields);

        Assert.Equal("U heeft in korte tijd veel hulpvragen geplaatst. U kunt het over 60 minuten weer proberen.", await RateLimitAssert.IsLimitedAsync(overApi));
        Assert.Contains("U heeft in korte tijd veel hulpvragen geplaatst.", await RateLimitAssert.IsLimitedPageAsync(onPage));
        Assert.Equal(2, await app.QueryAsync(db => Task.FromResult(db.Set<Web.Features.Requests.HelpRequest>().Count())));
        // Another person, in their own circle, asks as usual.
        Assert.Equal(HttpStatusCode.Created, (await c.Stranger.AskAsync(c.OtherCircleId, category: "shopping")).StatusCode);
    }
}
