using Wehelpen.Web.Platform.RateLimiting;

namespace Wehelpen.Web.Features.Accounts;

/// <summary>
/// The account flows' limits, on the API and the pages alike. Login and password-reset attempts are limited per
/// client address, so that passwords cannot be guessed at speed and nobody's mailbox is flooded with reset mails;
/// registering, confirming and refreshing a token so that none of them can be done by the thousand. Only POSTs
/// count, except for the confirmation link, which is opened from a mail.
/// </summary>
public static class AccountRateLimits
{
    public const string Login = "login";
    public const string PasswordReset = "password-reset";
    public const string Registration = "registration";
    public const string EmailConfirmation = "email-confirmation";
    public const string TokenRefresh = "token-refresh";

    public static WebApplicationBuilder AddAccountRateLimits(this WebApplicationBuilder builder) => builder
        .AddRateLimit(new RateLimitRule(Login, 10, TimeSpan.FromMinutes(1)) { Setting = "LoginAttemptsPerMinute", Per = CountedPer.Address })
        .AddRateLimit(new RateLimitRule(PasswordReset, 5, TimeSpan.FromMinutes(15)) { Setting = "PasswordResetsPerQuarterHour", Per = CountedPer.Address })
        // Per address: a buurthuis helping its visitors sign up at one table is honest and may do a dozen in an hour.
        .AddRateLimit(new RateLimitRule(Registration, 20, TimeSpan.FromHours(1))
            { Setting = "RegistrationsPerHour", DetailKey = "RateLimit.Registration.Detail" })
        .AddRateLimit(new RateLimitRule(EmailConfirmation, 30, TimeSpan.FromMinutes(15))
            { Setting = "EmailConfirmationsPerQuarterHour", CountsReads = true, DetailKey = "RateLimit.EmailConfirmation.Detail" })
        // Per address, as an app refreshes without being signed in: generous, since many apps may share one address.
        .AddRateLimit(new RateLimitRule(TokenRefresh, 100, TimeSpan.FromMinutes(15))
            { Setting = "TokenRefreshesPerQuarterHour", DetailKey = "RateLimit.TokenRefresh.Detail" });
}
