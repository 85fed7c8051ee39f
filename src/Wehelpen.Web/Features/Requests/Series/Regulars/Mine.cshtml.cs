using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Wehelpen.Web.Features.Accounts;
using Wehelpen.Web.Hosting;

namespace Wehelpen.Web.Features.Requests.Series.Regulars;

/// <summary>/help/regulars: the volunteer's arrangements as a regular volunteer, and ending one.</summary>
[Authorize]
public sealed class MineModel(RegularQueries queries, RegularArrangements arrangements, IStringLocalizer<SharedResource> text) : PageModel
{
    public IReadOnlyList<RegularResponse> Regulars { get; private set; } = [];

    [TempData] public string? Notice { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => Regulars = await queries.MineAsync(User.RequiredUserId(), ct);

    [EnableRateLimiting(RegularApi.WriteLimit)]
    public async Task<IActionResult> OnPostEndAsync(Guid regularId, CancellationToken ct)
    {
        var ended = await arrangements.EndAsync(User.RequiredUserId(), regularId, ct);
        if (ended.Refusal?.Status == StatusCodes.Status404NotFound) return NotFound();
        if (ended.Failed(ModelState))
        {
            Regulars = await queries.MineAsync(User.RequiredUserId(), ct);
            return Page();
        }
        Notice = ended.Value!.HandedOver == 0 ? text["Regular.Ended.Notice"] : text["Regular.Ended.NoticeGivenBack", ended.Value.HandedOver];
        return Redirect(RegularPaths.Mine);
    }
}
