using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wehelpen.Web.Features.Accounts;

namespace Wehelpen.Web.Features.Neighbourhoods.Buurtteam;

/// <summary>/buurtteam: a professional's work details and gebieden, and the circles that ask or have them as klanthouder.</summary>
[Authorize(Roles = Roles.Professional)]
public sealed class IndexModel(ProfessionalSettings settings, CaseHolders caseHolders) : PageModel
{
    public sealed class Form
    {
        public string? Organisation { get; set; }
        public string? WorkPhone { get; set; }
        public List<string> Areas { get; set; } = [];
    }

    [BindProperty] public Form Input { get; set; } = new();
    public ProfessionalResponse Mine { get; private set; } = new(null, null, []);
    public IReadOnlyList<CaseHolderInvitationResponse> Invitations { get; private set; } = [];
    [TempData] public string? Notice { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        Input = new Form { Organisation = Mine.Organisation, WorkPhone = Mine.WorkPhone, Areas = Mine.Areas.Select(a => a.Code).ToList() };
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var outcome = await settings.SaveAsync(User.RequiredUserId(), new ProfessionalInput(Input.Organisation, Input.WorkPhone, Input.Areas), ct);
        if (outcome.Failed(ModelState))
        {
            await LoadAsync(ct);
            return Page();
        }
        Notice = "Buurtteam.Saved";
        return RedirectToPage();
    }

    public Task<IActionResult> OnPostAcceptAsync(Guid invitationId, CancellationToken ct) =>
        AnswerAsync(caseHolders.AcceptAsync(User.RequiredUserId(), invitationId, ct), "CaseHolder.Accepted", ct);

    public Task<IActionResult> OnPostDeclineAsync(Guid invitationId, CancellationToken ct) =>
        AnswerAsync(caseHolders.DeclineAsync(User.RequiredUserId(), invitationId, ct), "CaseHolder.Declined", ct);

    public Task<IActionResult> OnPostStepDownAsync(Guid circleId, CancellationToken ct) =>
        AnswerAsync(caseHolders.StepDownAsync(User.RequiredUserId(), circleId, ct), "CaseHolder.SteppedDown", ct);

    private async Task<IActionResult> AnswerAsync(Task<Hosting.Outcome<Hosting.Done>> answer, string notice, CancellationToken ct)
    {
        if ((await answer).Failed(ModelState))
        {
            await OnGetAsync(ct);
            return Page();
        }
        Notice = notice;
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Mine = await settings.MineAsync(User.RequiredUserId(), ct);
        Invitations = await caseHolders.ForProfessionalAsync(User.RequiredUserId(), ct);
    }
}
