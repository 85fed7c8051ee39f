using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Wehelpen.Web.Features.Accounts;
using Wehelpen.Web.Hosting;

namespace Wehelpen.Web.Features.Circles;

/// <summary>Joining a circle by link or code: first see whose circle it is, then accept.</summary>
[Authorize]
[EnableRateLimiting(CirclesExtensions.InvitationLookups)]
[SecretInUrl]
public sealed class JoinModel(CircleInvitations invitations) : PageModel
{
    [FromRoute] public string? CodeOrToken { get; set; }
    [FromQuery] public string? Code { get; set; }

    public InvitationPreview? Preview { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        // The code form on /circles asks with ?code=: a readable address to return to afterwards.
        if (CodeOrToken is null && !string.IsNullOrWhiteSpace(Code))
            return Redirect($"/join/{Uri.EscapeDataString(CircleInvitation.NormaliseCode(Code))}");
        if (CodeOrToken is null) return Page();
        await PreviewAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (CodeOrToken is null) return RedirectToPage();
        var outcome = await invitations.AcceptAsync(CodeOrToken, User.RequiredUserId(), ct);
        if (outcome.Failed(ModelState))
        {
            await PreviewAsync(ct);
            return Page();
        }
        TempData["JoinedCircle"] = true;
        return Redirect($"/circles/{outcome.Value!.Id}");
    }

    private async Task PreviewAsync(CancellationToken ct)
    {
        var outcome = await invitations.PreviewAsync(CodeOrToken!, User.RequiredUserId(), ct);
        if (!outcome.Failed(ModelState)) Preview = outcome.Value;
    }
}
