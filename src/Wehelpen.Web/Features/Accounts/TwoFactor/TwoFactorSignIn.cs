using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using Wehelpen.Web.Data;

namespace Wehelpen.Web.Features.Accounts.TwoFactor;

/// <summary>How the second step ended: signed in (<see cref="User"/>), or why not, said to the person.</summary>
public sealed record SecondStep(ApplicationUser? User, int Status, string Reason, string? Message, TimeSpan? RetryAfter = null)
{
    public bool Succeeded => Status == StatusCodes.Status200OK;
}

/// <summary>
/// The second step of signing in, after the password was right: a code from the app or a recovery code. SignInManager
/// does the work (the pending person is in its two-factor cookie, or in memory within the API's one request); this
/// adds the limit per account and the messages. Shared by the login pages and POST /api/v1/account/login.
/// </summary>
public sealed class TwoFactorSignIn(
    SignInManager<ApplicationUser> signIn,
    TwoFactorAttempts attempts,
    IStringLocalizer<SharedResource> text,
    ILogger<TwoFactorSignIn> logger)
{
    public async Task<ApplicationUser?> PendingUserAsync() => await signIn.GetTwoFactorAuthenticationUserAsync();

    public Task<SecondStep> WithCodeAsync(string? code, bool isPersistent, bool rememberDevice) =>
        StepAsync(TwoFactorCodes.Normalise(code), "code",
            c => signIn.TwoFactorAuthenticatorSignInAsync(c, isPersistent, rememberDevice));

    public Task<SecondStep> WithRecoveryCodeAsync(string? code) =>
        StepAsync(TwoFactorCodes.NormaliseRecovery(code), "recovery code",
            signIn.TwoFactorRecoveryCodeSignInAsync);

    private async Task<SecondStep> StepAsync(string code, string kind, Func<string, Task<SignInResult>> signInWith)
    {
        var user = await PendingUserAsync();
        if (user is null) return new(null, StatusCodes.Status401Unauthorized, "two_factor_expired", text["TwoStep.Login.Expired"]);
        if (attempts.WaitFor(user.Id) is { } wait)
            return new(null, StatusCodes.Status429TooManyRequests, "two_factor_too_many_attempts", TwoFactorCodes.TooMany(text, wait).Message, wait);
        if (code.Length == 0) return new(null, StatusCodes.Status400BadRequest, "two_factor_code_missing", text["TwoStep.CodeRequired"]);

        var result = await signInWith(code);
        if (result.Succeeded)
        {
            logger.LogInformation("Second step of signing in passed by {UserId} with a {Kind}", user.Id, kind);
            return new(user, StatusCodes.Status200OK, "signed_in", null);
        }
        if (result.IsLockedOut) return new(null, StatusCodes.Status401Unauthorized, "locked_out", text["TwoStep.Login.LockedOut"]);
        attempts.Failed(user.Id);
        logger.LogWarning("Wrong {Kind} in the second step of signing in by {UserId}", kind, user.Id);
        return new(null, StatusCodes.Status401Unauthorized, "two_factor_invalid",
            text[kind == "code" ? "TwoStep.Login.CodeWrong" : "TwoStep.Login.RecoveryWrong"]);
    }
}
