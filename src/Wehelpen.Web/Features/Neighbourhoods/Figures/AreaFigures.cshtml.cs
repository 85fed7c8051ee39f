using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wehelpen.Web.Features.Accounts;

namespace Wehelpen.Web.Features.Neighbourhoods.Figures;

/// <summary>/figures/{areaCode}: one gebied week by week. A gebied not the viewer's is a 404, like one that does not exist.</summary>
[Authorize(Roles = Roles.Professional + "," + Roles.Admin)]
public sealed class AreaFiguresModel(FigureQueries figures) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Weeks { get; set; }

    public FiguresReport Report { get; private set; } = null!;
    public AreaFigures Area => Report.Areas[0];
    public bool WeeksInvalid { get; private set; }

    public async Task<IActionResult> OnGetAsync(string areaCode, CancellationToken ct)
    {
        var outcome = await figures.AreaReportAsync(User, areaCode, Weeks, ct);
        if (outcome.Errors is not null)
        {
            WeeksInvalid = true;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            outcome = await figures.AreaReportAsync(User, areaCode, null, ct);
        }
        if (outcome.Refusal is { } refusal) return refusal.Status == StatusCodes.Status404NotFound ? NotFound() : Forbid();
        Report = outcome.Value!;
        return Page();
    }
}
