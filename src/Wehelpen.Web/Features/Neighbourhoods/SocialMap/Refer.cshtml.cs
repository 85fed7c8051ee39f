using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Wehelpen.Web.Features.Areas;
using Wehelpen.Web.Features.Requests;

namespace Wehelpen.Web.Features.Neighbourhoods.SocialMap;

/// <summary>
/// /help/requests/{id}/refer: a professional of the request's gebied (or an admin) refers an escalated, open request to
/// an organisation, those of its stadsdeel listed first. Anyone else gets the page for a request that does not exist.
/// </summary>
[Authorize]
public sealed class ReferModel(Referrals referrals, SocialMapQueries queries, IStringLocalizer<SharedResource> text) : PageModel
{
    public HelpRequest HelpRequest { get; private set; } = default!;
    public Area? Area { get; private set; }
    public IReadOnlyList<OrganisationResponse> Nearby { get; private set; } = [];
    public IReadOnlyList<OrganisationResponse> Others { get; private set; } = [];
    public IReadOnlyList<ReferralResponse> Earlier { get; private set; } = [];

    /// <summary>Why it cannot be referred now (closed, taken, not escalated), for someone who may know of it: no form then.</summary>
    public string? Refused { get; private set; }

    [BindProperty] public ReferForm Input { get; set; } = new();
    [TempData] public string? ReferNotice { get; set; }

    public sealed class ReferForm
    {
        public Guid? OrganisationId { get; set; }
        public string? Note { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(Guid requestId, CancellationToken ct) =>
        await LoadAsync(requestId, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid requestId, CancellationToken ct)
    {
        var referred = await referrals.ReferAsync(User, requestId, new ReferralInput(Input.OrganisationId, Input.Note), ct);
        if (referred.Refusal?.Status == StatusCodes.Status404NotFound) return NotFound();
        if (referred.Failed(ModelState)) return await LoadAsync(requestId, ct) ? Page() : NotFound();
        ReferNotice = text["Referral.Done", referred.Value!.OrganisationName];
        return Redirect($"/help/requests/{requestId}/refer");
    }

    private async Task<bool> LoadAsync(Guid requestId, CancellationToken ct)
    {
        var (request, refusal) = await referrals.CheckAsync(User, requestId, ct);
        if (request is null) return false;
        (HelpRequest, Refused) = (request, refusal?.Message);
        Area = AmsterdamAreas.ForPc4(request.Pc4);
        var all = await queries.ListAsync(null, ct);
        Nearby = all.Where(o => o.Stadsdeel == Area?.Stadsdeel.Code).ToList();
        Others = all.Where(o => o.Stadsdeel != Area?.Stadsdeel.Code).ToList();
        Earlier = await referrals.ForRequestAsync(requestId, ct);
        return true;
    }
}
