using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Wehelpen.Web.Features.Accounts;

public sealed class RegisterConfirmationModel : PageModel
{
    public string? Email { get; private set; }

    public void OnGet(string? email) => Email = email;
}
