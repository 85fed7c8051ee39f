using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace Wehelpen.Web.Features.Accounts;

/// <summary>The answer is the same whether or not the address has an account.</summary>
[EnableRateLimiting(AccountRateLimits.PasswordReset)]
public sealed class ResendConfirmationModel(UserManager<ApplicationUser> users, AccountEmails emails, IStringLocalizer<SharedResource> text) : PageModel
{
    [BindProperty] public EmailInput Input { get; set; } = new();
    public bool Sent { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(Input.Email))
        {
            ModelState.AddModelError("Input.Email", text["Validation.EmailRequired"]);
            return Page();
        }
        if (await users.FindByEmailAsync(Input.Email.Trim()) is { EmailConfirmed: false } user)
            await emails.SendConfirmationAsync(user, ct);
        Sent = true;
        return Page();
    }
}
