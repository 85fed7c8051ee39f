using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Wehelpen.Web.Localization;

namespace Wehelpen.Web.Features.Accounts;

[EnableRateLimiting(AccountRateLimits.Login)]
public sealed class LoginModel(PasswordLogin login, IStringLocalizer<SharedResource> text, TimeProvider clock) : PageModel
{
    [BindProperty] public InputModel Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    /// <summary>The right password for an address not confirmed yet: the page offers to send the confirmation again.</summary>
    public bool NotConfirmed { get; private set; }

    public sealed class InputModel
    {
        public string? Email { get; set; }
        public string? Password { get; set; }
        public bool RememberMe { get; set; }
    }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(Input.Email)) ModelState.AddModelError("Input.Email", text["Validation.EmailRequired"]);
        if (string.IsNullOrEmpty(Input.Password)) ModelState.AddModelError("Input.Password", text["Validation.PasswordRequired"]);
        if (!ModelState.IsValid) return Page();

        var outcome = await login.SignInAsync(Input.Email!, Input.Password!, Input.RememberMe, HttpContext.Connection.RemoteIpAddress, ct);
        if (outcome.Wait is { } wait)
        {
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            Response.Headers.RetryAfter = LoginFailure.RetryAfterSeconds(wait);
            ModelState.AddModelError("", LoginFailure.Throttled(wait, text));
            return Page();
        }
        var result = outcome.Result;
        if (result.Succeeded)
        {
            Response.SetLanguageCookie(outcome.User!.PreferredLanguage, clock.GetUtcNow());
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
        }
        if (result.RequiresTwoFactor) return RedirectToPage("TwoFactor/LoginCode", new { ReturnUrl, Input.RememberMe });
        NotConfirmed = result.IsNotAllowed;
        ModelState.AddModelError("", LoginFailure.Describe(result, text).Detail);
        return Page();
    }
}
