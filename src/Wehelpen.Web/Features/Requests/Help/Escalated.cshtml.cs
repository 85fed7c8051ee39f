using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wehelpen.Web.Features.Accounts;
using Wehelpen.Web.Features.Neighbourhoods;
using Wehelpen.Web.Features.Neighbourhoods.Buurtteam;

namespace Wehelpen.Web.Features.Requests.Help;

/// <summary>
/// /help/escalated: requests nobody in the neighbourhood took on, for the buurtteam of their gebied, longest waiting
/// first. A professional sees only the gebieden an admin approved for them; an admin sees all.
/// </summary>
[Authorize(Roles = Roles.Professional + "," + Roles.Admin)]
public sealed class EscalatedModel(RequestQueries queries, BuurtteamAccess buurtteam) : PageModel
{
    public IReadOnlyList<Area> Areas { get; private set; } = [];
    public IReadOnlyList<RequestSummary> Waiting { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Areas = await buurtteam.AreasAsync(User, ct);
        Waiting = Areas.Count == 0 ? [] : await queries.EscalatedAsync(Areas, ct);
    }
}
