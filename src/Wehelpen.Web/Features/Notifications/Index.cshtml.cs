using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Wehelpen.Web.Features.Accounts;

namespace Wehelpen.Web.Features.Notifications;

/// <summary>
/// /notifications: my notifications, newest first, unread ones marked; read one or all with a form (no script needed).
/// With live.js a new one appears at the top and what another screen read follows, without a reload.
/// </summary>
[Authorize]
public sealed class IndexModel(NotificationCentre centre, IStringLocalizer<SharedResource> text) : PageModel
{
    [FromQuery(Name = "before")] public DateTimeOffset? Before { get; set; }
    public NotificationPage Notifications { get; private set; } = default!;
    [TempData] public string? Notice { get; set; }

    public async Task OnGetAsync(CancellationToken ct) =>
        Notifications = await centre.ListAsync(User.RequiredUserId(), Before, ct);

    public async Task<IActionResult> OnPostReadAsync(Guid id, CancellationToken ct)
    {
        var read = await centre.MarkReadAsync(User.RequiredUserId(), id, ct);
        if (read.Value is null) return NotFound();
        Notice = text["Notifications.MarkedRead"];
        return Redirect(Back());
    }

    public async Task<IActionResult> OnPostReadAllAsync(CancellationToken ct)
    {
        await centre.MarkAllReadAsync(User.RequiredUserId(), ct);
        Notice = text["Notifications.AllMarkedRead"];
        return Redirect(Back());
    }

    /// <summary>The page they were on: reading one on page 3 should not send them back to page 1.</summary>
    private string Back() => Before is { } before ? $"/notifications?before={Uri.EscapeDataString(before.ToString("o"))}" : "/notifications";
}
