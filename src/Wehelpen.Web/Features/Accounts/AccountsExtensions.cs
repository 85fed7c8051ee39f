using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Wehelpen.Web.Data;
using Wehelpen.Web.Features.Accounts.Passwords;
using Wehelpen.Web.Features.Accounts.Sessions;
using Wehelpen.Web.Features.Accounts.TwoFactor;
using Wehelpen.Web.Hosting;
using Wehelpen.Web.Platform.PersonalData;

namespace Wehelpen.Web.Features.Accounts;

public static class AccountsExtensions
{
    /// <summary>Cookie login for pages, bearer tokens for the JSON API; either one works on /api.</summary>
    public const string ApiPolicy = "api";

    /// <summary>The <see cref="ApiPolicy"/> for administrators only: anyone else signed in gets 403.</summary>
    public const string ApiAdminPolicy = "api-admin";

    public static WebApplicationBuilder AddAccounts(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddAuthentication(o =>
            {
                o.DefaultScheme = IdentityConstants.ApplicationScheme;
                o.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            .AddAppTokens()
            .AddIdentityCookies(cookies => cookies.ApplicationCookie?.Configure(o =>
            {
                o.LoginPath = "/account/login";
                o.LogoutPath = "/account/logout";
                o.AccessDeniedPath = "/account/access-denied";
                o.ExpireTimeSpan = TimeSpan.FromDays(14);
                o.SlidingExpiration = true;
                o.Cookie.Name = "wehelpen.auth";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                // An API caller gets a status code, not the login page.
                o.Events.OnRedirectToLogin = ctx => ApiAwareRedirect(ctx.HttpContext, ctx.RedirectUri, StatusCodes.Status401Unauthorized);
                o.Events.OnRedirectToAccessDenied = ctx => ApiAwareRedirect(ctx.HttpContext, ctx.RedirectUri, StatusCodes.Status403Forbidden);
            }));

        services.AddIdentityCore<ApplicationUser>(o =>
            {
                o.User.RequireUniqueEmail = true;
                o.SignIn.RequireConfirmedEmail = true;
                // Long rather than complicated: many of our users are older and type slowly. What else a password
                // must be (not too long, not common, not their name or address) is in PasswordRules.
                o.Password.RequiredLength = 8;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                // The password step does not use Identity's lockout (anyone could lock a resident out with it): it is
                // throttled per address and client network instead (SignInThrottle). These stay for Identity's own
                // other checks.
                o.Lockout.AllowedForNewUsers = true;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<WehelpenDbContext>()
            .AddSignInManager<RecordingSignInManager>()
            .AddDefaultTokenProviders()
            .AddErrorDescriber<LocalizedIdentityErrorDescriber>()
            .AddPasswordValidator<PasswordRules>();

        services.AddAuthorizationBuilder()
            .AddPolicy(ApiPolicy, p => p
                .AddAuthenticationSchemes(IdentityConstants.BearerScheme, IdentityConstants.ApplicationScheme)
                .RequireAuthenticatedUser())
            .AddPolicy(ApiAdminPolicy, p => p
                .AddAuthenticationSchemes(IdentityConstants.BearerScheme, IdentityConstants.ApplicationScheme)
                .RequireAuthenticatedUser()
                .RequireRole(Roles.Admin));

        services.AddSingleton<CommonPasswords>();
        services.AddScoped<AccountEmails>();
        services.AddSingleton<AccountMailQueue>();
        services.TryAddSingleton(AccountMailTiming.Default);
        services.AddHostedService<AccountMailSender>();
        services.AddScoped<Registration>();
        services.Configure<SignInThrottleOptions>(builder.Configuration.GetSection("RateLimits"));
        services.AddScoped<SignInThrottle>();
        services.AddSingleton<UnknownAccountPassword>();
        services.AddScoped<PasswordLogin>();
        services.AddPersonalData<SignInFailurePersonalData>();
        services.AddRetentionRule<SignInFailureRetention>();
        services.AddPersonalData<AccountPersonalData>();
        services.AddScoped<SignInRecorder>();
        services.AddNoDemoSignIn();
        builder.AddAccountRateLimits();
        builder.AddSessions();
        builder.AddTwoFactor();
        return builder;
    }

    public static WebApplication MapAccounts(this WebApplication app)
    {
        app.MapAccountsApi();
        app.MapSessions();
        app.MapTwoFactor();
        app.MapLanguageSwitch();
        return app;
    }

    /// <summary>Creates the roles on every start; cheap, and a new role in code needs no migration.</summary>
    public static async Task EnsureRolesAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.All)
            if (!await roles.RoleExistsAsync(role))
                await roles.CreateAsync(new IdentityRole(role));
    }

    private static Task ApiAwareRedirect(HttpContext context, string redirectUri, int apiStatus)
    {
        if (context.Request.IsProgramRequest())
            context.Response.StatusCode = apiStatus;
        else
            context.Response.Redirect(redirectUri);
        return Task.CompletedTask;
    }
}
