using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wehelpen.Web.Features.Accounts;

namespace Wehelpen.Web.Features.Thanks;

/// <summary>/help/overview?year=2026: the yearly overview of a volunteer's help, printable for their own records.</summary>
[Authorize]
public sealed class OverviewModel(HelpOverview overview) : PageModel
{
    public HelpOverviewResponse Overview { get; private set; } = default!;

    /// <summary>A year outside the ones there can be help in is not a page.</summary>
    public async Task<IActionResult> OnGetAsync(int? year, CancellationToken ct)
    {
        var made = await overview.ForYearAsync(User.RequiredUserId(), year, ct);
        if (made.Value is not { } value) return NotFound();
        Overview = value;
        return Page();
    }

    /// <summary>"1,5": hours with at most one decimal, in the reader's language.</summary>
    public static string Hours(int minutes) => (minutes / 60.0).ToString("0.#", System.Globalization.CultureInfo.CurrentCulture);
}
