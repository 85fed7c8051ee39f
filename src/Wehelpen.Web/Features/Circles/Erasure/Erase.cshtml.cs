using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace Wehelpen.Web.Features.Circles.Erasure;

/// <summary>/circles/{id}/erase: the hoofdpersoon, or a coördinator with the hoofdpersoon's consent, erases the circle.</summary>
public sealed class EraseModel(CircleErasing erasing) : CirclePageModel
{
    protected override CircleTab Tab => CircleTab.Members;

    public CircleErasureTerms Terms { get; private set; } = default!;
    [BindProperty] public EraseInput Input { get; set; } = new();

    public sealed class EraseInput
    {
        public bool ResidentConsents { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!Membership.CanManage) return Forbid();
        Terms = await erasing.TermsAsync(Membership, ct);
        return Page();
    }

    [EnableRateLimiting(CirclesExtensions.CircleErasure)]
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!Membership.CanManage) return Forbid();
        var outcome = await erasing.EraseAsync(Membership, new EraseCircleRequest(Input.ResidentConsents), ct);
        if (outcome.Failed(ModelState)) return await OnGetAsync(ct);
        TempData["CircleErased"] = Membership.CircleName;
        return Redirect("/circles");
    }
}
