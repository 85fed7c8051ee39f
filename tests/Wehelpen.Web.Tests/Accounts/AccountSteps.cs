using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;

namespace Wehelpen.Web.Tests.Accounts;

public static class AccountSteps
{
    public static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// An app whose clock the test moves, with people on networks of their own (<see cref="ClientAddresses"/>), and the
    /// per-minute limit per client out of the way: what answers is the throttle per address.
    /// </summary>
    public static async Task<(WehelpenApplication App, TestClock Clock)> ThrottledAsync(DatabaseProvider provider,
        Dictionary<string, string?>? settings = null, Action<IServiceCollection>? more = null)
    {
        var clock = new TestClock(Now);
        var all = new Dictionary<string, string?> { ["RateLimits:LoginAttemptsPerMinute"] = "1000", ["RateLimits:PasswordResetsPerQuarterHour"] = "1000" };
        foreach (var (key, value) in settings ?? []) all[key] = value;
        var app = await WehelpenApplication.StartAsync(provider, all, s =>
        {
            s.AddSingleton<TimeProvider>(clock);
            s.AddClientAddresses();
            more?.Invoke(s);
        });
        return (app, clock);
    }

    public static object Registration(string email, string displayName = "Test Persoon", string password = WehelpenApplication.Password) =>
        new { email, password, displayName, roles = new[] { "resident" }, acceptPrivacyStatement = true };

    /// <summary>Registered through the API and never confirmed.</summary>
    public static async Task RegisterUnconfirmedAsync(this WehelpenApplication app, string email)
    {
        using var client = app.CreateApiClient();
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync("/api/v1/account/register", Registration(email))).StatusCode);
    }

    /// <summary>Wrong passwords for <paramref name="email"/>, each refused as wrong (not yet throttled).</summary>
    public static async Task GuessAsync(this HttpClient client, string email, int times)
    {
        for (var i = 0; i < times; i++)
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.LoginAsync(email, $"gok nummer {i}")).StatusCode);
    }

    /// <summary>A new password through the link in the reset mail.</summary>
    public static async Task ResetPasswordAsync(this WehelpenApplication app, string email, string newPassword)
    {
        using var client = app.CreateApiClient();
        Assert.Equal(HttpStatusCode.Accepted, (await client.PostAsJsonAsync("/api/v1/account/forgot-password", new { email })).StatusCode);
        var code = System.Web.HttpUtility.ParseQueryString(app.LinkInEmail(email, "/account/reset-password").Query)["code"];
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("/api/v1/account/reset-password", new { email, code, newPassword })).StatusCode);
    }
}
