using Microsoft.Extensions.DependencyInjection.Extensions;
using Wehelpen.Web.Data;

namespace Wehelpen.Web.Features.Accounts;

/// <summary>
/// Help with signing in on a demo installation, so that a newcomer can try every role at once: the accounts on the
/// login page, and in the second step the code the authenticator app would show. The top-level Demo module provides
/// it (Demo/DemoTwoStep.cs); Accounts knows nothing of the demo's data, and without the module the pages show nothing extra.
/// </summary>
public interface IDemoSignIn
{
    /// <summary>The accounts to try, or null when there are none.</summary>
    DemoSignInAccounts? Accounts { get; }

    /// <summary>The code to type now, for a demo account in Development; null for everyone else.</summary>
    Task<string?> CurrentCodeForAsync(ApplicationUser user);
}

/// <param name="ByRole">Each role's account: the role's name as in <see cref="Roles"/>, and the email address to sign in with.</param>
/// <param name="TwoStepKey">The published authenticator key of the accounts that sign in in two steps.</param>
public sealed record DemoSignInAccounts(IReadOnlyList<(string Role, string Email)> ByRole, string Password, string TwoStepKey);

internal sealed class NoDemoSignIn : IDemoSignIn
{
    public DemoSignInAccounts? Accounts => null;

    public Task<string?> CurrentCodeForAsync(ApplicationUser user) => Task.FromResult<string?>(null);
}

internal static class DemoSignInRegistration
{
    /// <summary>Only when no demo module registered its own (before or after this, as Program.cs orders it).</summary>
    public static void AddNoDemoSignIn(this IServiceCollection services) => services.TryAddScoped<IDemoSignIn, NoDemoSignIn>();
}
