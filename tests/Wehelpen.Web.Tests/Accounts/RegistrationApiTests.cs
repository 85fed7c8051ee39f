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
    public async Task A_taken_address_gets_the_answer_of_a_new_registration_its_owner_a_mail_and_nothing_is_stored(DatabaseProvider provider)
    {
        var hasher = new CountingHasher();
        await using var app = await WehelpenApplication.StartAsync(provider, services: hasher.Use);
        var annaId = await app.RegisterConfirmedAsync("anna@example.nl", "Anna");
        using var client = app.CreateApiClient();
        var users = await app.QueryAsync(db => db.Users.CountAsync());
        var hashed = hasher.Hashed;

        var taken = await client.PostAsJsonAsync("/api/v1/account/register", AccountSteps.Registration("ANNA@example.nl", "Anna twee"));
        var hashedForTaken = hasher.Hashed - hashed;
        var fresh = await client.PostAsJsonAsync("/api/v1/account/register", AccountSteps.Registration("ANNE@example.nl", "Anna twee"));

        Assert.Equal(HttpStatusCode.Created, taken.StatusCode);
        Assert.Equal(fresh.Headers.Location, taken.Headers.Location);
        var a = await taken.Content.ReadFromJsonAsync<JsonElement>();
        var b = await fresh.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(b.EnumerateObject().Select(p => p.Name), a.EnumerateObject().Select(p => p.Name));
        Assert.Equal(["email", "displayName", "roles"], a.EnumerateObject().Select(p => p.Name));
        Assert.Equal("ANNA@example.nl", a.GetProperty("email").GetString());
        Assert.Equal(1, hashedForTaken); // the work of a new account's password, done all the same

        Assert.Equal(users + 1, await app.QueryAsync(db => db.Users.CountAsync())); // only Anne's
        Assert.Equal("Anna", (await app.QueryAsync(db => db.Users.SingleAsync(u => u.Id == annaId))).DisplayName);
        var mails = app.Emails("anna@example.nl");
        var note = mails[0];
        Assert.Equal("Iemand wilde een account maken met uw e-mailadres", note.Subject);
        Assert.Contains("Beste Anna,", note.TextBody);
        Assert.Equal("/account/login", app.LinkInEmail("anna@example.nl", "/account/login").AbsolutePath);
        Assert.Equal("/account/forgot-password", app.LinkInEmail("anna@example.nl", "/account/forgot-password").AbsolutePath);
        Assert.Empty(app.Emails("ANNA@example.nl"));
        Assert.Single(app.Emails("ANNE@example.nl"));
    }

    [Theory, BothDatabases]
    public async Task A_weak_password_is_refused_the_same_for_a_taken_address(DatabaseProvider provider)
    {
        await using var app = await WehelpenApplication.StartAsync(provider);
        await app.RegisterConfirmedAsync("anna@example.nl", "Anna");
        using var client = app.CreateApiClient();

        var taken = await client.PostAsJsonAsync("/api/v1/account/register", AccountSteps.Registration("anna@example.nl", password: "kort"));
        var fresh = await client.PostAsJsonAsync("/api/v1/account/register", AccountSteps.Registration("anne@example.nl", password: "kort"));

        Assert.Equal(await ProblemAssert.FieldErrorsAsync(fresh, "password"), await ProblemAssert.FieldErrorsAsync(taken, "password"));
        Assert.Equal(await ProblemAssert.ComparableBodyAsync(fresh), await ProblemAssert.ComparableBodyAsync(taken));
        Assert.Single(app.Emails("anna@example.nl")); // only the confirmation from before
    }

    [Theory, BothDatabases]
    public async Task Registering_again_with_an_address_never_confirmed_sends_the_confirmation_again(DatabaseProvider provider)
    {
        await using var app = await WehelpenApplication.StartAsync(provider);
        await app.RegisterUnconfirmedAsync("piet@example.nl");
        using var client = app.CreateApiClient();

        var again = await client.PostAsJsonAsync("/api/v1/account/register", AccountSteps.Registration("piet@example.nl"));

        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        Assert.Equal(2, app.Emails("piet@example.nl").Count(m => m.Subject == "Bevestig uw e-mailadres voor Wehelpen"));
        Assert.Equal(1, await app.QueryAsync(db => db.Users.CountAsync(u => u.Email == "piet@example.nl")));
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
        await client.PostAsJsonAsync("/api/v1/account/register", new
        {
            email = "doelwit@example.nl", password = WehelpenApplication.Password, displayName = "Doelwit", roles = new[] { "resident" }, acceptPrivacyStatement = true,
        });
        var victimId = WehelpenApplication.UserIdIn(app.LinkInEmail("doelwit@example.nl", "/account/confirm-email"));
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
