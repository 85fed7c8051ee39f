using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Wehelpen.Web.Data;
using Wehelpen.Web.Platform.PersonalData;

namespace Wehelpen.Web.Tests.Accounts;

public sealed class RegistrationApiTests
{
    [Theory, BothDatabases]
    public async Task A_new_person_registers_with_several_roles_confirms_by_email_and_logs_in(DatabaseProvider provider)
    {
        await using var app = await WehelpenApplication.StartAsync(provider);
        using var client = app.CreateApiClient();

        var response = await client.PostAsJsonAsync("/api/v1/account/register", new
        {
            email = "fatima@example.nl", password = WehelpenApplication.Password, displayName = "Fatima",
            roles = new[] { "carer", "volunteer" }, postcode = "1055kl", acceptPrivacyStatement = true,
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);

        // Before confirming, logging in is refused with a reason the person can act on.
        var early = await client.PostAsJsonAsync("/api/v1/account/login", new { email = "fatima@example.nl", password = WehelpenApplication.Password });
        var problem = await ProblemAssert.IsProblemAsync(early, HttpStatusCode.Unauthorized);
        Assert.Equal("email_not_confirmed", problem.GetProperty("reason").GetString());

        var mail = Assert.Single(app.Emails("fatima@example.nl"));
        Assert.Contains("Bevestig", mail.Subject);
        var link = app.LinkInEmail("fatima@example.nl", "/account/confirm-email");
        var query = System.Web.HttpUtility.ParseQueryString(link.Query);
        var confirm = await client.PostAsJsonAsync("/api/v1/account/confirm-email", new { userId = query["userId"], code = query["code"] });
        Assert.Equal(HttpStatusCode.OK, confirm.StatusCode);

        using var signedIn = await app.LoginAsync("fatima@example.nl");
        var profile = await signedIn.GetFromJsonAsync<JsonElement>("/api/v1/profile");
        Assert.Equal("Fatima", profile.GetProperty("displayName").GetString());
        Assert.Equal(["carer", "volunteer"], profile.GetProperty("roles").EnumerateArray().Select(r => r.GetString()!).ToArray());
        Assert.Equal("1055 KL", profile.GetProperty("place").GetProperty("postcode").GetString());
    }

    [Theory, BothDatabases]
    public async Task Bad_input_gets_Dutch_field_messages_and_nothing_is_saved(DatabaseProvider provider)
    {
        await using var app = await WehelpenApplication.StartAsync(provider);
        using var client = app.CreateApiClient();

        var response = await client.PostAsJsonAsync("/api/v1/account/register", new
        {
            email = "geen-adres", password = "kort", displayName = "", roles = new[] { "admin" }, postcode = "1002",
        });

        Assert.Contains("Vul uw naam in.", await ProblemAssert.FieldErrorsAsync(response, "displayName"));
        Assert.Contains("'geen-adres' is geen geldig e-mailadres.", await ProblemAssert.FieldErrorsAsync(response, "email"));
        Assert.Contains("postbus", string.Join(" ", await ProblemAssert.FieldErrorsAsync(response, "postcode")));
        Assert.NotEmpty(await ProblemAssert.FieldErrorsAsync(response, "roles"));
        await AssertNoUsersAsync(app);
    }

    [Theory, BothDatabases]
    public async Task A_weak_password_is_refused_with_the_rule_and_no_account_is_left_behind(DatabaseProvider provider)
    {
        await using var app = await WehelpenApplication.StartAsync(provider);
        using var client = app.CreateApiClient();

        var response = await client.PostAsJsonAsync("/api/v1/account/register", new
        {
            email = "kees@example.nl", password = "kort", displayName = "Kees", roles = new[] { "resident" }, acceptPrivacyStatement = true,
        });

        Assert.Contains("Het wachtwoord moet minstens 8 tekens lang zijn.", await ProblemAssert.FieldErrorsAsync(response, "password"));
        await AssertNoUsersAsync(app);
        Assert.Empty(app.Emails("kees@example.nl"));
    }

    [Theory, BothDatabases]
    public async Task English_is_used_when_the_app_asks_for_it(DatabaseProvider provider)
    {
        await using var app = await WehelpenApplication.StartAsync(provider);
        using var client = app.CreateApiClient(language: "en");

        var response = await client.PostAsJsonAsync("/api/v1/account/register", new { email = "", password = "", displayName = "", roles = Array.Empty<string>() });

        Assert.Contains("Please enter your name.", await ProblemAssert.FieldErrorsAsync(response, "displayName"));
    }

    [Theory, BothDatabases]
    public async Task An_address_can_be_registered_only_once(DatabaseProvider provider)
    {
        await using var app = await WehelpenApplication.StartAsync(provider);
        await app.RegisterConfirmedAsync("anna@example.nl");
        using var client = app.CreateApiClient();

        var again = await client.PostAsJsonAsync("/api/v1/account/register", new
        {
            email = "ANNA@example.nl", password = WehelpenApplication.Password, displayName = "Anna twee", roles = new[] { "resident" }, acceptPrivacyStatement = true,
        });

        Assert.Contains("Er is al een account", string.Join(" ", await ProblemAssert.FieldErrorsAsync(again, "email")));
    }

    [Theory, BothDatabases]
    public async Task A_confirmation_link_that_was_tampered_with_does_not_confirm(DatabaseProvider provider)
    {
        await using var app = await WehelpenApplication.StartAsync(provider);
        using var client = app.CreateApiClient();
        await client.PostAsJsonAsync("/api/v1/account/register", new
        {
            email = "piet@example.nl", password = WehelpenApplication.Password, displayName = "Piet", roles = new[] { "resident" }, acceptPrivacyStatement = true,
        });
        var query = System.Web.HttpUtility.ParseQueryString(app.LinkInEmail("piet@example.nl", "/account/confirm-email").Query);

        var response = await client.PostAsJsonAsync("/api/v1/account/confirm-email", new { userId = query["userId"], code = query["code"] + "x" });

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        var login = await client.PostAsJsonAsync("/api/v1/account/login", new { email = "piet@example.nl", password = WehelpenApplication.Password });
        Assert.Equal(HttpStatusCode.Unauthorized, login.StatusCode);
    }

    [Theory, BothDatabases]
    public async Task When_the_mail_server_is_down_the_account_is_still_made(DatabaseProvider provider)
    {
        // A real SMTP client against a loopback port where nothing listens: the send fails as it would in production.
        await using var app = await WehelpenApplication.StartAsync(provider, settings: new()
        {
            ["Email:Smtp:Host"] = "127.0.0.1", ["Email:Smtp:Port"] = "1", ["Email:Smtp:EnableSsl"] = "false",
        });
        using var client = app.CreateApiClient();

        var response = await client.PostAsJsonAsync("/api/v1/account/register", new
        {
            email = "sjaak@example.nl", password = WehelpenApplication.Password, displayName = "Sjaak", roles = new[] { "resident" }, acceptPrivacyStatement = true,
        });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.True(await app.QueryAsync(db => db.Users.AnyAsync(u => u.Email == "sjaak@example.nl" && !u.EmailConfirmed)));
    }

    [Theory, BothDatabases]
    public async Task A_stranger_confirming_someone_elses_id_is_refused_exactly_like_an_unknown_id(DatabaseProvider provider)
    {
        await using var app = await WehelpenApplication.StartAsync(provider);
        using var client = app.CreateApiClient();
        var registered = await client.PostAsJsonAsync("/api/v1/account/register", new
        {
            email = "doelwit@example.nl", password = WehelpenApplication.Password, displayName = "Doelwit", roles = new[] { "resident" }, acceptPrivacyStatement = true,
        });
        var victimId = (await registered.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        var guessedCode = Microsoft.AspNetCore.WebUtilities.WebEncoders.Base64UrlEncode("geraden"u8.ToArray());

        var known = await client.PostAsJsonAsync("/api/v1/account/confirm-email", new { userId = victimId, code = guessedCode });
        var unknown = await client.PostAsJsonAsync("/api/v1/account/confirm-email", new { userId = Guid.NewGuid().ToString(), code = guessedCode });
        var knownPage = await client.GetStringAsync($"/account/confirm-email?userId={victimId}&code={guessedCode}");
        var unknownPage = await client.GetStringAsync($"/account/confirm-email?userId={Guid.NewGuid()}&code={guessedCode}");

        var a = await ProblemAssert.IsProblemAsync(known, HttpStatusCode.BadRequest);
        var b = await ProblemAssert.IsProblemAsync(unknown, HttpStatusCode.BadRequest);
        Assert.Equal(a.GetProperty("detail").GetString(), b.GetProperty("detail").GetString());
        Assert.Contains("Deze link werkt niet (meer).", knownPage);
        Assert.Contains("Deze link werkt niet (meer).", unknownPage);
        Assert.False(await app.QueryAsync(db => db.Users.AnyAsync(u => u.EmailConfirmed)));
    }

    /// <summary>No account but the former member's (migration 0016), which every database has.</summary>
    private static async Task AssertNoUsersAsync(WehelpenApplication app) =>
        Assert.Equal(0, await app.QueryAsync(db => db.Users.CountAsync(u => u.Id != FormerMember.Id)));
}
