using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wehelpen.Web.Features.Accounts;

namespace Wehelpen.Web.Features.Circles;

[Authorize]
public sealed class IndexModel(CircleManagement circles) : PageModel
{
    public IReadOnlyList<CircleResponse> Circles { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Circles = await circles.MineAsync(User.RequiredUserId(), ct);
}
