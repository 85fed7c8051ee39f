using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Wehelpen.Web.Data;
using Wehelpen.Web.Features.Accounts;
using Wehelpen.Web.Features.Circles;

namespace Wehelpen.Web.Features.Privacy;

/// <summary>/account/privacy, "Mijn gegevens": one place for a person's rights: take their data, correct it, erase it.</summary>
[Authorize]
public sealed class MyDataModel(WehelpenDbContext db, AccountErasure erasure, SignInManager<ApplicationUser> signIn) : PageModel
{
    /// <summary>The circles around this person: they go with the account (the erase form says so first).</summary>
    public IReadOnlyList<OwnCircle> OwnCircles { get; private set; } = [];
    public int OtherCircles { get; private set; }

    [BindProperty] public EraseForm Input { get; set; } = new();

    public sealed class EraseForm
    {
        public string? Password { get; set; }
    }

    public sealed record OwnCircle(Guid Id, string Name, int Coordinators, int Members);

    public async Task OnGetAsync(CancellationToken ct)
    {
        var userId = User.RequiredUserId();
        var mine = db.Set<CircleMember>().Where(m => m.UserId == userId);
        OwnCircles = await mine.Where(m => m.Role == CircleRole.Resident)
            .Select(m => new OwnCircle(m.CircleId, m.Circle!.Name,
                m.Circle.Members.Count(o => o.Role == CircleRole.Coordinator), m.Circle.Members.Count - 1))
            .ToListAsync(ct);
        OtherCircles = await mine.CountAsync(m => m.Role != CircleRole.Resident, ct);
    }

    [EnableRateLimiting(PrivacyExtensions.ErasureLimit)]
    public async Task<IActionResult> OnPostEraseAsync(CancellationToken ct)
    {
        var outcome = await erasure.EraseOwnAsync(User.RequiredUserId(), new EraseAccountRequest(Input.Password), ct);
        if (outcome.Failed(ModelState))
        {
            await OnGetAsync(ct);
            return Page();
        }
        await signIn.SignOutAsync();
        return RedirectToPage("Erased");
    }
}
