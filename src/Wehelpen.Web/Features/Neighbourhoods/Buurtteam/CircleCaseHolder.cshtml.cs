using Microsoft.AspNetCore.Mvc;
using Wehelpen.Web.Features.Circles;

namespace Wehelpen.Web.Features.Neighbourhoods.Buurtteam;

/// <summary>/circles/{id}/klanthouder: the circle's klanthouder, asking one with the hoofdpersoon's consent, and ending it.</summary>
public sealed class CircleCaseHolderModel(CaseHolders caseHolders) : CirclePageModel
{
    protected override CircleTab Tab => CircleTab.Members;

    public sealed class Form
    {
        public string? ProfessionalId { get; set; }
        public string? Message { get; set; }
        public bool Consent { get; set; }
    }

    [BindProperty] public Form Input { get; set; } = new();
    public CaseHolderResponse? Current { get; private set; }
    public IReadOnlyList<ProfessionalCard> Candidates { get; private set; } = [];
    [TempData] public string? Notice { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Current = await caseHolders.CurrentAsync(Membership.CircleId, ct);
        if (Membership.CanManage && Current is null) Candidates = await caseHolders.CandidatesAsync(Membership.CircleId, ct);
    }

    public async Task<IActionResult> OnPostInviteAsync(CancellationToken ct)
    {
        var outcome = await caseHolders.InviteAsync(Membership, new CaseHolderInviteInput(Input.ProfessionalId, Input.Message, Input.Consent), ct);
        if (outcome.Failed(ModelState))
        {
            await OnGetAsync(ct);
            return Page();
        }
        Notice = "CaseHolder.Invited";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostEndAsync(CancellationToken ct)
    {
        if ((await caseHolders.EndAsync(Membership, ct)).Failed(ModelState))
        {
            await OnGetAsync(ct);
            return Page();
        }
        Notice = "CaseHolder.Ended";
        return RedirectToPage();
    }
}
