using System.Net;

namespace Wehelpen.Web.Tests.Profiles;

public sealed class ProfilePageTests
{
    private static async Task<HttpClient> SignedInBrowserAsync(WehelpenApplication app, string email)
    {
        var browser = app.CreateClient();
        await PageForms.PostAsync(browser, "/account/login", [new("Input.Email", email), new("Input.Password", WehelpenApplication.Password)]);
        return browser;
    }

    [Theory, BothDatabases]
    public async Task Saving_the_profile_page_shows_the_place_on_a_map_and_the_volunteer_radius(DatabaseProvider provider)
    {
        await using var app = await WehelpenApplication.StartAsync(provider);
        await app.RegisterConfirmedAsync("joke@example.nl", "Joke");
        using var browser = await SignedInBrowserAsync(app, "joke@example.nl");

        var saved = await PageForms.PostAsync(browser, "/profile",
        [
            new("Input.DisplayName", "Joke"), new("Input.Postcode", "1055kl"), new("Input.Roles", "volunteer"),
            new("Input.Categories", "Company"), new("Input.ServiceRadiusKm", "4"), new("Input.Availability", "Wednesday:Afternoon"),
        ]);
        var html = await saved.Content.ReadAsStringAsync();

        Assert.Contains("Uw profiel is opgeslagen.", html);
        Assert.Contains("Postcode 1055 KL, Amsterdam.", html);
        Assert.Contains("U woont in gebied Bos en Lommer, stadsdeel West.", html);
        Assert.Contains("role=\"img\"", html);
        Assert.Contains("waar u wilt helpen (4 km)", html);
        Assert.Contains("value=\"Wednesday:Afternoon\" checked", html.Replace("checked=\"checked\"", "checked"));
    }

    [Theory, BothDatabases]
    public async Task A_radius_that_is_not_a_number_is_refused_instead_of_silently_replaced(DatabaseProvider provider)
    {
        await using var app = await WehelpenApplication.StartAsync(provider);
        await app.RegisterConfirmedAsync("wim@example.nl", "Wim");
        using var browser = await SignedInBrowserAsync(app, "wim@example.nl");

        var response = await PageForms.PostAsync(browser, "/profile",
        [
            new("Input.DisplayName", "Wim"), new("Input.Roles", "volunteer"), new("Input.Categories", "Shopping"), new("Input.ServiceRadiusKm", "veel"),
        ]);

        Assert.Contains("Kies een afstand van 1 tot 25 kilometer.", await response.Content.ReadAsStringAsync());
    }

    [Theory, BothDatabases]
    public async Task The_profile_page_sends_anonymous_visitors_to_the_login_page(DatabaseProvider provider)
    {
        await using var app = await WehelpenApplication.StartAsync(provider);
        using var browser = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await browser.GetAsync("/profile");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login", response.Headers.Location?.PathAndQuery);
    }

    [Theory, BothDatabases]
    public async Task Switching_to_English_shows_the_pages_in_English_and_is_remembered_on_the_account(DatabaseProvider provider)
    {
        await using var app = await WehelpenApplication.StartAsync(provider);
        await app.RegisterConfirmedAsync("nina@example.nl", "Nina");
        using var browser = await SignedInBrowserAsync(app, "nina@example.nl");

        await PageForms.PostAsync(browser, "/language", [new("language", "en"), new("returnUrl", "/profile")], formPage: "/profile");
        var profile = await browser.GetStringAsync("/profile");
        Assert.Contains("<html lang=\"en\">", profile);
        Assert.Contains("My profile", profile);

        // A reset email now comes in English too.
        using var api = app.CreateApiClient();
        await api.PostAsync("/api/v1/account/forgot-password", System.Net.Http.Json.JsonContent.Create(new { email = "nina@example.nl" }));
        Assert.Equal("A new password for Wehelpen", app.Emails("nina@example.nl").First().Subject);
    }
}
