using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Wehelpen.Web.Features.Accounts.Sessions;
using Wehelpen.Web.Tests.Circles;

namespace Wehelpen.Web.Tests.Accounts.Sessions;

/// <summary>An app's tokens, as the login and refresh endpoints answer them.</summary>
public sealed record AppTokensResponse(string AccessToken, string RefreshToken);

/// <summary>People signed in on several devices: browsers with a cookie and apps with tokens, each with its own User-Agent.</summary>
public static class SessionSteps
{
    public const string FirefoxOnWindows = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0";
    public const string SafariOnIPhone = "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1";
    public const string AppOnAndroid = "Wehelpen/1.0 (Android 14)";

    public static readonly Dictionary<string, string?> Settings = new() { ["RateLimits:LoginAttemptsPerMinute"] = "1000" };

    /// <summary>A clock at the real time (tokens and cookies are checked against it), in whole seconds as PostgreSQL keeps them.</summary>
    public static TestClock Clock() => new(DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds()));

    /// <summary>A browser signed in through the login page; the cookie it was given is in <c>Cookie</c>.</summary>
    public static async Task<(HttpClient Browser, string Cookie)> BrowserSignInAsync(this WehelpenApplication app, string name, string userAgent = FirefoxOnWindows)
    {
        var browser = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        browser.DefaultRequestHeaders.UserAgent.ParseAdd(userAgent);
        var login = await PageForms.PostAsync(browser, "/account/login",
            [new("Input.Email", CircleSteps.EmailOf(name)), new("Input.Password", WehelpenApplication.Password)]);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        var cookie = string.Join("; ", login.Headers.GetValues("Set-Cookie").Where(c => c.StartsWith("wehelpen.auth", StringComparison.Ordinal)).Select(c => c.Split(';')[0]));
        Assert.NotEmpty(cookie);
        return (browser, cookie);
    }

    /// <summary>Another client that sends a copy of a cookie, as someone who copied it would.</summary>
    public static HttpClient WithCookie(this WehelpenApplication app, string cookie)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Add("Cookie", cookie);
        return client;
    }

    /// <summary>An app's login: its tokens, and a client that sends the access token.</summary>
    public static async Task<(HttpClient App, AppTokensResponse Tokens)> AppAsync(this WehelpenApplication app, string name,
        string userAgent = AppOnAndroid, string password = WehelpenApplication.Password)
    {
        var client = app.CreateApiClient();
        client.DefaultRequestHeaders.UserAgent.ParseAdd(userAgent);
        var response = await client.PostAsJsonAsync("/api/v1/account/login", new { email = CircleSteps.EmailOf(name), password });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var tokens = await TokensAsync(response);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens.AccessToken);
        return (client, tokens);
    }

    public static async Task<AppTokensResponse> TokensAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return new AppTokensResponse(body.GetProperty("accessToken").GetString()!, body.GetProperty("refreshToken").GetString()!);
    }

    public static async Task<HttpResponseMessage> RefreshAsync(this WehelpenApplication app, string refreshToken)
    {
        using var client = app.CreateApiClient();
        return await client.PostAsJsonAsync("/api/v1/account/refresh", new { refreshToken });
    }

    /// <summary>Whether the browser still gets its own page (200) or is sent to the login page.</summary>
    public static async Task<bool> SignedInAsync(this HttpClient browser)
    {
        var response = await browser.GetAsync("/profile");
        if (response.StatusCode == HttpStatusCode.OK) return true;
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        Assert.StartsWith("/account/login", location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString);
        return false;
    }

    /// <summary>An app's request with its access token: 200, or 401 once its session is over.</summary>
    public static async Task<HttpStatusCode> ProfileStatusAsync(this HttpClient app) => (await app.GetAsync("/api/v1/profile")).StatusCode;

    public static async Task<JsonElement[]> SessionsAsync(this HttpClient client)
    {
        var response = await client.GetAsync("/api/v1/account/sessions");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return [.. (await response.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray()];
    }

    public static Task<List<AccountSession>> SessionRowsAsync(this WehelpenApplication app, string userId) =>
        app.QueryAsync(db => db.Set<AccountSession>().AsNoTracking().Where(s => s.UserId == userId).OrderBy(s => s.CreatedAt).ToListAsync());
}
