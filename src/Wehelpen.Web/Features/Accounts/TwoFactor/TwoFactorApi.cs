using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using Wehelpen.Web.Data;
using Wehelpen.Web.Features.Accounts.Sessions;
using Wehelpen.Web.Hosting;

namespace Wehelpen.Web.Features.Accounts.TwoFactor;

/// <summary>
/// /api/v1/account/two-factor: the same set-up as the settings page, for apps. Reachable for those who must still set
/// it up (<see cref="TwoFactorRequirement"/>). Turning it on or off renews the security stamp: other sessions and
/// earlier refresh tokens end; a cookie session that does it is renewed, a token client signs in again.
/// </summary>
internal static class TwoFactorApi
{
    public static void MapTwoFactorApi(this WebApplication app)
    {
        var group = app.MapGroup(TwoFactorRequirement.ApiPath).WithTags("Account")
            .RequireAuthorization(AccountsExtensions.ApiPolicy).RequireRateLimiting(TwoFactorExtensions.Changes)
            .AddEndpointFilter(async (context, next) =>
            {
                // Keys and recovery codes are secrets: kept by no cache on the way.
                context.HttpContext.Response.Headers.CacheControl = "no-store";
                return await next(context);
            });

        group.MapGet("/", async Task<Results<Ok<TwoFactorStatus>, ProblemHttpResult>> (ClaimsPrincipal principal, UserManager<ApplicationUser> users, TwoFactorSetup setup) =>
            await users.GetUserAsync(principal) is { } user ? TypedResults.Ok(await setup.StatusAsync(user)) : Gone());

        group.MapGet("/setup", async Task<Results<Ok<AuthenticatorSetup>, ValidationProblem, ProblemHttpResult>> (ClaimsPrincipal principal, UserManager<ApplicationUser> users, TwoFactorSetup setup) =>
            await users.GetUserAsync(principal) is { } user
                ? (await setup.StartAsync(user)).ToApi(key => TypedResults.Ok(new AuthenticatorSetup(key.SharedKey, key.Grouped, key.Uri)))
                : Gone());

        group.MapPost("/enable", async Task<Results<Ok<NewRecoveryCodes>, ValidationProblem, ProblemHttpResult>> (EnableTwoFactorRequest request, ClaimsPrincipal principal, HttpContext http,
            UserManager<ApplicationUser> users, TwoFactorSetup setup, SignInManager<ApplicationUser> signIn) =>
        {
            if (await users.GetUserAsync(principal) is not { } user) return Gone();
            var outcome = await setup.EnableAsync(user, request, principal.SessionId());
            if (outcome.Value is not null) await KeepThisSessionAsync(http, signIn, user);
            return outcome.ToApi(TypedResults.Ok);
        });

        group.MapPost("/recovery-codes", async Task<Results<Ok<NewRecoveryCodes>, ValidationProblem, ProblemHttpResult>> (ConfirmTwoFactorRequest request, ClaimsPrincipal principal, HttpContext http,
            UserManager<ApplicationUser> users, TwoFactorSetup setup, TwoFactorAttempts attempts) =>
        {
            if (await users.GetUserAsync(principal) is not { } user) return Gone();
            var outcome = await setup.NewRecoveryCodesAsync(user, request);
            RetryAfter(http, outcome.Refusal, attempts, user);
            return outcome.ToApi(TypedResults.Ok);
        });

        group.MapPost("/disable", (ConfirmTwoFactorRequest request, ClaimsPrincipal principal, HttpContext http) =>
            DisableAsync(request, principal, http, setUpAgain: false));
        // A new phone: off and the key gone, for everyone; those who must have it are held until it is on again.
        group.MapPost("/reset", (ConfirmTwoFactorRequest request, ClaimsPrincipal principal, HttpContext http) =>
            DisableAsync(request, principal, http, setUpAgain: true));
    }

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> DisableAsync(
        ConfirmTwoFactorRequest request, ClaimsPrincipal principal, HttpContext http, bool setUpAgain)
    {
        var services = http.RequestServices;
        var users = services.GetRequiredService<UserManager<ApplicationUser>>();
        if (await users.GetUserAsync(principal) is not { } user) return Gone();
        var outcome = await services.GetRequiredService<TwoFactorSetup>().DisableAsync(user, request, principal.SessionId(), setUpAgain);
        RetryAfter(http, outcome.Refusal, services.GetRequiredService<TwoFactorAttempts>(), user);
        if (outcome.Value is not null) await KeepThisSessionAsync(http, services.GetRequiredService<SignInManager<ApplicationUser>>(), user);
        return outcome.ToApi(_ => TypedResults.NoContent());
    }

    /// <summary>
    /// POST /api/v1/account/login for an account with two-step sign-in, after its password was right: with
    /// twoFactorCode or twoFactorRecoveryCode the person is signed in (the bearer handler writes the tokens), without
    /// one the answer says that one is needed.
    /// </summary>
    public static async Task<Results<EmptyHttpResult, ProblemHttpResult, ValidationProblem>> LoginSecondStepAsync(
        string? code, string? recoveryCode, HttpContext http)
    {
        var text = http.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
        if (string.IsNullOrWhiteSpace(code) && string.IsNullOrWhiteSpace(recoveryCode))
            return Problem(StatusCodes.Status401Unauthorized, text["TwoStep.Api.Required"], "two_factor_required", text);

        var twoStep = http.RequestServices.GetRequiredService<TwoFactorSignIn>();
        var step = string.IsNullOrWhiteSpace(code)
            ? await twoStep.WithRecoveryCodeAsync(recoveryCode)
            : await twoStep.WithCodeAsync(code, isPersistent: false, rememberDevice: false);
        if (step.Succeeded) return TypedResults.Empty;
        if (step.RetryAfter is { } wait) http.Response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString();
        return Problem(step.Status, step.Message, step.Reason, text);
    }

    private static ProblemHttpResult Problem(int status, string? detail, string reason, IStringLocalizer<SharedResource> text) =>
        TypedResults.Problem(detail, statusCode: status, title: text["TwoStep.Api.Title"],
            extensions: new Dictionary<string, object?> { ["reason"] = reason });

    /// <summary>A valid token of an account that no longer exists.</summary>
    private static ProblemHttpResult Gone() => TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized);

    private static void RetryAfter(HttpContext http, Refusal? refusal, TwoFactorAttempts attempts, ApplicationUser user)
    {
        if (refusal?.Status == StatusCodes.Status429TooManyRequests && attempts.WaitFor(user.Id) is { } wait)
            http.Response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString();
    }

    /// <summary>The stamp was renewed; a cookie session that made the change is signed in again so that it stays.</summary>
    private static async Task KeepThisSessionAsync(HttpContext http, SignInManager<ApplicationUser> signIn, ApplicationUser user)
    {
        if (http.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return;
        await signIn.RefreshSignInAsync(user);
    }
}
