using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wehelpen.Web.Features.Accounts;

namespace Wehelpen.Web.Features.Reports;

/// <summary>All reports, open ones first, for the administrators; each can be marked handled with a note.</summary>
[Authorize(Roles = Roles.Admin)]
public sealed class AdminModel(Reporting reporting) : PageModel
{
    public IReadOnlyList<ReportResponse> Reports { get; private set; } = [];
    [TempData] public bool Handled { get; set; }

    /// <summary>The report whose note was refused, and what was written, so that it is shown again.</summary>
    public Guid? FailedId { get; private set; }
    public string? FailedNote { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => Reports = await reporting.AllAsync(ct);

    public async Task<IActionResult> OnPostHandledAsync(Guid reportId, string? note, CancellationToken ct)
    {
        if ((await reporting.MarkHandledAsync(User.RequiredUserId(), reportId, new HandleReportInput(note), ct)).Failed(ModelState, "Note"))
        {
            (FailedId, FailedNote) = (reportId, note);
            Reports = await reporting.AllAsync(ct);
            return Page();
        }
        Handled = true;
        return RedirectToPage();
    }
}
