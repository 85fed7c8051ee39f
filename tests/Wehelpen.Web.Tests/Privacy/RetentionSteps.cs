using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Wehelpen.Web.Data;
using Wehelpen.Web.Features.Privacy.Retention;
using Wehelpen.Web.Tests.Circles;
using Wehelpen.Web.Tests.Requests;

namespace Wehelpen.Web.Tests.Privacy;

/// <summary>The retention run as the nightly job does it, in an app whose clock the test moves.</summary>
public static class RetentionSteps
{
    /// <summary><see cref="RequestSteps.Now"/>: Monday 23 November 2026, 10:00 in Amsterdam.</summary>
    public static DateTimeOffset Start => RequestSteps.Now;

    public static Task<(WehelpenApplication App, TestClock Clock)> StartAsync(DatabaseProvider provider) => RequestSteps.StartAsync(provider);

    /// <summary>Runs every retention rule once at the clock's time, as the job does (the scheduler is off in tests).</summary>
    public static async Task<RetentionReport> RetainAsync(this WehelpenApplication app)
    {
        var report = await app.Services.GetRequiredService<RetentionRun>().RunAsync(CancellationToken.None);
        Assert.Empty(report.Failed);
        return report;
    }

    public static async Task<ApplicationUser?> AccountAsync(this WehelpenApplication app, string userId) =>
        await app.QueryAsync(db => db.Users.FindAsync(userId).AsTask());

    /// <summary>Registers (and confirms, unless told not to) a person who chose <paramref name="language"/>.</summary>
    public static async Task<string> RegisterAsync(this WehelpenApplication app, string name, string language, bool confirm = true)
    {
        var email = CircleSteps.EmailOf(name);
        using var client = app.CreateApiClient();
        var response = await client.PostAsJsonAsync("/api/v1/account/register",
            new { email, password = WehelpenApplication.Password, displayName = name, roles = new[] { "carer" }, language, acceptPrivacyStatement = true });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var link = app.LinkInEmail(email, "/account/confirm-email");
        if (confirm) Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(link.PathAndQuery)).StatusCode);
        return WehelpenApplication.UserIdIn(link);
    }

    public static async Task<HttpStatusCode> LoginStatusAsync(this WehelpenApplication app, string name)
    {
        using var client = app.CreateApiClient();
        var response = await client.PostAsJsonAsync("/api/v1/account/login", new { email = CircleSteps.EmailOf(name), password = WehelpenApplication.Password });
        return response.StatusCode;
    }
}
