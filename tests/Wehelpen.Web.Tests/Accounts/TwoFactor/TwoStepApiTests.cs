using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Wehelpen.Web.Tests.Circles;

namespace Wehelpen.Web.Tests.Accounts.TwoFactor;

/// <summary>Two-step sign-in through /api/v1/account/two-factor and POST /api/v1/account/login, as an app uses them.</summary>
public sealed class TwoStepApiTests
{
    public static readonly Dictionary<string, string?> Settings = new() { ["RateLimits:LoginAttemptsPerMinute"] = "1000" };

    private static Task<HttpResponseMessage> LoginAsync(HttpClient client, string email, string? code = null, string? recoveryCode = null) =>
        client.PostAsJsonAsync("/api/v1/account/login",
            new { email, password = WehelpenApplication.Password, twoFactorCode = code, twoFactorRecoveryCode = recoveryCode });

    private static async Task<string> ReasonAsync(HttpResponseMessage response, HttpStatusCode status) =>
        (await ProblemAssert.IsProblemAsync(response, status)).GetProperty("reason").GetString()!;

    [Theory, BothDatabases]
    public async Task A_person_turns_it_on_and_from_then_on_signs_in_with_the_code_of_their_app(DatabaseProvider provider)
    {
        await using var app = await WehelpenApplication.StartAsync(provider, Settings);
        var (rita, _) = await app.PersonAsync("Rita Rustig");
        var email = CircleSteps.EmailOf("Rita Rustig");
        var status = await rita.TwoStepStatusAsync();
        Assert.False(status.GetProperty("enabled").GetBoolean());
        Assert.False(status.GetProperty("required").GetBoolean());

        var setupResponse = await rita.GetAsync("/api/v1/account/two-factor/setup");
        Assert.Contains("no-store", setupResponse.Headers.CacheControl?.ToString()); // a secret: no cache keeps it
        var setup = await setupResponse.Content.ReadFromJsonAsync<JsonElement>();
        var key = setup.GetProperty("sharedKey").GetString()!;
        Assert.Matches("^[A-Z2-7]{32}$", key);
        Assert.Equal(string.Join(' ', key.Chunk(4).Select(c => new string(c))), setup.GetProperty("groupedKey").GetString());
        Assert.Equal($"otpauth://totp/Wehelpen:{Uri.EscapeDataString(email)}?secret={key}&issuer=Wehelpen&digits=6&period=30",
            setup.GetProperty("authenticatorUri").GetString());
        // Asking again (a second tab, a retry) gives the same key: the app already holds it.
        Assert.Equal(key, (await rita.GetFromJsonAsync<JsonElement>("/api/v1/account/two-factor/setup")).GetProperty("sharedKey").GetString());

        var wrong = await ProblemAssert.FieldErrorsAsync(
            await rita.PostAsJsonAsync("/api/v1/account/two-factor/enable", new { code = TwoStepSteps.WrongCode(key) }), "code");
        Assert.Contains("Deze code klopt niet", wrong.Single());
        Assert.False((await rita.TwoStepStatusAsync()).GetProperty("enabled").GetBoolean());

        var enabled = await rita.PostAsJsonAsync("/api/v1/account/two-factor/enable", new { code = TwoStepSteps.CodeNow(key) });
        Assert.Equal(HttpStatusCode.OK, enabled.StatusCode);
        var codes = (await enabled.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("recoveryCodes").EnumerateArray().Select(c => c.GetString()!).ToArray();
        Assert.Equal(10, codes.Distinct().Count());
        await ProblemAssert.IsProblemAsync(await rita.GetAsync("/api/v1/account/two-factor/setup"), HttpStatusCode.Conflict);

        using var client = app.CreateApiClient();
        var passwordOnly = await ProblemAssert.IsProblemAsync(await LoginAsync(client, email), HttpStatusCode.Unauthorized);
        Assert.Equal("two_factor_required", passwordOnly.GetProperty("reason").GetString());
        Assert.Contains("inloggen in twee stappen", passwordOnly.GetProperty("detail").GetString());
        Assert.Equal("two_factor_invalid", await ReasonAsync(await LoginAsync(client, email, code: TwoStepSteps.WrongCode(key)), HttpStatusCode.Unauthorized));
        // A wrong password with a right code is still a wrong password.
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsJsonAsync("/api/v1/account/login",
            new { email, password = "niet het wachtwoord", twoFactorCode = TwoStepSteps.CodeNow(key) })).StatusCode);

        var signedIn = await LoginAsync(client, email, code: TwoStepSteps.CodeNow(key));
        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
        Assert.False(string.IsNullOrEmpty((await signedIn.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()));

        // A recovery code works once; typed in lower case without its dash it is the same code.
        Assert.Equal(HttpStatusCode.OK, (await LoginAsync(client, email, recoveryCode: codes[0])).StatusCode);
        Assert.Equal("two_factor_invalid", await ReasonAsync(await LoginAsync(client, email, recoveryCode: codes[0]), HttpStatusCode.Unauthorized));
        Assert.Equal(HttpStatusCode.OK, (await LoginAsync(client, email, recoveryCode: codes[1].Replace("-", "").ToLowerInvariant())).StatusCode);
        // Turning it on renewed the security stamp (other sessions end): a fresh sign-in, as an app would.
        using var again = await app.LoginAsync(email);
        Assert.Equal(8, (await again.TwoStepStatusAsync()).GetProperty("recoveryCodesLeft").GetInt32());
    }

    [Theory, BothDatabases]
    public async Task The_export_says_it_is_on_but_holds_neither_the_key_nor_the_recovery_codes(DatabaseProvider provider)
    {
        await using var app = await WehelpenApplication.StartAsync(provider, Settings);
        var (rita, _) = await app.PersonAsync("Rita Rustig");
        var (key, codes) = await rita.SetUpTwoStepAsync();
        rita = await app.LoginAsync(CircleSteps.EmailOf("Rita Rustig"));

        var export = await rita.GetAsync("/api/v1/account/export");

        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        using var zip = new ZipArchive(await export.Content.ReadAsStreamAsync());
        var files = zip.Entries.ToDictionary(e => e.FullName, e => new StreamReader(e.Open()).ReadToEnd());
        var account = JsonDocument.Parse(files["account.json"]).RootElement.EnumerateArray().Single();
        Assert.True(account.GetProperty("twoFactorEnabled").GetBoolean());
        Assert.Contains("Inloggen in twee stappen", files["overzicht.html"]);
        foreach (var (name, text) in files)
        {
            Assert.DoesNotContain(key, text);
            Assert.All(codes, code => Assert.DoesNotContain(code, text));
        }
    }

    [Theory, BothDatabases]
    public async Task Wrong_codes_are_limited_per_account_with_a_Dutch_explanation(DatabaseProvider provider)
    {
        // Below Identity's own lockout (5), so that this limit is what the person meets.
        await using var app = await WehelpenApplication.StartAsync(provider,
            new(Settings) { ["RateLimits:TwoFactorFailuresPerQuarterHour"] = "3" });
        var (rita, _) = await app.PersonAsync("Rita Rustig");
        var (key, _) = await rita.SetUpTwoStepAsync();
        var (bram, _) = await app.PersonAsync("Bram Buur");
        var (bramKey, _) = await bram.SetUpTwoStepAsync();
        using var client = app.CreateApiClient();
        var email = CircleSteps.EmailOf("Rita Rustig");

        for (var i = 0; i < 3; i++)
            Assert.Equal("two_factor_invalid", await ReasonAsync(await LoginAsync(client, email, code: TwoStepSteps.WrongCode(key)), HttpStatusCode.Unauthorized));
        var refused = await LoginAsync(client, email, code: TwoStepSteps.CodeNow(key));

        var problem = await ProblemAssert.IsProblemAsync(refused, HttpStatusCode.TooManyRequests);
        Assert.Equal("two_factor_too_many_attempts", problem.GetProperty("reason").GetString());
        Assert.Contains("Probeer het over", problem.GetProperty("detail").GetString());
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero, "Retry-After tells an app when to try again");
        // The limit is Rita's: someone else signs in as always.
        Assert.Equal(HttpStatusCode.OK, (await LoginAsync(client, CircleSteps.EmailOf("Bram Buur"), code: TwoStepSteps.CodeNow(bramKey))).StatusCode);
    }

    [Theory, BothDatabases]
    public async Task Turning_it_off_asks_for_the_password_or_a_code_and_deletes_the_key_and_the_codes(DatabaseProvider provider)
    {
        await using var app = await WehelpenApplication.StartAsync(provider, Settings);
        var (rita, ritaId) = await app.PersonAsync("Rita Rustig");
        var (key, oldCodes) = await rita.SetUpTwoStepAsync();
        rita = await app.LoginAsync(CircleSteps.EmailOf("Rita Rustig"));

        await ProblemAssert.FieldErrorsAsync(await rita.PostAsJsonAsync("/api/v1/account/two-factor/recovery-codes", new { passwordOrCode = "" }), "passwordOrCode");
        await ProblemAssert.FieldErrorsAsync(await rita.PostAsJsonAsync("/api/v1/account/two-factor/recovery-codes", new { passwordOrCode = "raden maar" }), "passwordOrCode");
        var renewed = await rita.PostAsJsonAsync("/api/v1/account/two-factor/recovery-codes", new { passwordOrCode = WehelpenApplication.Password });
        Assert.Equal(HttpStatusCode.OK, renewed.StatusCode);
        var newCodes = (await renewed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("recoveryCodes").EnumerateArray().Select(c => c.GetString()!).ToArray();
        using var client = app.CreateApiClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await LoginAsync(client, CircleSteps.EmailOf("Rita Rustig"), recoveryCode: oldCodes[0])).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await LoginAsync(client, CircleSteps.EmailOf("Rita Rustig"), recoveryCode: newCodes[0])).StatusCode);

        var wrong = await ProblemAssert.FieldErrorsAsync(
            await rita.PostAsJsonAsync("/api/v1/account/two-factor/disable", new { passwordOrCode = TwoStepSteps.WrongCode(key) }), "passwordOrCode");
        Assert.Contains("klopt niet", wrong.Single());
        Assert.Equal(HttpStatusCode.NoContent, (await rita.PostAsJsonAsync("/api/v1/account/two-factor/disable", new { passwordOrCode = TwoStepSteps.CodeNow(key) })).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await LoginAsync(client, CircleSteps.EmailOf("Rita Rustig"))).StatusCode);
        Assert.Equal(0, await app.QueryAsync(db => db.Set<IdentityUserToken<string>>().CountAsync(t => t.UserId == ritaId)));
        // Set up again: a new key.
        var again = await rita.GetFromJsonAsync<JsonElement>("/api/v1/account/two-factor/setup");
        Assert.NotEqual(key, again.GetProperty("sharedKey").GetString());
    }

    [Theory, BothDatabases]
    public async Task A_professional_without_it_can_only_set_it_up_and_cannot_turn_it_off(DatabaseProvider provider)
    {
        await using var app = await WehelpenApplication.StartAsync(provider, Settings);
        var email = CircleSteps.EmailOf("Paula Professional");
        await app.RegisterConfirmedAsync(email, "Paula Professional", ["professional"]);
        using var paula = app.CreateApiClient();
        var login = await LoginAsync(paula, email);
        Assert.Equal(HttpStatusCode.OK, login.StatusCode); // the password step itself is as always
        paula.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
            (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString());

        foreach (var path in new[] { "/api/v1/buurtteam/me", "/api/v1/circles", "/api/v1/profile", "/api/v1/account/export" })
        {
            var held = await ProblemAssert.IsProblemAsync(await paula.GetAsync(path), HttpStatusCode.Forbidden);
            Assert.Equal("two_factor_setup_required", held.GetProperty("reason").GetString());
            Assert.Contains("inloggen in twee stappen instellen", held.GetProperty("detail").GetString());
        }
        Assert.Equal(HttpStatusCode.Forbidden, (await paula.PostAsync("/hubs/live/negotiate?negotiateVersion=1", null)).StatusCode);
        Assert.Equal("two_factor_setup_required", await ReasonAsync(await paula.PostAsJsonAsync("/api/v1/circles", new { forMyself = true }), HttpStatusCode.Forbidden));
        var status = await paula.TwoStepStatusAsync();
        Assert.True(status.GetProperty("required").GetBoolean());

        var (key, _) = await paula.SetUpTwoStepAsync();
        using var signedIn = await app.LoginAsync(email);
        Assert.Equal(HttpStatusCode.OK, (await signedIn.GetAsync("/api/v1/buurtteam/me")).StatusCode);

        var off = await ProblemAssert.IsProblemAsync(
            await signedIn.PostAsJsonAsync("/api/v1/account/two-factor/disable", new { passwordOrCode = TwoStepSteps.CodeNow(key) }), HttpStatusCode.Forbidden);
        Assert.Contains("verplicht", off.GetProperty("detail").GetString());
        Assert.True((await signedIn.TwoStepStatusAsync()).GetProperty("enabled").GetBoolean());

        // A new phone: set up again, which holds her at the set-up until it is on again.
        Assert.Equal(HttpStatusCode.NoContent, (await signedIn.PostAsJsonAsync("/api/v1/account/two-factor/reset", new { passwordOrCode = WehelpenApplication.Password })).StatusCode);
        using var afterReset = app.CreateApiClient();
        var passwordOnly = await LoginAsync(afterReset, email);
        Assert.Equal(HttpStatusCode.OK, passwordOnly.StatusCode);
        afterReset.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
            (await passwordOnly.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString());
        Assert.Equal("two_factor_setup_required", await ReasonAsync(await afterReset.GetAsync("/api/v1/buurtteam/me"), HttpStatusCode.Forbidden));
        var newKey = (await afterReset.SetUpTwoStepAsync()).Key;
        Assert.NotEqual(key, newKey);
        using var withNewPhone = await app.LoginAsync(email);
        Assert.Equal(HttpStatusCode.OK, (await withNewPhone.GetAsync("/api/v1/buurtteam/me")).StatusCode);
    }

    [Theory, BothDatabases]
    public async Task An_administrator_without_it_is_held_too(DatabaseProvider provider)
    {
        await using var app = await WehelpenApplication.StartAsync(provider, Settings);
        var email = CircleSteps.EmailOf("Ada Beheer");
        var id = await app.RegisterConfirmedAsync(email, "Ada Beheer");
        await app.QueryAsync(async db =>
        {
            db.UserRoles.Add(new IdentityUserRole<string> { UserId = id, RoleId = (await db.Roles.SingleAsync(r => r.Name == "admin")).Id });
            return await db.SaveChangesAsync();
        });
        using var ada = app.CreateApiClient();
        var login = await LoginAsync(ada, email);
        ada.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
            (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString());

        Assert.Equal("two_factor_setup_required", await ReasonAsync(await ada.GetAsync("/api/v1/admin/jobs"), HttpStatusCode.Forbidden));
        await ada.SetUpTwoStepAsync();
        using var signedIn = await app.LoginAsync(email);
        Assert.Equal(HttpStatusCode.OK, (await signedIn.GetAsync("/api/v1/admin/jobs")).StatusCode);
    }

    [Theory, BothDatabases]
    public async Task A_stranger_reaches_none_of_it(DatabaseProvider provider)
    {
        await using var app = await WehelpenApplication.StartAsync(provider, Settings);
        using var anonymous = app.CreateApiClient();

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/account/two-factor")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/account/two-factor/setup")).StatusCode);
        foreach (var action in new[] { "enable", "recovery-codes", "disable", "reset" })
            Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync($"/api/v1/account/two-factor/{action}", new { code = "123456", passwordOrCode = "x" })).StatusCode);
        // Without a right password first, a code gets nobody in: the answer is the one for a wrong password.
        await app.RegisterConfirmedAsync("rita@example.nl");
        var guessed = await anonymous.PostAsJsonAsync("/api/v1/account/login", new { email = "rita@example.nl", password = "geraden", twoFactorCode = "123456" });
        Assert.Equal("invalid_credentials", await ReasonAsync(guessed, HttpStatusCode.Unauthorized));
    }

    [Theory, BothDatabases]
    public async Task The_answers_are_English_when_asked(DatabaseProvider provider)
    {
        await using var app = await WehelpenApplication.StartAsync(provider, Settings);
        var (rita, _) = await app.PersonAsync("Rita Rustig");
        await rita.SetUpTwoStepAsync();
        using var english = app.CreateApiClient("en");

        var problem = await ProblemAssert.IsProblemAsync(await LoginAsync(english, CircleSteps.EmailOf("Rita Rustig")), HttpStatusCode.Unauthorized);

        Assert.Equal("Signing in did not work", problem.GetProperty("title").GetString());
        Assert.Contains("Two-step sign-in is on", problem.GetProperty("detail").GetString());
    }
}
