using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Wehelpen.Web.Features.Circles;
using Wehelpen.Web.Features.Circles.Consent;

namespace Wehelpen.Web.Features.Neighbourhoods.Buurtteam;

/// <summary>
/// /circles/{id}/klanthouder: the circle's klanthouder, asking one with the hoofdpersoon's consent, the consent in force
/// and before, withdrawing it, and ending the klanthouderschap.
/// </summary>
[EnableRateLimiting(ConsentExtensions.Changes)]
public sealed class CircleCaseHolderModel(CaseHolders caseHolders, ConsentQueries consents, ConsentWithdrawals withdrawals) : CirclePageModel
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

    /// <summary>Every consent to a klanthouder this circle gave, newest first.</summary>
    public IReadOnlyList<ConsentResponse> Consents { get; private set; } = [];

    /// <summary>The text a manager confirms the hoofdpersoon agrees to when asking now.</summary>
    public string ConsentTextKey => ConsentTexts.Key(ConsentTexts.Current(ConsentKind.CaseHolder));

    [TempData] public string? Notice { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Current = await caseHolders.CurrentAsync(Membership.CircleId, ct);
        Consents = await consents.ForCircleAsync(Membership.CircleId, ConsentKind.CaseHolder, ct);
        if (Membership.CanManage && Current is null) Candidates = await caseHolders.CandidatesAsync(Membership.CircleId, ct);
    }

    public async Task<IActionResult> OnPostInviteAsync(CancellationToken ct)
    {
        var outcome = await caseHolders.InviteAsync(Membership, new CaseHolderInviteInput(Input.ProfessionalId, Input.Message, Input.Consent), ct);
        return await AfterAsync(outcome, "CaseHolder.Invited", ct);
    }

    public async Task<IActionResult> OnPostEndAsync(CancellationToken ct) =>
        await AfterAsync(await caseHolders.EndAsync(Membership, ct), "CaseHolder.Ended", ct);

    /// <summary>The hoofdpersoon no longer agrees: the klanthouder's access ends with this save.</summary>
    public async Task<IActionResult> OnPostWithdrawConsentAsync(Guid consentId, CancellationToken ct) =>
        await AfterAsync(await withdrawals.WithdrawAsync(Membership, consentId, ct), "Consent.Withdrawn", ct);

    private async Task<IActionResult> AfterAsync<T>(Hosting.Outcome<T> outcome, string notice, CancellationToken ct) where T : class
    {
        if (outcome.Failed(ModelState))
        {
            await OnGetAsync(ct);
            return Page();
        }
        Notice = notice;
        return RedirectToPage();
    }
}
