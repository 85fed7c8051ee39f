using System.Net;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Wehelpen.Web.Data;

namespace Wehelpen.Web.Features.Accounts;

/// <param name="Result">
/// Identity's result: Succeeded (signed in), RequiresTwoFactor (the password was right, the second step is next),
/// NotAllowed (the password was right, the address is not confirmed yet), or Failed: a wrong password, an unknown
/// address and an unconfirmed account with a wrong password alike.
/// </param>
/// <param name="Wait">Set when too many wrong passwords were tried: nothing was checked; try again after this.</param>
/// <param name="User">The account, when the password was right.</param>
public sealed record LoginOutcome(SignInResult Result, TimeSpan? Wait = null, ApplicationUser? User = null)
{
    public static LoginOutcome Throttled(TimeSpan wait) => new(SignInResult.Failed, wait);
}

/// <summary>
/// The password step of signing in, one for the login page and the API. It tells nobody whether an address has an
/// account: an unknown address is answered like a wrong password, after the same work (a password hash is checked
/// for it too, and the failure counted the same way); only who typed the right password hears more (confirm your
/// address first). Guessing is slowed by <see cref="SignInThrottle"/>, not by Identity's lockout, which let anyone
/// lock a resident out with five wrong passwords; its LockoutEnd is not looked at here.
/// </summary>
public sealed class PasswordLogin(SignInManager<ApplicationUser> signIn, SignInThrottle throttle, UnknownAccountPassword unknown)
{
    public async Task<LoginOutcome> SignInAsync(string email, string password, bool isPersistent, IPAddress? client, CancellationToken ct)
    {
        var users = signIn.UserManager;
        var keys = SignInKeys.For(users.NormalizeEmail(email.Trim()), client);
        if (await throttle.WaitAsync(keys, ct) is { } wait) return LoginOutcome.Throttled(wait);

        var user = await users.FindByEmailAsync(email.Trim());
        bool right;
        if (user?.PasswordHash is null)
        {
            unknown.Check(users.PasswordHasher, password);
            right = false;
        }
        else right = await users.CheckPasswordAsync(user, password);
        if (!right)
        {
            await throttle.RecordFailureAsync(keys, ct);
            return new LoginOutcome(SignInResult.Failed);
        }

        await throttle.ForgetClientAsync(keys, ct);
        if (!await signIn.CanSignInAsync(user!)) return new LoginOutcome(SignInResult.NotAllowed, User: user);
        var result = await ((RecordingSignInManager)signIn).SignInAfterPasswordAsync(user!, isPersistent);
        return new LoginOutcome(result, User: user);
    }
}

/// <summary>
/// A password hash that belongs to no account, made with the app's own hasher on first use: checking a password
/// against it costs what checking a real account's costs, so an unknown address takes as long to refuse.
/// </summary>
public sealed class UnknownAccountPassword
{
    private static readonly ApplicationUser Nobody = new();
    private string? _hash;

    public void Check(IPasswordHasher<ApplicationUser> hasher, string password)
    {
        var hash = LazyInitializer.EnsureInitialized(ref _hash, () => hasher.HashPassword(Nobody, RandomNumberGenerator.GetHexString(32)));
        hasher.VerifyHashedPassword(Nobody, hash, password);
    }
}
