using Microsoft.AspNetCore.Identity;
using Wehelpen.Web.Data;
using Wehelpen.Web.Features.Accounts;
using Wehelpen.Web.Features.Accounts.TwoFactor;

namespace Wehelpen.Web.Demo;

/// <summary>
/// The demo's professional and administrator must sign in in two steps, as everywhere: they have it on, with one
/// published key (the demo password is published too). Anyone can add the key to an authenticator app; in
/// Development the second step also shows these accounts' current code, so that trying a role needs no phone; the
/// login page lists the accounts (both through <see cref="IDemoSignIn"/>, which Accounts defines).
/// </summary>
public sealed class DemoTwoStep(
    UserManager<ApplicationUser> users,
    IUserStore<ApplicationUser> store,
    IWebHostEnvironment environment,
    IConfiguration configuration,
    TimeProvider clock) : IDemoSignIn
{
    /// <summary>Base32, as authenticator apps take it: "WEHE LPEN DEMO TWEE STAP SINL OGGE N234".</summary>
    public const string Key = "WEHELPENDEMOTWEESTAPSINLOGGEN234";

    public DemoSignInAccounts Accounts { get; } = new(
        [.. DemoAccounts.ForEachRole.Select(a => (a.Role, a.Email))], DemoAccounts.Password, Key);

    public static bool AppliesTo(DemoAccounts.Account account) => account.Role is Roles.Professional or Roles.Admin;

    /// <summary>On every start with demo data: also databases seeded before two-step sign-in existed get it.</summary>
    public async Task EnsureAsync(CancellationToken ct)
    {
        foreach (var account in DemoAccounts.ForEachRole.Where(AppliesTo))
        {
            var user = await users.FindByEmailAsync(account.Email);
            if (user is null || await users.GetTwoFactorEnabledAsync(user)) continue;
            await ((IUserAuthenticatorKeyStore<ApplicationUser>)store).SetAuthenticatorKeyAsync(user, Key, ct);
            await users.SetTwoFactorEnabledAsync(user, true);
        }
    }

    /// <summary>The code to type now, for a demo account with the demo key in Development; null for everyone else.</summary>
    public async Task<string?> CurrentCodeForAsync(ApplicationUser user)
    {
        if (!environment.IsDevelopment() || !configuration.GetValue<bool>("DemoData:Enabled")) return null;
        if (user.Email?.EndsWith($"@{DemoAccounts.Domain}", StringComparison.OrdinalIgnoreCase) != true) return null;
        return await users.GetAuthenticatorKeyAsync(user) == Key ? Totp.CodeAt(Key, clock.GetUtcNow()) : null;
    }
}
