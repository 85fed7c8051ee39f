using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wehelpen.Web.Data;
using Wehelpen.Web.Localization;

namespace Wehelpen.Web.Features.Accounts.TwoFactor;

/// <summary>
/// A page of the second step of signing in (the app's code, or a recovery code). Only reachable within minutes of a
/// right password: Identity's two-factor cookie says who is signing in; without it the person starts again.
/// </summary>
public abstract class SecondStepPage(TwoFactorSignIn twoStep, IDemoSignIn demo, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    [BindProperty(SupportsGet = true)] public bool RememberMe { get; set; }

    /// <summary>Development only, for the demo's own accounts: the code their app would show now.</summary>
    public string? DemoCode { get; private set; }

    /// <summary>The password step was too long ago (or never): the page offers to log in again.</summary>
    public bool Expired { get; private set; }

    protected TwoFactorSignIn TwoStep => twoStep;

    public async Task<IActionResult> OnGetAsync()
    {
        if (await twoStep.PendingUserAsync() is not { } user)
            return RedirectToPage("/Accounts/Login", new { ReturnUrl });
        DemoCode = await demo.CurrentCodeForAsync(user);
        return Page();
    }

    /// <summary>Signed in: on to where they were going. Otherwise the form again, with why.</summary>
    protected async Task<IActionResult> AfterAsync(SecondStep step, string field)
    {
        if (step.Succeeded)
        {
            Response.SetLanguageCookie(step.User!.PreferredLanguage, clock.GetUtcNow());
            return LocalRedirect(Next(step.User));
        }
        Expired = step.Reason == "two_factor_expired";
        ModelState.AddModelError(Expired ? "" : field, step.Message!);
        if (step.RetryAfter is { } wait)
        {
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            Response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString();
        }
        if (await twoStep.PendingUserAsync() is { } user) DemoCode = await demo.CurrentCodeForAsync(user);
        return Page();
    }

    protected string Continue => Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/";

    protected virtual string Next(ApplicationUser user) => Continue;
}
