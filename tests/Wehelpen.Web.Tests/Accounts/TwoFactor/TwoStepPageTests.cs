using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Wehelpen.Web.Tests.Circles;

namespace Wehelpen.Web.Tests.Accounts.TwoFactor;

/// <summary>Two-step sign-in on the pages: the settings under the profile, and the second step after the password.</summary>
public sealed partial class TwoStepPageTests
{
    private const string Setup = "/account/two-step";

    private static HttpClient Browser(WehelpenApplication app) =>
        app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    private static Task<HttpResponseMessage> PasswordAsync(HttpClient browser, string email) =>
        PageForms.PostAsync(browser, "/account/login", [new("Input.Email", email), new("Input.Password", WehelpenApplication.Password)]);

    /// <summary>A resident with it on (set up through the API); their key.</summary>
    private static async Task<string> RitaWithTwoStepAsync(WehelpenApplication app)
    {
        var (rita, _) = await app.PersonAsync("Rita Rustig");
        return (await rita.SetUpTwoStepAsync()).Key;
    }

    [Theory, BothDatabases]
    public async Task The_settings_page_shows_the_QR_code_and_the_key_in_groups_and_the_recovery_codes_once(DatabaseProvider provider)
    {
        await using var app = await WehelpenApplication.StartAsync(provider, TwoStepApiTests.Settings);
        await app.PersonAsync("Rita Rustig");
        using var browser = await app.BrowserAsync("Rita Rustig", followRedirects: true);
        Assert.Contains($"href=\"{Setup}\"", await browser.PageAsync("/profile"));

        Assert.Contains("no-store", (await browser.GetAsync(Setup)).Headers.CacheControl?.ToString()); // the key is a secret
        var html = await browser.PageAsync(Setup);
        Assert.Contains("<h1>Inloggen in twee stappen</h1>", html);
        Assert.Matches("<img class=\"two-step-qr\" src=\"/account/two-step\\?handler=Qr\"[^>]* alt=\"QR-code om Wehelpen aan uw authenticator-app toe te voegen", html);
        Assert.Matches(">([A-Z2-7]{4} ){7}[A-Z2-7]{4}<", html);
        Assert.Contains("autocomplete=\"one-time-code\"", html);
        Assert.Contains("inputmode=\"numeric\"", html);
        Assert.DoesNotContain("<script>", html); // no inline script: a CSP forbids it
        var key = TwoStepSteps.KeyOnPage(html);
        Assert.Equal(key, await app.AuthenticatorKeyAsync(CircleSteps.EmailOf("Rita Rustig")));

        var qr = await browser.GetAsync($"{Setup}?handler=Qr");
        Assert.Equal(HttpStatusCode.OK, qr.StatusCode);
        Assert.Equal("image/svg+xml", qr.Content.Headers.ContentType?.MediaType);
        Assert.Contains("no-store", qr.Headers.CacheControl?.ToString());
        Assert.Contains("<svg", await qr.Content.ReadAsStringAsync());

        var wrong = await PageForms.PostAsync(browser, $"{Setup}?handler=Enable", [new("Enable.Code", TwoStepSteps.WrongCode(key))], formPage: Setup);
        var wrongHtml = await wrong.PageAsync();
        Assert.Contains("Deze code klopt niet.", wrongHtml);
        Assert.Contains("aria-invalid=\"true\"", wrongHtml);
        Assert.Equal(key, TwoStepSteps.KeyOnPage(wrongHtml)); // the same key, to try again

        var enabled = await (await PageForms.PostAsync(browser, $"{Setup}?handler=Enable", [new("Enable.Code", TwoStepSteps.CodeNow(key))], formPage: Setup)).PageAsync();
        Assert.Contains("Klaar: inloggen in twee stappen staat aan.", enabled);
        Assert.Contains("U ziet ze maar één keer.", enabled);
        Assert.Contains("data-print", enabled);
        var codes = RecoveryCodes().Matches(enabled).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(10, codes.Distinct().Count());

        // The session that turned it on stays signed in; the codes are not shown again.
        var after = await browser.PageAsync(Setup);
        Assert.Contains("Ongebruikte herstelcodes: 10.", after);
        Assert.All(codes, code => Assert.DoesNotContain(code, after));
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync($"{Setup}?handler=Qr")).StatusCode);
    }

    [Theory, BothDatabases]
    public async Task After_the_password_a_second_page_asks_for_the_code_and_can_remember_the_device(DatabaseProvider provider)
    {
        await using var app = await WehelpenApplication.StartAsync(provider, TwoStepApiTests.Settings);
        var key = await RitaWithTwoStepAsync(app);
        var email = CircleSteps.EmailOf("Rita Rustig");
        using var browser = Browser(app);

        var password = await PasswordAsync(browser, email);
        Assert.Equal(HttpStatusCode.Redirect, password.StatusCode);
        var second = password.Headers.Location!.OriginalString;
        Assert.StartsWith("/account/login/two-step", second);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/circles")).StatusCode); // not signed in yet

        var page = await browser.PageAsync(second);
        Assert.Contains("autocomplete=\"one-time-code\"", page);
        Assert.Contains("inputmode=\"numeric\"", page);
        Assert.Contains("Dit apparaat 30 dagen onthouden", page);
        Assert.Contains("href=\"/account/login/recovery-code", page);

        var wrong = await (await PageForms.PostAsync(browser, second, [new("Input.Code", TwoStepSteps.WrongCode(key))])).PageAsync();
        Assert.Contains("Deze code klopt niet. Typ de 6 cijfers die uw app nu bij Wehelpen toont.", wrong);

        var signedIn = await PageForms.PostAsync(browser, second, [new("Input.Code", TwoStepSteps.CodeNow(key)), new("Input.RememberDevice", "true")]);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal("/", signedIn.Headers.Location!.OriginalString);
        var device = signedIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("wehelpen.device=", StringComparison.Ordinal));
        var expires = DateTimeOffset.Parse(Regex.Match(device, "expires=([^;]+)").Groups[1].Value);
        Assert.InRange(expires, DateTimeOffset.UtcNow.AddDays(29), DateTimeOffset.UtcNow.AddDays(31));
        Assert.Contains("Welkom, Rita", await browser.PageAsync("/"));

        // This device is remembered: after logging out, the password is enough here; another browser is asked again.
        Assert.Equal(HttpStatusCode.Redirect, (await PageForms.PostAsync(browser, "/account/logout", [])).StatusCode);
        var again = await PasswordAsync(browser, email);
        Assert.Equal("/", again.Headers.Location!.OriginalString);
        using var other = Browser(app);
        Assert.StartsWith("/account/login/two-step", (await PasswordAsync(other, email)).Headers.Location!.OriginalString);
    }

    [Theory, BothDatabases]
    public async Task A_recovery_code_signs_in_once_and_says_how_many_are_left(DatabaseProvider provider)
    {
        await using var app = await WehelpenApplication.StartAsync(provider, TwoStepApiTests.Settings);
        var (rita, _) = await app.PersonAsync("Rita Rustig");
        var (_, codes) = await rita.SetUpTwoStepAsync();
        var email = CircleSteps.EmailOf("Rita Rustig");
        using var browser = Browser(app);
        await PasswordAsync(browser, email);
        const string recovery = "/account/login/recovery-code";

        var wrong = await (await PageForms.PostAsync(browser, recovery, [new("Input.RecoveryCode", "BCDFG-HJKMN")])).PageAsync();
        Assert.Contains("Deze herstelcode klopt niet of is al gebruikt.", wrong);
        var used = await PageForms.PostAsync(browser, recovery, [new("Input.RecoveryCode", codes[3].ToLowerInvariant())]);
        Assert.Equal(HttpStatusCode.Redirect, used.StatusCode);
        Assert.StartsWith($"{Setup}?recoveryCodeUsed=true", used.Headers.Location!.OriginalString);
        Assert.Contains("U bent ingelogd met een herstelcode; ongebruikte herstelcodes: 9.", await browser.PageAsync(used.Headers.Location.OriginalString));

        using var other = Browser(app);
        await PasswordAsync(other, email);
        Assert.Contains("Deze herstelcode klopt niet of is al gebruikt.",
            await (await PageForms.PostAsync(other, recovery, [new("Input.RecoveryCode", codes[3])])).PageAsync());
    }

    [Theory, BothDatabases]
    public async Task Too_many_wrong_codes_on_the_page_get_429_and_a_Dutch_message(DatabaseProvider provider)
    {
        await using var app = await WehelpenApplication.StartAsync(provider,
            new(TwoStepApiTests.Settings) { ["RateLimits:TwoFactorFailuresPerQuarterHour"] = "2" });
        var key = await RitaWithTwoStepAsync(app);
        using var browser = Browser(app);
        var second = (await PasswordAsync(browser, CircleSteps.EmailOf("Rita Rustig"))).Headers.Location!.OriginalString;

        for (var i = 0; i < 2; i++) await PageForms.PostAsync(browser, second, [new("Input.Code", TwoStepSteps.WrongCode(key))]);
        var refused = await PageForms.PostAsync(browser, second, [new("Input.Code", TwoStepSteps.CodeNow(key))]);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.NotNull(refused.Headers.RetryAfter);
        Assert.Contains("Er is te vaak een verkeerde code of een verkeerd wachtwoord ingevuld. Probeer het over",
            System.Net.WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()));
    }

    [Theory, BothDatabases]
    public async Task A_professional_without_it_only_reaches_the_set_up_logout_privacy_and_language(DatabaseProvider provider)
    {
        await using var app = await WehelpenApplication.StartAsync(provider, TwoStepApiTests.Settings);
        var email = CircleSteps.EmailOf("Paula Professional");
        await app.RegisterConfirmedAsync(email, "Paula Professional", ["professional"]);
        using var browser = Browser(app);
        Assert.Equal("/", (await PasswordAsync(browser, email)).Headers.Location!.OriginalString);

        foreach (var path in new[] { "/", "/circles", "/buurtteam", "/help/escalated", "/profile", "/notifications" })
        {
            var held = await browser.GetAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, held.StatusCode);
            Assert.Equal($"{Setup}?returnUrl={Uri.EscapeDataString(path)}", held.Headers.Location!.OriginalString);
        }
        var setup = await browser.PageAsync($"{Setup}?returnUrl=%2Fbuurtteam");
        Assert.Contains("Daarom is inloggen in twee stappen voor u verplicht.", setup);
        Assert.DoesNotContain("href=\"/circles\"", setup); // the menu offers only what she can reach
        Assert.DoesNotContain("live.js", setup);
        Assert.Contains("action=\"/account/logout\"", setup);
        Assert.Contains("Mijn gegevens", await browser.PageAsync("/account/privacy"));
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/privacy")).StatusCode);
        var english = await PageForms.PostAsync(browser, "/language", [new("language", "en"), new("returnUrl", Setup)], formPage: Setup);
        Assert.Equal(Setup, english.Headers.Location!.OriginalString);
        Assert.Contains("<h1>Two-step sign-in</h1>", await browser.PageAsync(Setup));
        await PageForms.PostAsync(browser, "/language", [new("language", "nl"), new("returnUrl", Setup)], formPage: Setup);

        var key = TwoStepSteps.KeyOnPage(await browser.PageAsync(Setup));
        var enabled = await (await PageForms.PostAsync(browser, $"{Setup}?handler=Enable&returnUrl=%2Fbuurtteam",
            [new("Enable.Code", TwoStepSteps.CodeNow(key))], formPage: Setup)).PageAsync();
        Assert.Contains("href=\"/buurtteam\"", enabled); // "Verder" goes where she was going
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/buurtteam")).StatusCode);

        var settings = await browser.PageAsync(Setup);
        Assert.Contains("uitzetten kan niet", settings);
        Assert.DoesNotContain("handler=Disable", settings);
        var off = await PageForms.PostAsync(browser, $"{Setup}?handler=Disable", [new("Off.PasswordOrCode", WehelpenApplication.Password)], formPage: Setup);
        Assert.Contains("uitzetten kan niet", await off.PageAsync());
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/buurtteam")).StatusCode);
    }

    [Theory, BothDatabases]
    public async Task A_resident_turns_it_off_on_the_page_with_a_code(DatabaseProvider provider)
    {
        await using var app = await WehelpenApplication.StartAsync(provider, TwoStepApiTests.Settings);
        await app.PersonAsync("Rita Rustig");
        using var browser = await app.BrowserAsync("Rita Rustig", followRedirects: true);
        var key = await TwoStepSteps.SetUpTwoStepOnPageAsync(browser);

        var wrong = await (await PageForms.PostAsync(browser, $"{Setup}?handler=Disable", [new("Off.PasswordOrCode", "raden maar")], formPage: Setup)).PageAsync();
        Assert.Contains("Het wachtwoord of de code klopt niet.", wrong);
        Assert.Contains("<details class=\"confirm\" open=\"open\">", wrong);
        var off = await (await PageForms.PostAsync(browser, $"{Setup}?handler=Disable", [new("Off.PasswordOrCode", TwoStepSteps.CodeNow(key))], formPage: Setup)).PageAsync();
        Assert.Contains("Inloggen in twee stappen staat uit.", off);

        using var other = Browser(app);
        Assert.Equal("/", (await PasswordAsync(other, CircleSteps.EmailOf("Rita Rustig"))).Headers.Location!.OriginalString);
        Assert.Contains("Welkom, Rita", await browser.PageAsync("/")); // the session that turned it off stays
    }

    [Theory, BothDatabases]
    public async Task A_stranger_reaches_no_step_and_no_settings(DatabaseProvider provider)
    {
        await using var app = await WehelpenApplication.StartAsync(provider, TwoStepApiTests.Settings);
        await RitaWithTwoStepAsync(app);
        using var stranger = Browser(app);

        foreach (var path in new[] { Setup, $"{Setup}?handler=Qr" })
            Assert.StartsWith("/account/login", (await stranger.GetAsync(path)).Headers.Location!.AbsolutePath);
        // Without a right password first there is no second step to take.
        foreach (var path in new[] { "/account/login/two-step", "/account/login/recovery-code" })
            Assert.StartsWith("/account/login", (await stranger.GetAsync(path)).Headers.Location!.OriginalString);
        var posted = await PageForms.PostAsync(stranger, "/account/login/two-step", [new("Input.Code", "123456")], formPage: "/account/login");
        Assert.Contains("Het inloggen duurde te lang.", await posted.PageAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await stranger.GetAsync("/circles")).StatusCode);
    }

    [GeneratedRegex("<li><code>([2-9A-Z]{5}-[2-9A-Z]{5})</code></li>")]
    private static partial Regex RecoveryCodes();
}
