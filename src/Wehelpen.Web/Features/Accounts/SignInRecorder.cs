using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Wehelpen.Web.Data;
using Wehelpen.Web.Features.Accounts.Sessions;
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
/// someone who stays signed in with "remember me" counts as signing in. Every sign-in, whichever way it came (password,
/// two steps, ...), starts a server-side session whose id goes into the cookie or the tokens
/// (Features/Accounts/Sessions); a renewed sign-in keeps its session, and signing out ends it.
/// </summary>
public sealed class RecordingSignInManager(
    UserManager<ApplicationUser> users, IHttpContextAccessor accessor, IUserClaimsPrincipalFactory<ApplicationUser> claims,
    IOptions<IdentityOptions> options, ILogger<SignInManager<ApplicationUser>> logger, IAuthenticationSchemeProvider schemes,
    IUserConfirmation<ApplicationUser> confirmation, SignInRecorder recorder, SessionStore sessions)
    : SignInManager<ApplicationUser>(users, accessor, claims, options, logger, schemes, confirmation)
{
    /// <summary>The session a renewed sign-in continues, instead of starting one.</summary>
    private Guid? _continuing;

    /// <summary>
    /// After <see cref="PasswordLogin"/> checked the password: signs in, or asks for the second step when the person
    /// has one; lockout is not looked at (<see cref="SignInThrottle"/> took its place).
    /// </summary>
    public Task<SignInResult> SignInAfterPasswordAsync(ApplicationUser user, bool isPersistent) => SignInOrTwoFactorAsync(user, isPersistent);

    public override async Task SignInWithClaimsAsync(ApplicationUser user, AuthenticationProperties? authenticationProperties, IEnumerable<Claim> additionalClaims)
    {
        // First: the bearer sign-in writes its tokens as the response body, after which nothing may fail.
        await recorder.RecordAsync(user);
        var session = _continuing ?? await StartSessionAsync(user);
        var all = additionalClaims.Where(c => c.Type != SessionClaims.Type).Append(SessionClaims.For(session));
        await base.SignInWithClaimsAsync(user, authenticationProperties, all);
    }

    /// <summary>Renews the cookie (new roles, a new security stamp) within the same session.</summary>
    public override async Task RefreshSignInAsync(ApplicationUser user)
    {
        _continuing = (await Context.AuthenticateAsync(AuthenticationScheme)).Principal.SessionId();
        try { await base.RefreshSignInAsync(user); }
        finally { _continuing = null; }
    }

    /// <summary>An app's next tokens, for the session its refresh token belonged to.</summary>
    public async Task SignInAppSessionAsync(ApplicationUser user, Guid sessionId)
    {
        AuthenticationScheme = IdentityConstants.BearerScheme;
        _continuing = sessionId;
        try { await SignInAsync(user, isPersistent: false); }
        finally { _continuing = null; }
    }

    public override async Task SignOutAsync()
    {
        if (Context.User.SessionId() is { } session && UserManager.GetUserId(Context.User) is { } userId)
            await sessions.EndAsync(userId, session, SessionEnd.LoggedOut);
        await base.SignOutAsync();
    }

    public override async Task<ApplicationUser?> ValidateSecurityStampAsync(ClaimsPrincipal? principal)
    {
        var user = await base.ValidateSecurityStampAsync(principal);
        if (user is not null) await recorder.RecordAsync(user);
        return user;
    }

    private async Task<Guid> StartSessionAsync(ApplicationUser user)
    {
        var app = AuthenticationScheme == IdentityConstants.BearerScheme;
        // Signing in again in a browser that still had a session: the new one takes its place rather than leaving it
        // in the list until it times out.
        if (!app && Context.User.SessionId() is { } previous && UserManager.GetUserId(Context.User) is { } previousUser)
            await sessions.EndAsync(previousUser, previous, SessionEnd.Replaced);
        return await sessions.StartAsync(user.Id, app ? SessionKind.App : SessionKind.Page, Context.Request.Headers.UserAgent);
    }
}
