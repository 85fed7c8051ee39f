using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Wehelpen.Web.Features.Accounts.Sessions;

/// <summary>
/// /account/security, "Inloggen en beveiliging": change the password (this device stays signed in, the others are
/// signed out), where one is signed in, signing one of those out, and "Overal uitloggen" (all of them, this one too).
/// </summary>
[Authorize]
public sealed class SecurityModel(SessionStore sessions, PasswordChange passwords, RecordingSignInManager signIn) : PageModel
{
    [BindProperty] public PasswordForm Input { get; set; } = new();
    public IReadOnlyList<AccountSession> Sessions { get; private set; } = [];
    public Guid? Current => User.SessionId();
    [TempData] public string? Notice { get; set; }

    public sealed class PasswordForm
    {
        public string? CurrentPassword { get; set; }
        public string? NewPassword { get; set; }
    }

    public async Task OnGetAsync(CancellationToken ct) => Sessions = await sessions.OpenAsync(User.RequiredUserId(), ct);

    [EnableRateLimiting(SessionRateLimits.PasswordChanges)]
    public async Task<IActionResult> OnPostChangePasswordAsync(CancellationToken ct)
    {
        var outcome = await passwords.ChangeAsync(User.RequiredUserId(), Current, new ChangePasswordRequest(Input.CurrentPassword, Input.NewPassword), ct);
        if (outcome.Failed(ModelState))
        {
            await OnGetAsync(ct);
            return Page();
        }
        // The cookie gets the new security stamp, within this same session: this device stays signed in.
        await signIn.RefreshSignInAsync(outcome.Value!);
        Notice = "Security.PasswordChanged";
        return RedirectToPage();
    }

    [EnableRateLimiting(SessionRateLimits.SessionEnds)]
    public async Task<IActionResult> OnPostEndAsync(Guid sessionId, CancellationToken ct)
    {
        if (!await sessions.EndAsync(User.RequiredUserId(), sessionId, SessionEnd.EndedFromList, ct)) return NotFound();
        if (sessionId != Current)
        {
            Notice = "Sessions.EndedOne";
            return RedirectToPage();
        }
        await signIn.SignOutAsync();
        return Redirect("/account/logout");
    }

    [EnableRateLimiting(SessionRateLimits.SessionEnds)]
    public async Task<IActionResult> OnPostEndAllAsync(CancellationToken ct)
    {
        await sessions.EndAllAsync(User.RequiredUserId(), SessionEnd.EndedEverywhere, ct: ct);
        await signIn.SignOutAsync();
        return Redirect("/account/logout");
    }
}
