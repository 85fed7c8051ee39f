using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Wehelpen.Web.Features.Accounts.TwoFactor;
using Wehelpen.Web.Hosting;

namespace Wehelpen.Web.Features.Accounts;

/// <summary>With two-step sign-in on, the second step comes along: the app's code or a recovery code.</summary>
public sealed record LoginRequest(string? Email, string? Password, string? TwoFactorCode = null, string? TwoFactorRecoveryCode = null);
public sealed record RefreshRequest(string? RefreshToken);
public sealed record EmailRequest(string? Email);
public sealed record ConfirmEmailRequest(string? UserId, string? Code);
public sealed record ResetPasswordRequest(string? Email, string? Code, string? NewPassword);
public sealed record RegisteredResponse(string Id, string Email, string DisplayName, IReadOnlyList<string> Roles);

/// <summary>/api/v1/account: registration and token login for apps. Pages use cookies for the same flows.</summary>
internal static class AccountsApi
{
    public static void MapAccountsApi(this WebApplication app)
    {
        var group = app.MapGroup("/api/v1/account").WithTags("Account");

        group.MapPost("/register", RegisterAsync);
        group.MapPost("/login", LoginAsync).RequireRateLimiting(AccountRateLimits.Login);
        group.MapPost("/refresh", RefreshAsync);
        group.MapPost("/confirm-email", ConfirmEmailAsync);
        group.MapPost("/resend-confirmation", ResendConfirmationAsync).RequireRateLimiting(AccountRateLimits.PasswordReset);
        group.MapPost("/forgot-password", ForgotPasswordAsync).RequireRateLimiting(AccountRateLimits.PasswordReset);
        group.MapPost("/reset-password", ResetPasswordAsync).RequireRateLimiting(AccountRateLimits.PasswordReset);
    }

    private static async Task<Results<Created<RegisteredResponse>, ValidationProblem>> RegisterAsync(
        RegistrationInput input, Registration registration, CancellationToken ct)
    {
        var (user, errors) = await registration.RegisterAsync(input, ct);
        if (user is null) return TypedResults.ValidationProblem(errors.ToDictionary());
        var roles = input.Roles!.Select(r => r.Trim().ToLowerInvariant()).Distinct().ToList();
        return TypedResults.Created("/api/v1/profile", new RegisteredResponse(user.Id, user.Email!, user.DisplayName, roles));
    }

    /// <summary>Answers with an access and a refresh token (Identity's bearer tokens).</summary>
    private static async Task<Results<EmptyHttpResult, ProblemHttpResult, ValidationProblem>> LoginAsync(
        LoginRequest request, SignInManager<ApplicationUser> signIn, IStringLocalizer<SharedResource> text, HttpContext http)
    {
        if (string.IsNullOrWhiteSpace(request.Email) || string.IsNullOrEmpty(request.Password))
        {
            var errors = new FieldErrors();
            if (string.IsNullOrWhiteSpace(request.Email)) errors.Add("email", text["Validation.EmailRequired"]);
            if (string.IsNullOrEmpty(request.Password)) errors.Add("password", text["Validation.PasswordRequired"]);
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        signIn.AuthenticationScheme = IdentityConstants.BearerScheme;
        var result = await signIn.PasswordSignInAsync(request.Email.Trim(), request.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded) return TypedResults.Empty; // the bearer handler has written the tokens
        if (result.RequiresTwoFactor) return await TwoFactorApi.LoginSecondStepAsync(request.TwoFactorCode, request.TwoFactorRecoveryCode, http);

        var (reason, detail) = LoginFailure.Describe(result, text);
        return TypedResults.Problem(detail, statusCode: StatusCodes.Status401Unauthorized, title: text["Login.Failed.Title"],
            extensions: new Dictionary<string, object?> { ["reason"] = reason });
    }

    private static async Task<Results<EmptyHttpResult, ProblemHttpResult>> RefreshAsync(
        RefreshRequest request, SignInManager<ApplicationUser> signIn, IOptionsMonitor<BearerTokenOptions> bearer,
        TimeProvider clock, IStringLocalizer<SharedResource> text)
    {
        var protector = bearer.Get(IdentityConstants.BearerScheme).RefreshTokenProtector;
        var ticket = string.IsNullOrEmpty(request.RefreshToken) ? null : protector.Unprotect(request.RefreshToken);
        if (ticket?.Properties.ExpiresUtc is not { } expires || clock.GetUtcNow() >= expires
            || await signIn.ValidateSecurityStampAsync(ticket.Principal) is not { } user)
            return TypedResults.Problem(text["Refresh.Invalid"], statusCode: StatusCodes.Status401Unauthorized);

        signIn.AuthenticationScheme = IdentityConstants.BearerScheme;
        await signIn.SignInAsync(user, isPersistent: false);
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
        ResetPasswordRequest request, UserManager<ApplicationUser> users, IStringLocalizer<SharedResource> text)
    {
        var errors = await PasswordReset.ResetAsync(users, text, request.Email, request.Code, request.NewPassword);
        return errors.Any ? TypedResults.ValidationProblem(errors.ToDictionary()) : TypedResults.Ok();
    }
}
