using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Wehelpen.Web.Demo;
using Wehelpen.Web.Features.Accounts.Passwords;

namespace Wehelpen.Web.Tests.Accounts;

/// <summary>At least 8 characters, at most 256, no composition rules; not a common password, not one's own name or address.</summary>
public sealed partial class PasswordRulesTests
{
    private const string TooCommon = "Dit wachtwoord wordt heel vaak gebruikt en is daardoor snel geraden. Kies iets anders, bijvoorbeeld een zin van een paar woorden.";

    [Theory, BothDatabases]
    public async Task Common_passwords_are_refused_whatever_their_case_and_with_digits_or_signs_around_them(DatabaseProvider provider)
    {
        await using var app = await WehelpenApplication.StartAsync(provider);
        using var client = app.CreateApiClient();

        // From the bundled list (iloveyou, qwertyuiop, password1, sunshine), our Dutch list, and both with a bit around them.
        foreach (var password in new[] { "wachtwoord", "WachtWoord", "Password123", "iloveyou", "QWERTYUIOP", "password1", "Sunshine!!", "welkom2024!", "#feyenoord1908", "12345678" })
            Assert.Equal([TooCommon], await ProblemAssert.FieldErrorsAsync(await RegisterAsync(client, "anna@example.nl", "Anna", password), "password"));

        Assert.Equal(HttpStatusCode.Created, (await RegisterAsync(client, "anna@example.nl", "Anna", "paarse fiets op de dijk")).StatusCode);
        Assert.True(app.Services.GetRequiredService<CommonPasswords>().Count >= 10_000);
    }

    [Theory, BothDatabases]
    public async Task A_password_with_ones_own_email_address_or_name_in_it_is_refused(DatabaseProvider provider)
    {
        await using var app = await WehelpenApplication.StartAsync(provider);
        using var client = app.CreateApiClient();
        const string email = "marieke.jansen@example.nl";
        const string name = "Marieke de Jong-Bakker";

        Assert.Equal(["Het wachtwoord mag uw e-mailadres niet bevatten."],
            await ProblemAssert.FieldErrorsAsync(await RegisterAsync(client, email, name, "MARIEKE.JANSEN@example.nl!"), "password"));
        Assert.Equal(["Het wachtwoord mag uw e-mailadres niet bevatten."],
            await ProblemAssert.FieldErrorsAsync(await RegisterAsync(client, email, name, "ik ben marieke.jansen"), "password"));
        Assert.Equal(["Het wachtwoord mag uw naam niet bevatten."],
            await ProblemAssert.FieldErrorsAsync(await RegisterAsync(client, email, name, "bakkerij om de hoek"), "password"));
        Assert.Equal(["Het wachtwoord mag uw naam niet bevatten."],
            await ProblemAssert.FieldErrorsAsync(await RegisterAsync(client, email, name, "ikhouvanMARIEKE"), "password"));
        // "de", "Jo", "an@": too short to be the person's own; the rest of the sentence is not about them.
        Assert.Equal(HttpStatusCode.Created, (await RegisterAsync(client, "an@example.nl", "Jo de Wit", "jo en an de deur uit")).StatusCode);
    }

    [Theory, BothDatabases]
    public async Task Eight_to_256_characters_are_accepted_and_beyond_that_a_clear_message(DatabaseProvider provider)
    {
        await using var app = await WehelpenApplication.StartAsync(provider);
        using var client = app.CreateApiClient("nl");
        var sentence = string.Concat(Enumerable.Repeat("de kat zit op het dak ", 20));

        Assert.Equal(["Het wachtwoord moet minstens 8 tekens lang zijn."],
            await ProblemAssert.FieldErrorsAsync(await RegisterAsync(client, "kort@example.nl", "Kees", "fiets1!"), "password"));
        Assert.Equal(HttpStatusCode.Created, (await RegisterAsync(client, "acht@example.nl", "Kees", "fiets12?")).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await RegisterAsync(client, "lang@example.nl", "Kees", sentence[..129])).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await RegisterAsync(client, "langst@example.nl", "Kees", sentence[..256])).StatusCode);
        Assert.Equal(["Het wachtwoord mag hoogstens 256 tekens lang zijn."],
            await ProblemAssert.FieldErrorsAsync(await RegisterAsync(client, "te.lang@example.nl", "Kees", sentence[..257]), "password"));
        using var english = app.CreateApiClient("en");
        Assert.Equal(["The password may be at most 256 characters long."],
            await ProblemAssert.FieldErrorsAsync(await RegisterAsync(english, "too.long@example.nl", "Kees", sentence[..257]), "password"));
        Assert.Equal(["This password is used very often and is therefore quickly guessed. Choose something else, for example a sentence of a few words."],
            await ProblemAssert.FieldErrorsAsync(await RegisterAsync(english, "common@example.nl", "Kees", "Password123"), "password"));
    }

    [Theory, BothDatabases]
    public async Task The_demo_password_and_the_test_password_pass_the_rules(DatabaseProvider provider)
    {
        await using var app = await WehelpenApplication.StartAsync(provider);
        using var client = app.CreateApiClient();

        foreach (var account in DemoAccounts.ForEachRole)
            Assert.Equal(HttpStatusCode.Created, (await RegisterAsync(client, account.Email, account.DisplayName, DemoAccounts.Password)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await RegisterAsync(client, "carla.coordinator@example.nl", "Carla Coördinator", WehelpenApplication.Password)).StatusCode);
    }

    [Theory, BothDatabases]
    public async Task The_register_page_says_the_rule_and_shows_a_refusal_at_the_password_field(DatabaseProvider provider)
    {
        await using var app = await WehelpenApplication.StartAsync(provider);
        using var browser = app.CreateClient();

        var form = await browser.PageAsync("/account/register");
        Assert.Contains("Minstens 8 tekens, geen veelgebruikt wachtwoord en niet uw naam of e-mailadres. Een zin van een paar woorden is goed te onthouden.", form);
        var refused = await PageForms.PageAsync(await PageForms.PostAsync(browser, "/account/register",
        [
            new("Input.DisplayName", "Henk de Boer"), new("Input.Email", "henk@example.nl"), new("Input.Password", "Welkom01"),
            new("Input.Roles", "resident"), new("Input.AcceptPrivacyStatement", "true"),
        ]));

        Assert.Equal(TooCommon, FieldError(refused, "Input_Password"));
        Assert.Contains("value=\"Henk de Boer\"", refused);
        Assert.Empty(app.Emails("henk@example.nl"));
    }

    [Theory, BothDatabases]
    public async Task A_reset_applies_the_same_rules_on_the_API_and_the_page(DatabaseProvider provider)
    {
        await using var app = await WehelpenApplication.StartAsync(provider);
        await app.RegisterConfirmedAsync("mia.smit@example.nl", "Mia Smit");
        using var client = app.CreateApiClient();
        await client.PostAsJsonAsync("/api/v1/account/forgot-password", new { email = "mia.smit@example.nl" });
        var code = System.Web.HttpUtility.ParseQueryString(app.LinkInEmail("mia.smit@example.nl", "/account/reset-password").Query)["code"]!;

        var common = await client.PostAsJsonAsync("/api/v1/account/reset-password", new { email = "mia.smit@example.nl", code, newPassword = "wachtwoord1" });
        var withName = await client.PostAsJsonAsync("/api/v1/account/reset-password", new { email = "mia.smit@example.nl", code, newPassword = "SMIT smit smit" });
        using var browser = app.CreateClient();
        var resetPage = $"/account/reset-password?email=mia.smit%40example.nl&code={Uri.EscapeDataString(code)}";
        Assert.Contains("Minstens 8 tekens, geen veelgebruikt wachtwoord", await browser.PageAsync(resetPage));
        var onPage = await PageForms.PageAsync(await PageForms.PostAsync(browser, "/account/reset-password",
            [new("Input.Email", "mia.smit@example.nl"), new("Input.Code", code), new("Input.NewPassword", "mia.smit@example.nl")], resetPage));

        Assert.Equal([TooCommon], await ProblemAssert.FieldErrorsAsync(common, "newPassword"));
        Assert.Equal(["Het wachtwoord mag uw naam niet bevatten."], await ProblemAssert.FieldErrorsAsync(withName, "newPassword"));
        Assert.Equal("Het wachtwoord mag uw e-mailadres niet bevatten.", FieldError(onPage, "Input_NewPassword"));
        var accepted = await client.PostAsJsonAsync("/api/v1/account/reset-password", new { email = "mia.smit@example.nl", code, newPassword = "groene thee met honing" });
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        using var _ = await app.LoginAsync("mia.smit@example.nl", "groene thee met honing");
    }

    private static Task<HttpResponseMessage> RegisterAsync(HttpClient client, string email, string displayName, string password) =>
        client.PostAsJsonAsync("/api/v1/account/register", new
        {
            email, password, displayName, roles = new[] { "resident" }, acceptPrivacyStatement = true,
        });

    private static string FieldError(string html, string id)
    {
        var match = Regex.Match(html, $"<p[^>]*id=\"{id}-error\"[^>]*>([^<]*)</p>");
        Assert.True(match.Success, $"No message at {id}");
        return match.Groups[1].Value;
    }
}
