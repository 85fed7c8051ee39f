using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using Wehelpen.Web.Data;
using Wehelpen.Web.Features.Accounts.Sessions;
using Wehelpen.Web.Hosting;

namespace Wehelpen.Web.Features.Accounts.TwoFactor;

public sealed record TwoFactorStatus(bool Enabled, bool Required, int RecoveryCodesLeft);
public sealed record AuthenticatorSetup(string SharedKey, string GroupedKey, string AuthenticatorUri);
public sealed record NewRecoveryCodes(IReadOnlyList<string> RecoveryCodes);
public sealed record EnableTwoFactorRequest(string? Code);
public sealed record ConfirmTwoFactorRequest(string? PasswordOrCode);

/// <summary>
/// Setting up two-step sign-in with an authenticator app, its recovery codes, and turning it off: one use case for
/// the settings page and the API. Identity keeps the key and the codes (AspNetUserTokens) and checks the codes.
/// </summary>
public sealed class TwoFactorSetup(
    UserManager<ApplicationUser> users,
    IUserStore<ApplicationUser> store,
    TwoFactorAttempts attempts,
    SessionStore sessions,
    IStringLocalizer<SharedResource> text,
    ILogger<TwoFactorSetup> logger)
{
    public const int RecoveryCodeCount = 10;

    // Identity's own names for the rows it keeps in AspNetUserTokens (UserStoreBase); there is no public way to delete them.
    private const string IdentityTokens = "[AspNetUserStore]";

    public async Task<TwoFactorStatus> StatusAsync(ApplicationUser user)
    {
        var enabled = await users.GetTwoFactorEnabledAsync(user);
        return new(enabled, await IsRequiredAsync(user), enabled ? await users.CountRecoveryCodesAsync(user) : 0);
    }

    public async Task<bool> IsRequiredAsync(ApplicationUser user) =>
        await users.IsInRoleAsync(user, Roles.Professional) || await users.IsInRoleAsync(user, Roles.Admin);

    /// <summary>The key to add to the app; made on first use and the same after that, until it is enabled.</summary>
    public async Task<Outcome<AuthenticatorKey>> StartAsync(ApplicationUser user)
    {
        if (await users.GetTwoFactorEnabledAsync(user)) return Refusal.Conflict(text["TwoStep.AlreadyOn"]);
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            // Not ResetAuthenticatorKeyAsync: it also renews the security stamp, which would sign the person out
            // everywhere else just for opening this page. Turning it on renews the stamp, once the key is proven.
            key = users.GenerateNewAuthenticatorKey();
            await ((IUserAuthenticatorKeyStore<ApplicationUser>)store).SetAuthenticatorKeyAsync(user, key, CancellationToken.None);
            var saved = await users.UpdateAsync(user);
            if (!saved.Succeeded) return Refusal.Conflict(text["TwoStep.TryAgain"]);
        }
        return new AuthenticatorKey(key, user.Email ?? user.UserName ?? user.Id);
    }

    /// <summary>
    /// Turns it on once the first code from the app is right; the recovery codes are shown this once. Every session
    /// but <paramref name="keepSession"/> (where it was turned on) ends: those devices sign in again with a code.
    /// </summary>
    public async Task<Outcome<NewRecoveryCodes>> EnableAsync(ApplicationUser user, EnableTwoFactorRequest request, Guid? keepSession)
    {
        if (await users.GetTwoFactorEnabledAsync(user)) return Refusal.Conflict(text["TwoStep.AlreadyOn"]);
        if (string.IsNullOrEmpty(await users.GetAuthenticatorKeyAsync(user))) return Refusal.Conflict(text["TwoStep.NoKeyYet"]);
        var code = TwoFactorCodes.Normalise(request.Code);
        if (code.Length == 0) return new FieldErrors().Add("code", text["TwoStep.CodeRequired"]);
        if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
            return new FieldErrors().Add("code", text["TwoStep.CodeWrong"]);

        // This renews the security stamp (remembered devices are forgotten); the other sessions end here.
        await users.SetTwoFactorEnabledAsync(user, true);
        await sessions.EndAllAsync(user.Id, SessionEnd.TwoStepChanged, except: keepSession);
        var codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount);
        logger.LogInformation("Two-step sign-in turned on for {UserId}", user.Id);
        return new NewRecoveryCodes(codes!.ToList());
    }

    /// <summary>New recovery codes in place of the old ones, after the password or a code is given again.</summary>
    public async Task<Outcome<NewRecoveryCodes>> NewRecoveryCodesAsync(ApplicationUser user, ConfirmTwoFactorRequest request)
    {
        if (!await users.GetTwoFactorEnabledAsync(user)) return Refusal.Conflict(text["TwoStep.NotOn"]);
        if (await ConfirmAsync<NewRecoveryCodes>(user, request.PasswordOrCode) is { } refused) return refused;
        var codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount);
        logger.LogInformation("New recovery codes made for {UserId}", user.Id);
        return new NewRecoveryCodes(codes!.ToList());
    }

    /// <summary>
    /// Off, for those who may choose; or <paramref name="setUpAgain"/> (a new phone), for everyone: those who must
    /// have it are then held at the set-up until it is on again. The key and the codes are deleted either way, and
    /// every session but <paramref name="keepSession"/> ends: whoever had the old phone is signed out.
    /// </summary>
    public async Task<Outcome<Done>> DisableAsync(ApplicationUser user, ConfirmTwoFactorRequest request, Guid? keepSession, bool setUpAgain = false)
    {
        if (!await users.GetTwoFactorEnabledAsync(user)) return Done.Instance;
        if (!setUpAgain && await IsRequiredAsync(user)) return Refusal.Forbidden(text["TwoStep.Required.CannotTurnOff"]);
        if (await ConfirmAsync<Done>(user, request.PasswordOrCode) is { } refused) return refused;
        await users.SetTwoFactorEnabledAsync(user, false);
        await users.RemoveAuthenticationTokenAsync(user, IdentityTokens, "AuthenticatorKey");
        await users.RemoveAuthenticationTokenAsync(user, IdentityTokens, "RecoveryCodes");
        await sessions.EndAllAsync(user.Id, SessionEnd.TwoStepChanged, except: keepSession);
        logger.LogInformation("Two-step sign-in {Change} for {UserId}", setUpAgain ? "reset" : "turned off", user.Id);
        return Done.Instance;
    }

    /// <summary>Null when the password or the app's current code is right; wrong ones count against the account.</summary>
    private async Task<Outcome<T>?> ConfirmAsync<T>(ApplicationUser user, string? passwordOrCode) where T : class
    {
        if (attempts.WaitFor(user.Id) is { } wait) return TwoFactorCodes.TooMany(text, wait);
        if (string.IsNullOrWhiteSpace(passwordOrCode)) return new FieldErrors().Add("passwordOrCode", text["TwoStep.Confirm.Required"]);
        var code = TwoFactorCodes.Normalise(passwordOrCode);
        var right = TwoFactorCodes.LooksLikeCode(code)
            ? await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code)
            : await users.CheckPasswordAsync(user, passwordOrCode);
        if (right) return null;
        attempts.Failed(user.Id);
        return new FieldErrors().Add("passwordOrCode", text["TwoStep.Confirm.Wrong"]);
    }
}
