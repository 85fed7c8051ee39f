using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;

namespace Wehelpen.Web.Features.Accounts.TwoFactor;

/// <summary>Two-step sign-in with an authenticator app (TOTP) and recovery codes, on Identity's own support for it.</summary>
public static class TwoFactorExtensions
{
    /// <summary>Posts of the second step and of the set-up: per person, or per address before signing in.</summary>
    public const string Changes = "two-factor";

    public static readonly TimeSpan RememberDevice = TimeSpan.FromDays(30);

    public static WebApplicationBuilder AddTwoFactor(this WebApplicationBuilder builder)
    {
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
        services.AddRateLimiter(o => o.AddPolicy(Changes, ctx =>
        {
            if (HttpMethods.IsGet(ctx.Request.Method) || HttpMethods.IsHead(ctx.Request.Method))
                return RateLimitPartition.GetNoLimiter($"{Changes}:read");
            // Wrong codes are limited per account by TwoFactorAttempts; this only keeps anyone from hammering.
            var person = ctx.User.FindFirstValue(ClaimTypes.NameIdentifier);
            return person is not null
                ? RateLimitPartition.GetFixedWindowLimiter($"{Changes}:{person}",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = 20, Window = TimeSpan.FromMinutes(15), QueueLimit = 0 })
                : RateLimitPartition.GetFixedWindowLimiter($"{Changes}:{ctx.Connection.RemoteIpAddress}",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = 30, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
        }));
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
