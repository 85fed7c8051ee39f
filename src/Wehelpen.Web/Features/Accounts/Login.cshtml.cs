using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Wehelpen.Web.Localization;

namespace Wehelpen.Web.Features.Accounts;

[EnableRateLimiting(AccountRateLimits.Login)]
public sealed class LoginModel(SignInManager<ApplicationUser> signIn, IStringLocalizer<SharedResource> text, TimeProvider clock) : PageModel
{
    [BindProperty] public InputModel Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public sealed class InputModel
    {
        public string? Email { get; set; }
        public string? Password { get; set; }
        public bool RememberMe { get; set; }
    }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrWhiteSpace(Input.Email)) ModelState.AddModelError("Input.Email", text["Validation.EmailRequired"]);
        if (string.IsNullOrEmpty(Input.Password)) ModelState.AddModelError("Input.Password", text["Validation.PasswordRequired"]);
        if (!ModelState.IsValid) return Page();

        var result = await signIn.PasswordSignInAsync(Input.Email!.Trim(), Input.Password!, Input.RememberMe, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            var user = await signIn.UserManager.FindByEmailAsync(Input.Email.Trim());
            if (user is not null) Response.SetLanguageCookie(user.PreferredLanguage, clock.GetUtcNow());
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
        }
        if (result.RequiresTwoFactor) return RedirectToPage("TwoFactor/LoginCode", new { ReturnUrl, Input.RememberMe });
        ModelState.AddModelError("", LoginFailure.Describe(result, text).Detail);
        return Page();
    }
}
