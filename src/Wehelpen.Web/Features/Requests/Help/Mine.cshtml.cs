using Microsoft.AspNetCore.Authorization;
using Wehelpen.Web.Features.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Wehelpen.Web.Features.Requests.Help;

/// <summary>/help/mine: what I took on and still have to do, and what I helped with before.</summary>
[Authorize]
public sealed class MineModel(RequestQueries queries) : PageModel
{
    public MyTasksResponse Tasks { get; private set; } = default!;
    [TempData] public string? Notice { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => Tasks = await queries.MineAsync(User.RequiredUserId(), ct);
}
