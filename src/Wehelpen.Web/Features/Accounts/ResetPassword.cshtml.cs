using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Wehelpen.Web.Data;
using Wehelpen.Web.Hosting;
using Wehelpen.Web.Features.Accounts.Sessions;

namespace Wehelpen.Web.Features.Accounts;

[EnableRateLimiting(AccountRateLimits.PasswordReset)]
[SecretInUrl]
public sealed class ResetPasswordModel(UserManager<ApplicationUser> users, SessionStore sessions, SignInThrottle throttle, IStringLocalizer<SharedResource> text) : PageModel
{
    [BindProperty] public InputModel Input { get; set; } = new();
    public bool Done { get; private set; }

    public sealed class InputModel
    {
        public string? Email { get; set; }
        public string? Code { get; set; }
        public string? NewPassword { get; set; }
    }

    public void OnGet(string? email, string? code) => Input = new InputModel { Email = email, Code = code };

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var errors = await PasswordReset.ResetAsync(users, sessions, throttle, text, Input.Email, Input.Code, Input.NewPassword, ct);
        if (errors.Any)
        {
            errors.CopyTo(ModelState);
            return Page();
        }
        Done = true;
        return Page();
    }
}
