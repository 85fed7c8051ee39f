using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wehelpen.Web.Features.Accounts;

namespace Wehelpen.Web.Features.Notifications;

/// <summary>
/// /notifications/{id}/open: following a notification reads it, then goes where it leads. A form post rather than a
/// link, so that another site cannot mark someone's notifications read by sending them a link.
/// </summary>
[Authorize]
public sealed class OpenModel(NotificationCentre centre) : PageModel
{
    public IActionResult OnGet() => Redirect("/notifications");

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var link = await centre.OpenAsync(User.RequiredUserId(), id, ct);
        if (link is null) return NotFound();
        // The links are made by the app itself; should one ever not be a path here, the list is the safe place to go.
        return Url.IsLocalUrl(link) ? LocalRedirect(link) : Redirect("/notifications");
    }
}
