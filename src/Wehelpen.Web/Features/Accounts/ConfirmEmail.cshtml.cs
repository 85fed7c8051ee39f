using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Wehelpen.Web.Features.Accounts;

public sealed class ConfirmEmailModel(UserManager<ApplicationUser> users) : PageModel
{
    public bool Confirmed { get; private set; }

    public async Task OnGetAsync(string? userId, string? code) =>
        Confirmed = await EmailConfirmation.ConfirmAsync(users, userId, code);
}
