using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Wehelpen.Web.Tests.Circles;
using Wehelpen.Web.Tests.Neighbourhoods.Figures;

namespace Wehelpen.Web.Tests.Hosting;

/// <summary>What every answer tells the browser: where scripts and styles may come from, what to send on, what to remember.</summary>
public sealed partial class SecurityHeaderTests
{
    private const string Policy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
        "font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    [Theory, BothDatabases]
    public async Task Pages_the_API_static_files_errors_and_refusals_all_carry_the_headers(DatabaseProvider provider)
    {
        var settings = new Dictionary<string, string?> { ["RateLimits:LoginAttemptsPerMinute"] = "1" };
        await using var app = await WehelpenApplication.StartAsync(provider, settings, s => s.AddSingleton<IStartupFilter>(new FailingRoutes()));
        using var client = app.CreateApiClient();
        await PageForms.PostAsync(client, "/account/login", [new("Input.Email", "a@example.nl"), new("Input.Password", "fout fout fout")]);

        var answers = new Dictionary<string, HttpResponseMessage>
        {
            ["page"] = await client.GetAsync("/"),
            ["login page"] = await client.GetAsync("/account/login"),
            ["api"] = await client.GetAsync("/api/v1/postcodes/1055kl"),
            ["api 401"] = await client.GetAsync("/api/v1/profile"),
            ["api 404"] = await client.GetAsync("/api/v1/bestaat-niet"),
            ["page 404"] = await client.GetAsync("/bestaat-niet"),
            ["static file"] = await client.GetAsync("/css/site.css"),
            ["static 404"] = await client.GetAsync("/css/bestaat-niet.css"),
            ["api 500"] = await client.GetAsync("/api/v1/test-failure"),
            ["page 500"] = await client.GetAsync("/test-failure"),
            ["429 page"] = await PageForms.PostAsync(client, "/account/login", [new("Input.Email", "a@example.nl"), new("Input.Password", "fout fout fout")]),
            ["health"] = await client.GetAsync("/health/live"),
        };

        Assert.Equal(HttpStatusCode.TooManyRequests, answers["429 page"].StatusCode);
        Assert.Equal(HttpStatusCode.InternalServerError, answers["page 500"].StatusCode);
        foreach (var (what, response) in answers)
        {
            Assert.True(Header(response, "Content-Security-Policy") == Policy, $"{what}: CSP {Header(response, "Content-Security-Policy")}");
            Assert.True(Header(response, "X-Content-Type-Options") == "nosniff", $"{what}: nosniff");
            Assert.True(Header(response, "Referrer-Policy") == "strict-origin-when-cross-origin", $"{what}: {Header(response, "Referrer-Policy")}");
            Assert.True(Header(response, "X-Frame-Options") == "DENY", $"{what}: X-Frame-Options {Header(response, "X-Frame-Options")}");
            var permissions = Header(response, "Permissions-Policy") ?? "";
            foreach (var feature in new[] { "camera=()", "microphone=()", "geolocation=()", "payment=()" })
                Assert.True(permissions.Contains(feature, StringComparison.Ordinal), $"{what}: Permissions-Policy {permissions}");
            Assert.True(Header(response, "Strict-Transport-Security") is null, $"{what}: HSTS over http outside Production");
        }
        Assert.False(app.Services.GetRequiredService<IOptions<KestrelServerOptions>>().Value.AddServerHeader);
    }

    [Theory, BothDatabases]
    public async Task Pages_whose_address_holds_a_secret_send_no_referrer(DatabaseProvider provider)
    {
        await using var app = await WehelpenApplication.StartAsync(provider);
        await app.RegisterConfirmedAsync(CircleSteps.EmailOf("Mia Jansen"), "Mia Jansen");
        using var client = app.CreateApiClient();
        using var mia = await app.BrowserAsync("Mia Jansen");

        var secret = new[]
        {
            "/account/reset-password?email=mia%40example.nl&code=abc",
            "/account/confirm-email?userId=x&code=abc",
            "/join/KM7RTX3A",
            "/notifications/settings?token=abc",
            "/calendar/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA.ics",
        };
        foreach (var path in secret)
        {
            var response = await (path.StartsWith("/join", StringComparison.Ordinal) ? mia : client).GetAsync(path);
            Assert.True(Header(response, "Referrer-Policy") == "no-referrer", $"{path} ({response.StatusCode}): {Header(response, "Referrer-Policy")}");
        }
        Assert.Equal("strict-origin-when-cross-origin", Header(await mia.GetAsync("/circles"), "Referrer-Policy"));
        Assert.Equal("strict-origin-when-cross-origin", Header(await client.GetAsync("/account/forgot-password"), "Referrer-Policy"));
    }

    [Theory, BothDatabases]
    public async Task Over_https_every_cookie_is_Secure(DatabaseProvider provider)
    {
        await using var app = await WehelpenApplication.StartAsync(provider);
        await app.RegisterConfirmedAsync("mia@example.nl", "Mia Jansen");

        var https = await CookiesOfLoginAndLanguageAsync(app, "https://localhost");
        var http = await CookiesOfLoginAndLanguageAsync(app, "http://localhost");

        Assert.Superset(new HashSet<string> { "wehelpen.af", "wehelpen.auth", ".AspNetCore.Culture" }, https.Select(c => c.Name).ToHashSet());
        Assert.All(https, c => Assert.True(c.Secure, $"{c.Name} over https: {c.Header}"));
        Assert.All(http, c => Assert.False(c.Secure, $"{c.Name} over http outside Production: {c.Header}"));
    }

    [Theory, BothDatabases]
    public async Task In_Production_cookies_are_always_Secure_and_https_answers_carry_HSTS_for_a_year(DatabaseProvider provider)
    {
        await using var app = await WehelpenApplication.StartAsync(provider, new()
        {
            ["environment"] = "Production",
            ["Email:PublicBaseUrl"] = "https://wehelpen.example.nl",
        });
        await app.RegisterConfirmedAsync("mia@example.nl", "Mia Jansen");

        var cookies = await CookiesOfLoginAndLanguageAsync(app, "http://wehelpen.example.nl");
        using var https = app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://wehelpen.example.nl"), AllowAutoRedirect = false });
        using var http = app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://wehelpen.example.nl"), AllowAutoRedirect = false });

        Assert.Superset(new HashSet<string> { "wehelpen.af", "wehelpen.auth", ".AspNetCore.Culture" }, cookies.Select(c => c.Name).ToHashSet());
        Assert.All(cookies, c => Assert.True(c.Secure, $"{c.Name} in Production: {c.Header}"));
        foreach (var path in new[] { "/", "/api/v1/postcodes/1055kl", "/css/site.css", "/bestaat-niet" })
        {
            Assert.Equal("max-age=31536000; includeSubDomains", Header(await https.GetAsync(path), "Strict-Transport-Security"));
            Assert.Null(Header(await http.GetAsync(path), "Strict-Transport-Security"));
        }
    }

    [Theory, BothDatabases]
    public async Task Pages_have_no_inline_style_or_script_for_the_policy_to_block(DatabaseProvider provider)
    {
        var (app, clock) = await FigureSteps.StartAsync(provider);
        await using var _ = app;
        await FigureSteps.SeedAsync(app, clock);
        using var nora = await app.ProfessionalAsync("Nora Noord", ["oud-noord"]);
        var (wout, _) = await app.PersonAsync("Wout Werk");
        var circleId = await wout.CreateCircleAsync();
        using var browser = await app.BrowserAsync("Nora Noord");
        using var woutBrowser = await app.BrowserAsync("Wout Werk");

        var pages = new List<(string Path, string Html)>
        {
            ("/figures?weeks=4", await browser.PageAsync("/figures?weeks=4")),
            ("/figures/oud-noord?weeks=4", await browser.PageAsync("/figures/oud-noord?weeks=4")),
            ($"/circles/{circleId}/workload", await woutBrowser.PageAsync($"/circles/{circleId}/workload")),
            ($"/circles/{circleId}", await woutBrowser.PageAsync($"/circles/{circleId}")),
            ("/profile", await woutBrowser.PageAsync("/profile")),
        };

        Assert.Contains("swatch", pages[0].Html);
        Assert.Contains("share-bar", pages[2].Html);
        foreach (var (path, html) in pages)
        {
            Assert.False(StyleAttribute().IsMatch(html), $"{path}: {StyleAttribute().Match(html).Value}");
            Assert.DoesNotContain("<style", html);
            foreach (Match script in ScriptTag().Matches(html))
                Assert.True(script.Value.Contains(" src=", StringComparison.Ordinal) || script.Value.Contains("application/json", StringComparison.Ordinal), $"{path}: {script.Value}");
        }
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values) ? string.Join(", ", values) : null;

    internal sealed record SetCookie(string Name, bool Secure, string Header);

    /// <summary>
    /// The cookies a browser gets from the login page (antiforgery), from logging in (login) and from the language
    /// switch, as sent: without a cookie container, so that the Secure flag is seen as it comes.
    /// </summary>
    private static async Task<List<SetCookie>> CookiesOfLoginAndLanguageAsync(WehelpenApplication app, string baseAddress)
    {
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri(baseAddress), AllowAutoRedirect = false, HandleCookies = false });
        var jar = new Dictionary<string, string>();
        var seen = new List<SetCookie>();
        async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request)
        {
            if (jar.Count > 0) request.Headers.Add("Cookie", string.Join("; ", jar.Select(c => $"{c.Key}={c.Value}")));
            var response = await client.SendAsync(request);
            foreach (var header in response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [])
            {
                var (name, value) = (header[..header.IndexOf('=')], header[(header.IndexOf('=') + 1)..].Split(';')[0]);
                jar[name] = value;
                if (seen.All(s => s.Name != name))
                    seen.Add(new SetCookie(name, header.Split(';').Any(p => p.Trim().Equals("secure", StringComparison.OrdinalIgnoreCase)), header));
            }
            return response;
        }
        async Task<string> TokenAsync(string path) =>
            WebUtility.HtmlDecode(FormToken().Match(await (await SendAsync(new HttpRequestMessage(HttpMethod.Get, path))).Content.ReadAsStringAsync()).Groups[1].Value);

        var loginToken = await TokenAsync("/account/login");
        var login = await SendAsync(new HttpRequestMessage(HttpMethod.Post, "/account/login")
        {
            Content = new FormUrlEncodedContent([new("Input.Email", "mia@example.nl"), new("Input.Password", WehelpenApplication.Password), new("__RequestVerificationToken", loginToken)]),
        });
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        var languageToken = await TokenAsync("/circles");
        var language = await SendAsync(new HttpRequestMessage(HttpMethod.Post, "/language")
        {
            Content = new FormUrlEncodedContent([new("language", "en"), new("returnUrl", "/"), new("__RequestVerificationToken", languageToken)]),
        });
        Assert.Equal(HttpStatusCode.Redirect, language.StatusCode);
        return seen;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex FormToken();

    [GeneratedRegex(@"<[a-zA-Z][^>]*\sstyle\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex StyleAttribute();

    [GeneratedRegex("<script[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex ScriptTag();

    private sealed class FailingRoutes : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.UseEndpoints(e =>
            {
                e.MapGet("/api/v1/test-failure", (HttpContext _) => throw new InvalidOperationException("kapot"));
                e.MapGet("/test-failure", (HttpContext _) => throw new InvalidOperationException("kapot"));
            });
        };
    }
}
