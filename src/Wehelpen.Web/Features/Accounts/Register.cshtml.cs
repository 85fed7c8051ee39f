using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Wehelpen.Web.Features.Accounts;

[EnableRateLimiting(AccountRateLimits.Registration)]
public sealed class RegisterModel(Registration registration) : PageModel
{
    [BindProperty] public InputModel Input { get; set; } = new();

    public sealed class InputModel
    {
        public string? DisplayName { get; set; }
        public string? Email { get; set; }
        public string? Password { get; set; }
        public string? Postcode { get; set; }
        public List<string> Roles { get; set; } = [];
        public bool AcceptPrivacyStatement { get; set; }
    }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var language = System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
        var outcome = await registration.RegisterAsync(
            new RegistrationInput(Input.Email, Input.Password, Input.DisplayName, Input.Roles, Input.Postcode, language, Input.AcceptPrivacyStatement), ct);
        if (outcome.Failed(ModelState)) return Page();
        // The same page whether the address was free or had an account already: its owner was mailed.
        return RedirectToPage("RegisterConfirmation", new { email = outcome.Value!.Email });
    }
}
