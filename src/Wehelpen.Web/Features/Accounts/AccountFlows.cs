using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using Wehelpen.Web.Data;
using Wehelpen.Web.Features.Accounts.Sessions;
using Wehelpen.Web.Hosting;

namespace Wehelpen.Web.Features.Accounts;

// The steps of the account flows that the pages and the API share.

internal static class LoginFailure
{
    /// <summary>NotAllowed comes only after the right password (<see cref="PasswordLogin"/>); everything else is one answer.</summary>
    public static (string Reason, string Detail) Describe(SignInResult result, IStringLocalizer<SharedResource> text) => result switch
    {
        { IsNotAllowed: true } => ("email_not_confirmed", text["Login.Failed.NotConfirmed"]),
        _ => ("invalid_credentials", text["Login.Failed.Invalid"]),
    };

    /// <summary>The same for every address, with an account or without.</summary>
    public static string Throttled(TimeSpan wait, IStringLocalizer<SharedResource> text) =>
        text["Login.Throttled", Math.Max(1, (int)Math.Ceiling(wait.TotalMinutes))];

    public static string RetryAfterSeconds(TimeSpan wait) => Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
}

internal static class EmailConfirmation
{
    public static async Task<bool> ConfirmAsync(UserManager<ApplicationUser> users, string? userId, string? code)
    {
        var token = AccountEmails.Decode(code);
        if (string.IsNullOrEmpty(userId) || token is null) return false;
        var user = await users.FindByIdAsync(userId);
        return user is not null && (await users.ConfirmEmailAsync(user, token)).Succeeded;
    }
}

internal static class PasswordReset
{
    /// <summary>
    /// An unknown address gets the same answer as a wrong code, so nothing is given away. A new password ends every
    /// session of the person (whoever knew the old one is signed out everywhere) and the sign-in wait, from anywhere.
    /// </summary>
    public static async Task<FieldErrors> ResetAsync(UserManager<ApplicationUser> users, SessionStore sessions, SignInThrottle throttle,
        IStringLocalizer<SharedResource> text, string? email, string? code, string? newPassword, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (string.IsNullOrEmpty(newPassword)) return errors.Add("newPassword", text["Validation.PasswordRequired"]);
        var token = AccountEmails.Decode(code);
        var user = string.IsNullOrWhiteSpace(email) ? null : await users.FindByEmailAsync(email.Trim());
        if (user is null || token is null) return errors.Add("code", text["Identity.InvalidToken"]);

        var result = await users.ResetPasswordAsync(user, token, newPassword);
        foreach (var error in result.Errors)
            errors.Add(error.Code.StartsWith("Password", StringComparison.Ordinal) ? "newPassword" : "code", error.Description);
        if (result.Succeeded)
        {
            await throttle.ForgetAccountAsync(user.NormalizedEmail!, ct);
            await sessions.EndAllAsync(user.Id, SessionEnd.PasswordReset);
        }
        return errors;
    }
}

internal static class ClaimsPrincipalExtensions
{
    public static string RequiredUserId(this ClaimsPrincipal principal) =>
        principal.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("No signed-in user.");
}
