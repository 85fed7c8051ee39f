using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Wehelpen.Web.Platform.RateLimiting;

namespace Wehelpen.Web.Features.Accounts.TwoFactor;

/// <summary>Two-step sign-in with an authenticator app (TOTP) and recovery codes, on Identity's own support for it.</summary>
public static class TwoFactorExtensions
{
    /// <summary>Posts of the set-up (page and API), per person. Wrong codes are limited per account by <see cref="TwoFactorAttempts"/>.</summary>
    public const string Changes = "two-factor";

    /// <summary>Posts of the second step of signing in, per client address: this only keeps anyone from hammering.</summary>
    public const string SecondStep = "two-factor-second-step";

    public static readonly TimeSpan RememberDevice = TimeSpan.FromDays(30);

    public static WebApplicationBuilder AddTwoFactor(this WebApplicationBuilder builder)
    {
        builder.AddRateLimit(new RateLimitRule(Changes, 20, TimeSpan.FromMinutes(15)) { Setting = "TwoFactorChangesPerQuarterHour" })
            .AddRateLimit(new RateLimitRule(SecondStep, 30, TimeSpan.FromMinutes(1)) { Setting = "TwoFactorCodesPerMinute", Per = CountedPer.Address });
        var services = builder.Services;
        services.AddSingleton<TwoFactorAttempts>();
        services.AddScoped<TwoFactorSetup>();
        services.AddScoped<TwoFactorSignIn>();
        services.Configure<CookieAuthenticationOptions>(IdentityConstants.TwoFactorRememberMeScheme, o =>
        {
            o.Cookie.Name = "wehelpen.device";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.ExpireTimeSpan = RememberDevice;
        });
        services.Configure<CookieAuthenticationOptions>(IdentityConstants.TwoFactorUserIdScheme, o =>
        {
            o.Cookie.Name = "wehelpen.second-step";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
        });
        return builder;
    }

    public static WebApplication MapTwoFactor(this WebApplication app)
    {
        // Added after UseWebPlumbing's routing, authentication and authorization: runs just before every endpoint.
        app.Use(TwoFactorRequirement.GateAsync);
        app.MapTwoFactorApi();
        return app;
    }
}
