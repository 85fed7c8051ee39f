using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Wehelpen.Web.Tests.Accounts;

public sealed class AccountPagesTests
{
    [Theory, BothDatabases]
    public async Task Register_and_log_in_through_the_pages_with_a_cookie(DatabaseProvider provider)
    {
        await using var app = await WehelpenApplication.StartAsync(provider);
        using var browser = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var registered = await PageForms.PostAsync(browser, "/account/register",
        [
            new("Input.DisplayName", "Gerrit"), new("Input.Email", "gerrit@example.nl"),
            new("Input.Password", WehelpenApplication.Password), new("Input.Postcode", "1012 ab"), new("Input.Roles", "volunteer"),
            new("Input.AcceptPrivacyStatement", "true"),
        ]);
        Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);
        Assert.StartsWith("/account/check-your-email", registered.Headers.Location?.OriginalString);

        var confirmed = await browser.GetStringAsync(app.LinkInEmail("gerrit@example.nl", "/account/confirm-email").PathAndQuery);
        Assert.Contains("Uw e-mailadres is bevestigd", confirmed);

        var login = await PageForms.PostAsync(browser, "/account/login",
            [new("Input.Email", "gerrit@example.nl"), new("Input.Password", WehelpenApplication.Password)]);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);

        var home = await browser.GetStringAsync("/");
        Assert.Contains("Welkom, Gerrit", home);
        Assert.Contains("Postcode 1012 AB, Amsterdam.", home);
    }

    [Theory, BothDatabases]
    public async Task A_form_with_mistakes_shows_them_next_to_the_fields_and_keeps_what_was_typed(DatabaseProvider provider)
    {
        await using var app = await WehelpenApplication.StartAsync(provider);
        using var browser = app.CreateClient();

        var response = await PageForms.PostAsync(browser, "/account/register",
        [
            new("Input.DisplayName", "Henk de Boer"), new("Input.Email", "henk@example.nl"),
            new("Input.Password", WehelpenApplication.Password), new("Input.Postcode", "12345"),
        ]);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("role=\"alert\"", html);
        Assert.Contains("Dit is geen geldige postcode.", html);
        Assert.Contains("Kies minstens één van de mogelijkheden.", html);
        Assert.Contains("value=\"Henk de Boer\"", html);
        Assert.Contains("aria-invalid=\"true\"", html);
        Assert.Empty(app.Emails("henk@example.nl"));
    }

    [Theory, BothDatabases]
    public async Task A_wrong_password_on_the_login_page_says_so_in_Dutch(DatabaseProvider provider)
    {
        await using var app = await WehelpenApplication.StartAsync(provider);
        await app.RegisterConfirmedAsync("lies@example.nl");
        using var browser = app.CreateClient();

        var response = await PageForms.PostAsync(browser, "/account/login",
            [new("Input.Email", "lies@example.nl"), new("Input.Password", "verkeerd")]);

        Assert.Contains("Het e-mailadres of het wachtwoord klopt niet.", await response.Content.ReadAsStringAsync());
    }

    [Theory, BothDatabases]
    public async Task Registering_on_the_page_with_a_taken_address_shows_the_same_page_as_a_new_one(DatabaseProvider provider)
    {
        await using var app = await WehelpenApplication.StartAsync(provider);
        await app.RegisterConfirmedAsync("gerrit@example.nl", "Gerrit");
        using var browser = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        KeyValuePair<string, string>[] Form(string email) =>
        [
            new("Input.DisplayName", "Iemand Anders"), new("Input.Email", email), new("Input.Password", WehelpenApplication.Password),
            new("Input.Roles", "resident"), new("Input.AcceptPrivacyStatement", "true"),
        ];

        var taken = await PageForms.PostAsync(browser, "/account/register", Form("gerrit@example.nl"));
        var fresh = await PageForms.PostAsync(browser, "/account/register", Form("geert@example.nl"));

        Assert.Equal(HttpStatusCode.Redirect, taken.StatusCode);
        Assert.Equal("/account/check-your-email?email=gerrit@example.nl", taken.Headers.Location?.OriginalString);
        Assert.Equal("/account/check-your-email?email=geert@example.nl", fresh.Headers.Location?.OriginalString);
        Assert.Contains("We hebben een e-mail gestuurd naar gerrit@example.nl", await browser.PageAsync(taken.Headers.Location!.OriginalString));
        Assert.Equal("Iemand wilde een account maken met uw e-mailadres", app.Emails("gerrit@example.nl")[0].Subject);
    }

    [Theory, BothDatabases]
    public async Task After_too_many_wrong_passwords_the_login_page_says_in_Dutch_when_to_try_again(DatabaseProvider provider)
    {
        var (app, _) = await AccountSteps.ThrottledAsync(provider);
        await using var _app = app;
        await app.RegisterConfirmedAsync("lies@example.nl");
        using var browser = app.CreateClient();

        for (var i = 0; i < 10; i++)
            Assert.Equal(HttpStatusCode.OK, (await PageForms.PostAsync(browser, "/account/login",
                [new("Input.Email", "lies@example.nl"), new("Input.Password", $"verkeerd {i}")])).StatusCode);
        var response = await PageForms.PostAsync(browser, "/account/login", [new("Input.Email", "lies@example.nl"), new("Input.Password", "verkeerd")]);

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal(TimeSpan.FromMinutes(15), response.Headers.RetryAfter?.Delta);
        var html = System.Net.WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("role=\"alert\"", html);
        Assert.Contains("Er is te vaak een verkeerd wachtwoord geprobeerd voor dit e-mailadres. Probeer het over 15 minuten opnieuw.", html);
        Assert.Contains("value=\"lies@example.nl\"", html); // what was typed stays
    }

    [Theory, BothDatabases]
    public async Task An_unconfirmed_person_with_the_right_password_can_have_the_confirmation_sent_again_from_the_login_page(DatabaseProvider provider)
    {
        await using var app = await WehelpenApplication.StartAsync(provider);
        await app.RegisterUnconfirmedAsync("kim@example.nl");
        using var browser = app.CreateClient();

        var wrong = await (await PageForms.PostAsync(browser, "/account/login", [new("Input.Email", "kim@example.nl"), new("Input.Password", "verkeerd")])).PageAsync();
        var right = await (await PageForms.PostAsync(browser, "/account/login", [new("Input.Email", "kim@example.nl"), new("Input.Password", WehelpenApplication.Password)])).PageAsync();

        Assert.Contains("Het e-mailadres of het wachtwoord klopt niet.", wrong);
        Assert.DoesNotContain("Bevestig eerst", wrong);
        Assert.DoesNotContain("Stuur de bevestigingsmail opnieuw", wrong);
        Assert.Contains("Bevestig eerst uw e-mailadres", right);
        Assert.Contains("action=\"/account/resend-confirmation\"", right);
        Assert.Contains("Stuur de bevestigingsmail opnieuw", right);

        var sent = await (await PageForms.PostAsync(browser, "/account/resend-confirmation", [new("Input.Email", "kim@example.nl")])).PageAsync();
        Assert.Contains("role=\"status\"", sent);
        Assert.Equal(2, app.Emails("kim@example.nl").Count);
    }

    [Theory, BothDatabases]
    public async Task The_login_page_is_rate_limited_too_but_looking_at_it_is_not(DatabaseProvider provider)
    {
        await using var app = await WehelpenApplication.StartAsync(provider);
        using var browser = app.CreateClient();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 11; i++)
            statuses.Add((await PageForms.PostAsync(browser, "/account/login",
                [new("Input.Email", "x@example.nl"), new("Input.Password", "verkeerd")])).StatusCode);

        Assert.All(statuses.Take(10), s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[10]);
    }

    [Theory, BothDatabases]
    public async Task Logging_out_is_a_post_and_ends_the_session(DatabaseProvider provider)
    {
        await using var app = await WehelpenApplication.StartAsync(provider);
        await app.RegisterConfirmedAsync("tom@example.nl", "Tom");
        using var browser = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await PageForms.PostAsync(browser, "/account/login", [new("Input.Email", "tom@example.nl"), new("Input.Password", WehelpenApplication.Password)]);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/profile")).StatusCode);

        await PageForms.PostAsync(browser, "/account/logout", []);

        var profile = await browser.GetAsync("/profile");
        Assert.Equal(HttpStatusCode.Redirect, profile.StatusCode);
        Assert.StartsWith("/account/login", profile.Headers.Location?.PathAndQuery);
    }
}
