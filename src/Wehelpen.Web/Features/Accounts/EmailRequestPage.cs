using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Wehelpen.Web.Features.Accounts;

/// <summary>
/// A page where someone types their email address to be sent a link (a password reset, the confirmation again).
/// It always ends with the same "if there is an account, a mail is on its way", whatever the address.
/// </summary>
public abstract class EmailRequestPage(IStringLocalizer<SharedResource> text) : PageModel
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
        await SendAsync(Input.Email, ct);
        Sent = true;
        return Page();
    }

    protected abstract Task SendAsync(string email, CancellationToken ct);
}

public sealed class EmailInput
{
    public string? Email { get; set; }
}
