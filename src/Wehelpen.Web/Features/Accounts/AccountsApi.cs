using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using Wehelpen.Web.Data;
using Wehelpen.Web.Features.Accounts.Sessions;
using Wehelpen.Web.Features.Accounts.TwoFactor;
using Wehelpen.Web.Hosting;

namespace Wehelpen.Web.Features.Accounts;

/// <summary>With two-step sign-in on, the second step comes along: the app's code or a recovery code.</summary>
public sealed record LoginRequest(string? Email, string? Password, string? TwoFactorCode = null, string? TwoFactorRecoveryCode = null);
public sealed record RefreshRequest(string? RefreshToken);
public sealed record EmailRequest(string? Email);
public sealed record ConfirmEmailRequest(string? UserId, string? Code);
public sealed record ResetPasswordRequest(string? Email, string? Code, string? NewPassword);

/// <summary>/api/v1/account: registration and token login for apps. Pages use cookies for the same flows.</summary>
internal static class AccountsApi
{
    public static void MapAccountsApi(this WebApplication app)
    {
        var group = app.MapGroup("/api/v1/account").WithTags("Account");

        group.MapPost("/register", RegisterAsync).RequireRateLimiting(AccountRateLimits.Registration);
        group.MapPost("/login", LoginAsync).RequireRateLimiting(AccountRateLimits.Login);
        group.MapPost("/refresh", RefreshAsync).RequireRateLimiting(AccountRateLimits.TokenRefresh);
        group.MapPost("/confirm-email", ConfirmEmailAsync).RequireRateLimiting(AccountRateLimits.EmailConfirmation);
        group.MapPost("/resend-confirmation", ResendConfirmationAsync).RequireRateLimiting(AccountRateLimits.PasswordReset);
        group.MapPost("/forgot-password", ForgotPasswordAsync).RequireRateLimiting(AccountRateLimits.PasswordReset);
        group.MapPost("/reset-password", ResetPasswordAsync).RequireRateLimiting(AccountRateLimits.PasswordReset);
    }

    /// <summary>The same 201 and body whether the address was free or had an account already (see <see cref="Registered"/>).</summary>
    private static async Task<Results<Created<Registered>, ValidationProblem, ProblemHttpResult>> RegisterAsync(
        RegistrationInput input, Registration registration, CancellationToken ct) =>
        (await registration.RegisterAsync(input, ct)).ToApi(r => TypedResults.Created("/api/v1/profile", r));

    /// <summary>
    /// Answers with an access and a refresh token (Identity's bearer tokens). A wrong password and an unknown address get
    /// one answer; too many of them for an address a 429 with Retry-After, the same for every address.
    /// </summary>
    private static async Task<Results<EmptyHttpResult, ProblemHttpResult, ValidationProblem>> LoginAsync(
        LoginRequest request, SignInManager<ApplicationUser> signIn, PasswordLogin login, HttpContext http, IStringLocalizer<SharedResource> text,
        CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request.Email) || string.IsNullOrEmpty(request.Password))
        {
            var errors = new FieldErrors();
            if (string.IsNullOrWhiteSpace(request.Email)) errors.Add("email", text["Validation.EmailRequired"]);
            if (string.IsNullOrEmpty(request.Password)) errors.Add("password", text["Validation.PasswordRequired"]);
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        signIn.AuthenticationScheme = IdentityConstants.BearerScheme;
        var outcome = await login.SignInAsync(request.Email, request.Password, isPersistent: false, http.Connection.RemoteIpAddress, ct);
        if (outcome.Wait is { } wait)
        {
            http.Response.Headers.RetryAfter = LoginFailure.RetryAfterSeconds(wait);
            return TypedResults.Problem(LoginFailure.Throttled(wait, text), statusCode: StatusCodes.Status429TooManyRequests, title: text["RateLimit.Title"],
                extensions: new Dictionary<string, object?> { ["reason"] = "throttled" });
        }
        var result = outcome.Result;
        if (result.Succeeded) return TypedResults.Empty; // the bearer handler has written the tokens
        if (result.RequiresTwoFactor) return await TwoFactorApi.LoginSecondStepAsync(request.TwoFactorCode, request.TwoFactorRecoveryCode, http);

        var (reason, detail) = LoginFailure.Describe(result, text);
        var extensions = new Dictionary<string, object?> { ["reason"] = reason };
        // Only who typed the right password hears that the address is not confirmed, and where to ask for the link again.
        if (result.IsNotAllowed) extensions["resendConfirmation"] = "/api/v1/account/resend-confirmation";
        return TypedResults.Problem(detail, statusCode: StatusCodes.Status401Unauthorized, title: text["Login.Failed.Title"], extensions: extensions);
    }

    /// <summary>
    /// The next access and refresh token of the same session; the refresh token given is used up (Features/Accounts/Sessions).
    /// </summary>
    private static async Task<Results<EmptyHttpResult, ProblemHttpResult>> RefreshAsync(
        RefreshRequest request, AppTokens tokens, RecordingSignInManager signIn, IStringLocalizer<SharedResource> text, CancellationToken ct)
    {
        if (await tokens.RedeemAsync(request.RefreshToken, ct) is not { } session
            || await signIn.UserManager.FindByIdAsync(session.UserId) is not { } user)
            return TypedResults.Problem(text["Refresh.Invalid"], statusCode: StatusCodes.Status401Unauthorized);

        await signIn.SignInAppSessionAsync(user, session.Id);
        return TypedResults.Empty;
    }

    private static async Task<Results<Ok, ProblemHttpResult>> ConfirmEmailAsync(
        ConfirmEmailRequest request, UserManager<ApplicationUser> users, IStringLocalizer<SharedResource> text)
    {
        var confirmed = await EmailConfirmation.ConfirmAsync(users, request.UserId, request.Code);
        return confirmed
            ? TypedResults.Ok()
            : TypedResults.Problem(text["ConfirmEmail.Invalid"], statusCode: StatusCodes.Status400BadRequest);
    }

    /// <summary>Always the same answer, so nobody can find out which addresses have an account.</summary>
    private static async Task<Accepted> ResendConfirmationAsync(EmailRequest request, AccountEmails emails, CancellationToken ct)
    {
        await emails.RequestConfirmationAsync(request.Email, ct);
        return TypedResults.Accepted((string?)null);
    }

    /// <summary>Always the same answer, so nobody can find out which addresses have an account.</summary>
    private static async Task<Accepted> ForgotPasswordAsync(EmailRequest request, AccountEmails emails, CancellationToken ct)
    {
        await emails.RequestPasswordResetAsync(request.Email, ct);
        return TypedResults.Accepted((string?)null);
    }

    private static async Task<Results<Ok, ValidationProblem>> ResetPasswordAsync(
        ResetPasswordRequest request, UserManager<ApplicationUser> users, SessionStore sessions, SignInThrottle throttle,
        IStringLocalizer<SharedResource> text, CancellationToken ct)
    {
        var errors = await PasswordReset.ResetAsync(users, sessions, throttle, text, request.Email, request.Code, request.NewPassword, ct);
        return errors.Any ? TypedResults.ValidationProblem(errors.ToDictionary()) : TypedResults.Ok();
    }
}
