using System.Security.Claims;
using System.Threading.RateLimiting;

namespace Wehelpen.Web.Features.Accounts.Sessions;

/// <summary>
/// Ending sessions and changing the password, per person (per client address without one), counted together on the
/// page and the API. A password change checks the current password, so it is limited like guessing one would be.
/// </summary>
public static class SessionRateLimits
{
    public const string SessionEnds = "session-ends";
    public const string PasswordChanges = "password-changes";

    /// <summary>The page /account/security: its form posts count as the API's writes they are.</summary>
    public const string SecurityPage = "account-security";

    public static WebApplicationBuilder AddSessionRateLimits(this WebApplicationBuilder builder)
    {
        var limits = builder.Configuration.GetSection("RateLimits");
        var ends = limits.GetValue("SessionEndsPerQuarterHour", 30);
        var changes = limits.GetValue("PasswordChangesPerHour", 10);
        builder.Services.AddRateLimiter(o =>
        {
            o.AddPolicy(SessionEnds, ctx => PerPerson(ctx, SessionEnds, ends, TimeSpan.FromMinutes(15)));
            o.AddPolicy(PasswordChanges, ctx => PerPerson(ctx, PasswordChanges, changes, TimeSpan.FromHours(1)));
            o.AddPolicy(SecurityPage, ctx => !HttpMethods.IsPost(ctx.Request.Method)
                ? RateLimitPartition.GetNoLimiter("account-security:read")
                : string.Equals(ctx.Request.Query["handler"], "ChangePassword", StringComparison.OrdinalIgnoreCase)
                    ? PerPerson(ctx, PasswordChanges, changes, TimeSpan.FromHours(1))
                    : PerPerson(ctx, SessionEnds, ends, TimeSpan.FromMinutes(15)));
        });
        return builder;
    }

    private static RateLimitPartition<string> PerPerson(HttpContext ctx, string policy, int permits, TimeSpan window) =>
        RateLimitPartition.GetFixedWindowLimiter(
            $"{policy}:{ctx.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? ctx.Connection.RemoteIpAddress?.ToString()}",
            _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = window, QueueLimit = 0 });
}
