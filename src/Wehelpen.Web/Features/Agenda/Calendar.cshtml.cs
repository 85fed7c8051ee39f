using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wehelpen.Web.Features.Accounts;
using Wehelpen.Web.Hosting;

namespace Wehelpen.Web.Features.Agenda;

/// <summary>
/// The person's private calendar link for their phone and how to add it, shown once: on the first visit, which makes
/// it, and right after "Nieuwe link maken". Later visits say since when the link exists and offer a new one.
/// </summary>
[Authorize]
public sealed class CalendarModel(CalendarFeeds feeds) : PageModel
{
    public CalendarFeedResponse Feed { get; private set; } = default!;

    /// <summary>True right after a new link was made in place of the old one.</summary>
    public bool Renewed { get; private set; }

    public string MadeOn => Feed.CreatedAt.ToAmsterdam().ToString("d MMMM yyyy");

    public async Task OnGetAsync(CancellationToken ct) => Show(await feeds.MineAsync(User.RequiredUserId(), ct));

    // The new link is shown in this answer, not after a redirect: it is stored nowhere that a next page could read it from.
    public async Task<IActionResult> OnPostResetAsync(CancellationToken ct)
    {
        Show(await feeds.ResetAsync(User.RequiredUserId(), ct));
        Renewed = true;
        return Page();
    }

    private void Show(CalendarFeedResponse feed)
    {
        Feed = feed;
        if (feed.Url is not null) Response.Headers.CacheControl = "no-store";
    }
}
