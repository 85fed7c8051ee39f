using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Wehelpen.Web.Tests.Circles;

namespace Wehelpen.Web.Tests.Hosting;

/// <summary>
/// The login cookie goes with every request the browser makes to the site, also when another site makes it: on the API
/// it counts only together with the antiforgery header of one of our own pages. Bearer tokens need none.
/// </summary>
public sealed class ApiAntiforgeryTests
{
    [Theory, BothDatabases]
    public async Task A_post_with_the_login_cookie_but_without_the_header_is_refused_and_changes_nothing(DatabaseProvider provider)
    {
        await using var app = await WehelpenApplication.StartAsync(provider);
        await app.RegisterConfirmedAsync(CircleSteps.EmailOf("Mia Jansen"), "Mia Jansen");
        using var browser = await app.BrowserAsync("Mia Jansen");
        var first = await browser.GetFromJsonAsync<JsonElement>("/api/v1/calendar-feed");
        var link = first.GetProperty("url").GetString()!;
        browser.DefaultRequestHeaders.Remove("RequestVerificationToken");

        // As a form of another site would send it: the cookie, no body, no header.
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/calendar-feed/reset");
        request.Headers.Add("Origin", "https://evil.example");
        var forged = await browser.SendAsync(request);
        await PageForms.PostAsync(browser, "/language", [new("language", "en"), new("returnUrl", "/")], formPage: "/circles");
        var forgedInEnglish = await browser.PostAsync("/api/v1/calendar-feed/reset", null);

        var problem = await ProblemAssert.IsProblemAsync(forged, HttpStatusCode.BadRequest);
        Assert.Equal("Beveiligingscontrole mislukt", problem.GetProperty("title").GetString());
        Assert.Contains("RequestVerificationToken", problem.GetProperty("detail").GetString());
        Assert.Equal("Security check failed", (await ProblemAssert.IsProblemAsync(forgedInEnglish, HttpStatusCode.BadRequest)).GetProperty("title").GetString());
        Assert.Equal(HttpStatusCode.OK, (await app.CreateApiClient().GetAsync(new Uri(link).PathAndQuery)).StatusCode);
    }

    [Theory, BothDatabases]
    public async Task With_the_token_of_one_of_our_pages_the_cookie_works_and_a_bearer_token_needs_no_header(DatabaseProvider provider)
    {
        await using var app = await WehelpenApplication.StartAsync(provider);
        await app.RegisterConfirmedAsync(CircleSteps.EmailOf("Mia Jansen"), "Mia Jansen");
        using var browser = await app.BrowserAsync("Mia Jansen");
        using var bearer = await app.LoginAsync(CircleSteps.EmailOf("Mia Jansen"));
        browser.DefaultRequestHeaders.Remove("RequestVerificationToken");

        var token = await PageForms.ApiTokenAsync(browser);
        var withHeader = new HttpRequestMessage(HttpMethod.Post, "/api/v1/calendar-feed/reset");
        withHeader.Headers.Add("RequestVerificationToken", token);
        var wrongHeader = new HttpRequestMessage(HttpMethod.Post, "/api/v1/calendar-feed/reset");
        wrongHeader.Headers.Add("RequestVerificationToken", token[..^4] + "AAAA");

        Assert.Equal(HttpStatusCode.OK, (await browser.SendAsync(withHeader)).StatusCode);
        await ProblemAssert.IsProblemAsync(await browser.SendAsync(wrongHeader), HttpStatusCode.BadRequest);
        Assert.Equal(HttpStatusCode.OK, (await bearer.PostAsync("/api/v1/calendar-feed/reset", null)).StatusCode);
        // Reading stays as it was: a GET changes nothing.
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/api/v1/calendar-feed")).StatusCode);
        // Without a login there is nothing to forge: logging in through the API needs no header.
        var login = await app.CreateApiClient().PostAsJsonAsync("/api/v1/account/login", new { email = CircleSteps.EmailOf("Mia Jansen"), password = WehelpenApplication.Password });
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
    }
}
