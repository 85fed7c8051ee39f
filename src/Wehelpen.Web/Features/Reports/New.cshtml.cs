using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Wehelpen.Web.Features.Accounts;

namespace Wehelpen.Web.Features.Reports;

/// <summary>Reporting one request (?request=) or one person (?person=) the reporter has met through the app.</summary>
[Authorize]
[EnableRateLimiting(ReportsExtensions.SendingLimit)]
public sealed class NewModel(Reporting reporting) : PageModel
{
    public ReportSubject Subject { get; private set; } = default!;
    [TempData] public bool Sent { get; set; }
    [BindProperty] public InputModel Input { get; set; } = new();

    public sealed class InputModel
    {
        public string? Reason { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(Guid? request, string? person, CancellationToken ct) =>
        await FindAsync(request, person, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid? request, string? person, CancellationToken ct)
    {
        if (!await FindAsync(request, person, ct)) return NotFound();
        var input = new ReportInput(Subject.RequestId, Subject.PersonId, Input.Reason);
        if ((await reporting.SendAsync(User.RequiredUserId(), input, ct)).Failed(ModelState)) return Page();
        Sent = true;
        return RedirectToPage(new { request, person });
    }

    private async Task<bool> FindAsync(Guid? request, string? person, CancellationToken ct)
    {
        // One subject at a time: a request wins, as the link that led here names only one.
        var subject = await reporting.SubjectAsync(User.RequiredUserId(), request, request is null ? person : null, ct);
        if (subject is null) return false;
        Subject = subject;
        return true;
    }
}
