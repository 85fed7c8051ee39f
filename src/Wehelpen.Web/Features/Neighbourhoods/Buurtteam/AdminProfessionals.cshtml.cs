using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wehelpen.Web.Features.Accounts;

namespace Wehelpen.Web.Features.Neighbourhoods.Buurtteam;

/// <summary>/admin/professionals: the gebieden professionals asked for, to approve, refuse or take back.</summary>
[Authorize(Roles = Roles.Admin)]
public sealed class AdminProfessionalsModel(ProfessionalSettings settings) : PageModel
{
    public IReadOnlyList<AreaRequestResponse> Requests { get; private set; } = [];
    [TempData] public string? Notice { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => Requests = await settings.RequestsAsync(ct);

    public async Task<IActionResult> OnPostApproveAsync(string userId, string areaCode, CancellationToken ct) =>
        await DoneAsync((await settings.ApproveAsync(User.RequiredUserId(), userId, areaCode, ct)).Failed(ModelState), "Buurtteam.Admin.Approved", ct);

    public async Task<IActionResult> OnPostRevokeAsync(string userId, string areaCode, CancellationToken ct) =>
        await DoneAsync((await settings.RevokeAsync(User.RequiredUserId(), userId, areaCode, ct)).Failed(ModelState), "Buurtteam.Admin.Revoked", ct);

    private async Task<IActionResult> DoneAsync(bool failed, string notice, CancellationToken ct)
    {
        if (!failed)
        {
            Notice = notice;
            return RedirectToPage();
        }
        await OnGetAsync(ct);
        return Page();
    }
}
