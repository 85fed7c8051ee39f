using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wehelpen.Web.Features.Accounts;

namespace Wehelpen.Web.Features.Agenda;

/// <summary>The person's private calendar link for their phone, how to add it, and a button for a new link.</summary>
[Authorize]
public sealed class CalendarModel(CalendarFeeds feeds) : PageModel
{
    public CalendarFeedResponse Feed { get; private set; } = default!;
    [TempData] public bool Renewed { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => Feed = await feeds.MineAsync(User.RequiredUserId(), ct);

    public async Task<IActionResult> OnPostResetAsync(CancellationToken ct)
    {
        await feeds.ResetAsync(User.RequiredUserId(), ct);
        Renewed = true;
        return RedirectToPage();
    }
}
