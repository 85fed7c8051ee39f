using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Wehelpen.Web.Data;
using Wehelpen.Web.Hosting;

namespace Wehelpen.Web.Features.Accounts;

[SecretInUrl]
[EnableRateLimiting(AccountRateLimits.EmailConfirmation)]
public sealed class ConfirmEmailModel(UserManager<ApplicationUser> users) : PageModel
{
    public bool Confirmed { get; private set; }

    public async Task OnGetAsync(string? userId, string? code) =>
        Confirmed = await EmailConfirmation.ConfirmAsync(users, userId, code);
}
