using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Wehelpen.Web.Data;
using Wehelpen.Web.Platform.PersonalData;

namespace Wehelpen.Web.Features.Accounts;

/// <summary>
/// Keeps <see cref="ApplicationUser.LastSignInAt"/> for the retention of accounts nobody uses: at most one write per
/// person per day, and a sign-in also takes back the warning that the account would be erased.
/// </summary>
public sealed class SignInRecorder(WehelpenDbContext db, TimeProvider clock)
{
    public static readonly TimeSpan Interval = TimeSpan.FromDays(1);

    public async Task RecordAsync(ApplicationUser user)
    {
        var now = clock.GetUtcNow();
        if (FormerMember.Is(user.Id)) return;
        if (user.InactivityWarnedAt is null && user.LastSignInAt is { } last && now - last < Interval) return;
        await db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(u => u
            .SetProperty(x => x.LastSignInAt, now)
            .SetProperty(x => x.InactivityWarnedAt, (DateTimeOffset?)null));
        // The loaded user as if read after this, so that a later save of it writes nothing more.
        (user.LastSignInAt, user.InactivityWarnedAt) = (now, null);
        var entry = db.Entry(user);
        if (entry.State == EntityState.Detached) return;
        entry.Property(u => u.LastSignInAt).OriginalValue = now;
        entry.Property(u => u.InactivityWarnedAt).OriginalValue = null;
    }
}

/// <summary>
/// Identity's sign-in, recording each one (<see cref="SignInRecorder"/>): the login page and the API login, a token
/// refresh, and a session that is renewed when its security stamp is checked again (every half hour of use), so that
/// someone who stays signed in with "remember me" counts as signing in.
/// </summary>
public sealed class RecordingSignInManager(
    UserManager<ApplicationUser> users, IHttpContextAccessor accessor, IUserClaimsPrincipalFactory<ApplicationUser> claims,
    IOptions<IdentityOptions> options, ILogger<SignInManager<ApplicationUser>> logger, IAuthenticationSchemeProvider schemes,
    IUserConfirmation<ApplicationUser> confirmation, SignInRecorder recorder)
    : SignInManager<ApplicationUser>(users, accessor, claims, options, logger, schemes, confirmation)
{
    /// <summary>
    /// After <see cref="PasswordLogin"/> checked the password: signs in, or asks for the second step when the person
    /// has one; lockout is not looked at (<see cref="SignInThrottle"/> took its place).
    /// </summary>
    public Task<SignInResult> SignInAfterPasswordAsync(ApplicationUser user, bool isPersistent) => SignInOrTwoFactorAsync(user, isPersistent);

    public override async Task SignInWithClaimsAsync(ApplicationUser user, AuthenticationProperties? authenticationProperties, IEnumerable<Claim> additionalClaims)
    {
        // First: the bearer sign-in writes its tokens as the response body, after which nothing may fail.
        await recorder.RecordAsync(user);
        await base.SignInWithClaimsAsync(user, authenticationProperties, additionalClaims);
    }

    public override async Task<ApplicationUser?> ValidateSecurityStampAsync(ClaimsPrincipal? principal)
    {
        var user = await base.ValidateSecurityStampAsync(principal);
        if (user is not null) await recorder.RecordAsync(user);
        return user;
    }
}
