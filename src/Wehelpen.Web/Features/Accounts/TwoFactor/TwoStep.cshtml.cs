using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Wehelpen.Web.Data;
using Wehelpen.Web.Features.Accounts.Sessions;

namespace Wehelpen.Web.Features.Accounts.TwoFactor;

/// <summary>/account/two-step, "Inloggen in twee stappen": set it up with an authenticator app, recovery codes, off.</summary>
[Authorize, EnableRateLimiting(TwoFactorExtensions.Changes)]
public sealed class TwoStepModel(
    UserManager<ApplicationUser> users, SignInManager<ApplicationUser> signIn, TwoFactorSetup setup, TwoFactorAttempts attempts) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    /// <summary>Set after signing in with a recovery code, to say how many are left.</summary>
    [BindProperty(SupportsGet = true)] public bool RecoveryCodeUsed { get; set; }

    [BindProperty] public EnableForm Enable { get; set; } = new();
    [BindProperty] public ConfirmForm Codes { get; set; } = new();
    [BindProperty] public ConfirmForm Off { get; set; } = new();

    public sealed class EnableForm
    {
        public string? Code { get; set; }
    }

    /// <summary>Two forms ask for it (new codes, off): each its own prefix, so that their fields have their own ids.</summary>
    public sealed class ConfirmForm
    {
        public string? PasswordOrCode { get; set; }
    }

    public TwoFactorStatus Status { get; private set; } = new(false, false, 0);
    public AuthenticatorKey? Key { get; private set; }
    /// <summary>Shown once, right after they were made.</summary>
    public IReadOnlyList<string>? NewCodes { get; private set; }
    /// <summary>The first codes, made as it was turned on (not new ones in place of old).</summary>
    public bool JustEnabled { get; private set; }
    public bool TurnedOff { get; private set; }
    public bool SetUpAgain { get; private set; }
    /// <summary>Which form the messages belong to, so that the page opens that one.</summary>
    public string? FailedForm { get; private set; }

    public string Continue => Url.IsLocalUrl(ReturnUrl) && !ReturnUrl.StartsWith(TwoFactorRequirement.SetupPath, StringComparison.Ordinal) ? ReturnUrl : "/";

    public async Task<IActionResult> OnGetAsync() => await ShowAsync();

    /// <summary>The QR code of the key being set up, drawn here (SVG); nothing once it is on.</summary>
    public async Task<IActionResult> OnGetQrAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null || await users.GetTwoFactorEnabledAsync(user)) return NotFound();
        var key = (await setup.StartAsync(user)).Value;
        if (key is null) return NotFound();
        Response.Headers.CacheControl = "no-store";
        return File(key.QrSvg(), "image/svg+xml");
    }

    public async Task<IActionResult> OnPostEnableAsync()
    {
        if (await users.GetUserAsync(User) is not { } user) return Challenge();
        var outcome = await setup.EnableAsync(user, new EnableTwoFactorRequest(Enable.Code), User.SessionId());
        if (outcome.Failed(ModelState, nameof(Enable))) return await ShowAsync(user, "enable");
        await signIn.RefreshSignInAsync(user); // the stamp was renewed: this session's cookie gets the new one
        NewCodes = outcome.Value!.RecoveryCodes;
        JustEnabled = true;
        return await ShowAsync(user);
    }

    public async Task<IActionResult> OnPostRecoveryCodesAsync()
    {
        if (await users.GetUserAsync(User) is not { } user) return Challenge();
        var outcome = await setup.NewRecoveryCodesAsync(user, new ConfirmTwoFactorRequest(Codes.PasswordOrCode));
        if (outcome.Failed(ModelState, nameof(Codes))) return await ShowAsync(user, "codes", outcome.Refusal?.Status);
        NewCodes = outcome.Value!.RecoveryCodes;
        return await ShowAsync(user);
    }

    public Task<IActionResult> OnPostDisableAsync() => TurnOffAsync(setUpAgain: false);

    public Task<IActionResult> OnPostResetAsync() => TurnOffAsync(setUpAgain: true);

    private async Task<IActionResult> TurnOffAsync(bool setUpAgain)
    {
        if (await users.GetUserAsync(User) is not { } user) return Challenge();
        var outcome = await setup.DisableAsync(user, new ConfirmTwoFactorRequest(Off.PasswordOrCode), User.SessionId(), setUpAgain);
        if (outcome.Failed(ModelState, nameof(Off))) return await ShowAsync(user, "disable", outcome.Refusal?.Status);
        await signIn.RefreshSignInAsync(user);
        (TurnedOff, SetUpAgain) = (!setUpAgain, setUpAgain);
        return await ShowAsync(user);
    }

    private async Task<IActionResult> ShowAsync(ApplicationUser? user = null, string? failedForm = null, int? status = null)
    {
        user ??= await users.GetUserAsync(User);
        if (user is null) return Challenge();
        Status = await setup.StatusAsync(user);
        if (!Status.Enabled) Key = (await setup.StartAsync(user)).Value;
        FailedForm = failedForm;
        if (status == StatusCodes.Status429TooManyRequests)
        {
            Response.StatusCode = status.Value;
            if (attempts.WaitFor(user.Id) is { } wait) Response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString();
        }
        // The key and the recovery codes are secrets: not kept by the browser or anything in between.
        Response.Headers.CacheControl = "no-store";
        return Page();
    }
}
