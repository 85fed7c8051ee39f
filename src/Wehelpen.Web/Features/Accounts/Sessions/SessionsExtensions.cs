using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Wehelpen.Web.Platform.PersonalData;

namespace Wehelpen.Web.Features.Accounts.Sessions;

/// <summary>Server-side sessions for the login cookie and the app tokens (docs/security.md "Accounts and sessions").</summary>
public static class SessionsExtensions
{
    /// <summary>Identity's own purpose strings: the access tokens stay readable as Identity's handler made them.</summary>
    private const string BearerPurpose = "Microsoft.AspNetCore.Authentication.BearerToken";

    /// <summary>The API's bearer scheme, read and written by <see cref="AppTokenHandler"/>; access tokens live an hour.</summary>
    public static AuthenticationBuilder AddAppTokens(this AuthenticationBuilder authentication)
    {
        var scheme = IdentityConstants.BearerScheme;
        authentication.Services.AddOptions<BearerTokenOptions>(scheme).Configure<IDataProtectionProvider>((o, protection) =>
            o.BearerTokenProtector = new TicketDataFormat(protection.CreateProtector(BearerPurpose, scheme, "BearerToken")));
        return authentication.AddScheme<BearerTokenOptions, AppTokenHandler>(scheme, o => o.BearerTokenExpiration = TimeSpan.FromHours(1));
    }

    public static WebApplicationBuilder AddSessions(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<SessionGate>();
        services.AddSingleton<SessionHubConnections>();
        services.AddScoped<SessionStore>();
        services.AddScoped<AppTokens>();
        services.AddScoped<PasswordChange>();
        // Identity's cookie check, with the session checked first (registered after Identity's own, so this one is used).
        services.AddScoped<ISecurityStampValidator, SessionValidator>();
        services.AddPersonalData<SessionsPersonalData>();
        services.AddRetentionRule<EndedSessionRetention>();
        services.AddRetentionRule<ExpiredRefreshTokenRetention>();
        builder.AddSessionRateLimits();
        return builder;
    }

    public static WebApplication MapSessions(this WebApplication app)
    {
        app.MapSessionsApi();
        return app;
    }
}
