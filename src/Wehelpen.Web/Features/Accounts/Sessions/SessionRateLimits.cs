using Wehelpen.Web.Platform.RateLimiting;

namespace Wehelpen.Web.Features.Accounts.Sessions;

/// <summary>
/// Ending sessions and changing the password, per person, counted together on the page and the API. A password
/// change checks the current password, so it is limited like guessing one would be.
/// </summary>
public static class SessionRateLimits
{
    public const string SessionEnds = "session-ends";
    public const string PasswordChanges = "password-changes";

    public static WebApplicationBuilder AddSessionRateLimits(this WebApplicationBuilder builder) => builder
        .AddRateLimit(new RateLimitRule(SessionEnds, 30, TimeSpan.FromMinutes(15)) { Setting = "SessionEndsPerQuarterHour" })
        .AddRateLimit(new RateLimitRule(PasswordChanges, 10, TimeSpan.FromHours(1)) { Setting = "PasswordChangesPerHour" });
}
