using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Wehelpen.Web.Tests.Circles;

namespace Wehelpen.Web.Tests.Offers;

public sealed class OfferPageTests
{
    [Theory, BothDatabases]
    public async Task A_volunteer_publishes_on_the_page_and_a_carer_finds_it_with_distance_and_a_way_to_ask(DatabaseProvider provider)
    {
        await using var app = await WehelpenApplication.StartAsync(provider);
        await app.NeighbourAsync("Anna Centrum", "1012 AB");
        using var anna = await app.BrowserAsync("Anna Centrum", followRedirects: true);

        var refused = await PageForms.PostAsync(anna, "/offers/mine", [new("Input.Text", "Boodschappen op dinsdag.")]);
        var refusedHtml = await refused.Content.ReadAsStringAsync();
        Assert.Contains("Kies wat u aanbiedt.", refusedHtml);
        Assert.Contains("Boodschappen op dinsdag.</textarea>", refusedHtml);

        var published = await PageForms.PostAsync(anna, "/offers/mine",
            [new("Input.Category", "Shopping"), new("Input.Text", "Boodschappen op dinsdag."), new("Input.Availability", "Tuesday:Morning")]);
        var mine = await published.Content.ReadAsStringAsync();
        Assert.Contains("Uw aanbod staat nu online.", mine);
        Assert.Contains("Intrekken: Boodschappen", mine);

        var (jan, _) = await app.NeighbourAsync("Jan de Vries", "1055 KL", "resident");
        var circleId = await jan.CreateCircleAsync(forMyself: true);
        using var janBrowser = await app.BrowserAsync("Jan de Vries", followRedirects: true);
        var offers = WebUtility.HtmlDecode(await janBrowser.GetStringAsync("/offers"));
        Assert.Contains("Boodschappen · Anna", offers);
        Assert.Contains("1012 Amsterdam · 2,9 km", offers);
        Assert.Contains("dinsdag ochtend", offers);
        Assert.Contains($"/circles/{circleId}/requests/new?offer=", offers);
        Assert.Contains("Hulpaanbod</a>", offers);

        var withdrawn = await PageForms.PostAsync(anna, "/offers/mine?handler=Withdraw",
            [new("offerId", await OfferIdAsync(app))], formPage: "/offers/mine");
        Assert.Contains("Uw aanbod is ingetrokken.", await withdrawn.Content.ReadAsStringAsync());
        Assert.DoesNotContain("Boodschappen · Anna", WebUtility.HtmlDecode(await janBrowser.GetStringAsync("/offers")));
    }

    [Theory, BothDatabases]
    public async Task Someone_who_is_not_a_volunteer_or_has_no_postcode_is_told_how_to_offer_help(DatabaseProvider provider)
    {
        await using var app = await WehelpenApplication.StartAsync(provider);
        await app.NeighbourAsync("Rita Bewoner", "1055 KL", "resident");
        await app.NeighbourAsync("Vera Zonderpostcode", null);
        using var rita = await app.BrowserAsync("Rita Bewoner", followRedirects: true);
        using var vera = await app.BrowserAsync("Vera Zonderpostcode", followRedirects: true);

        var ritasPage = await rita.GetStringAsync("/offers/mine");
        Assert.Contains("Alleen vrijwilligers kunnen hulp aanbieden.", ritasPage);
        Assert.DoesNotContain("Aanbod plaatsen", ritasPage);
        Assert.Contains("Vul eerst uw postcode in op uw profiel", await vera.GetStringAsync("/offers/mine"));
        Assert.Contains("<a href=\"/profile\">", await vera.GetStringAsync("/offers"));
    }

    [Theory, BothDatabases]
    public async Task Strangers_cannot_browse_for_a_circle_and_anonymous_visitors_are_sent_to_log_in(DatabaseProvider provider)
    {
        await using var app = await WehelpenApplication.StartAsync(provider);
        var circles = await app.TwoCirclesAsync();
        using var stranger = await app.BrowserAsync("Stan Vreemde");
        using var anonymous = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        foreach (var circle in new[] { circles.CircleId, Guid.CreateVersion7() })
        {
            var response = await stranger.GetAsync($"/offers?circle={circle}");
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/account/access-denied", response.Headers.Location!.AbsolutePath);
        }
        foreach (var path in new[] { "/offers", "/offers/mine", $"/offers?circle={circles.CircleId}" })
        {
            var response = await anonymous.GetAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/account/login", response.Headers.Location!.AbsolutePath);
        }
    }

    private static async Task<string> OfferIdAsync(WehelpenApplication app)
    {
        var anna = await app.LoginAsync(CircleSteps.EmailOf("Anna Centrum"));
        return (await anna.GetFromJsonAsync<JsonElement[]>("/api/v1/offers/mine"))![0].GetProperty("id").GetString()!;
    }
}
