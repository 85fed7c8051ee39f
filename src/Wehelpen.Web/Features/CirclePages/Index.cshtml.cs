using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wehelpen.Web.Features.Accounts;
using Wehelpen.Web.Features.Chat;
using Wehelpen.Web.Features.Circles;

namespace Wehelpen.Web.Features.CirclePages;

[Authorize]
public sealed class IndexModel(CircleManagement circles, Conversations conversations) : PageModel
{
    public IReadOnlyList<CircleResponse> Circles { get; private set; } = [];

    /// <summary>Unread chat messages per circle.</summary>
    public IReadOnlyDictionary<Guid, int> Unread { get; private set; } = new Dictionary<Guid, int>();

    public async Task OnGetAsync(CancellationToken ct)
    {
        Circles = await circles.MineAsync(User.RequiredUserId(), ct);
        Unread = (await conversations.UnreadAsync(User.RequiredUserId(), ct)).ToDictionary(u => u.CircleId, u => u.Count);
    }
}
