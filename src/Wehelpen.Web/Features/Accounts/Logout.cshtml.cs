using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wehelpen.Web.Data;

namespace Wehelpen.Web.Features.Accounts;

/// <summary>Logging out is a POST (from the header's button), so no link on another site can log someone out.</summary>
public sealed class LogoutModel(SignInManager<ApplicationUser> signIn) : PageModel
{
    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync();
        // The browser's HTTP cache goes with the session (a shared computer). Not "storage": that would also remove the
        // service worker and the phone's push subscription; the service worker empties its own caches when it sees this
        // form sent (wwwroot/sw.js, docs/decisions/offline-pages.md).
        Response.Headers["Clear-Site-Data"] = "\"cache\"";
        return RedirectToPage();
    }
}
