using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wehelpen.Web.Features.Accounts;
using Wehelpen.Web.Features.Areas;
using Wehelpen.Web.Features.Neighbourhoods.SocialMap;
using Wehelpen.Web.Features.Requests;

namespace Wehelpen.Web.Features.Neighbourhoods.Buurtteam;

/// <summary>
/// /help/escalated: requests nobody in the neighbourhood took on, for the buurtteam of their gebied, longest waiting
/// first. A professional sees only the gebieden an admin approved for them; an admin sees all.
/// </summary>
[Authorize(Roles = Roles.Professional + "," + Roles.Admin)]
public sealed class EscalatedModel(RequestQueries queries, BuurtteamAccess buurtteam, Referrals referrals) : PageModel
{
    public IReadOnlyList<Area> Areas { get; private set; } = [];
    public IReadOnlyList<RequestSummary> Waiting { get; private set; } = [];

    /// <summary>Requests already referred to an organisation: they stay open, the list says where they went.</summary>
    public IReadOnlyDictionary<Guid, ReferralSummary> Referred { get; private set; } = new Dictionary<Guid, ReferralSummary>();

    public async Task OnGetAsync(CancellationToken ct)
    {
        Areas = await buurtteam.AreasAsync(User, ct);
        Waiting = Areas.Count == 0 ? [] : await queries.EscalatedAsync(Areas, ct);
        Referred = await referrals.LatestForAsync(Waiting.Select(r => r.Id).ToList(), ct);
    }
}
