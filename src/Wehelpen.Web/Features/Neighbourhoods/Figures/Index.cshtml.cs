using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wehelpen.Web.Features.Accounts;

namespace Wehelpen.Web.Features.Neighbourhoods.Figures;

/// <summary>/figures: the viewer's gebieden on a map, compared, and in a table, over the chosen weeks.</summary>
[Authorize(Roles = Roles.Professional + "," + Roles.Admin)]
public sealed class IndexModel(FigureQueries figures, AreaMap map) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Weeks { get; set; }
    [BindProperty(SupportsGet = true)] public string? Figure { get; set; }

    public FiguresReport Report { get; private set; } = null!;
    public FigureKind Kind { get; private set; } = FigureKind.PerVolunteer;
    public bool WeeksInvalid { get; private set; }
    public AreaMap Map => map;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var outcome = await figures.ReportAsync(User, Weeks, ct);
        if (outcome.Refusal is not null) return Forbid();
        if (outcome.Errors is not null)
        {
            // Said on the page, with the default period shown beneath it.
            WeeksInvalid = true;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            outcome = await figures.ReportAsync(User, null, ct);
        }
        Report = outcome.Value!;
        Kind = FigureKind.Find(Figure);
        return Page();
    }

    public string AreaLink(string code) => $"/figures/{code}?weeks={Report.Weeks}";

    /// <summary>
    /// Gebieden shortest of volunteers first: requests but no active volunteer at all, then most requests per active
    /// volunteer, then those with nothing to compare (hidden figures, or no requests).
    /// </summary>
    public IReadOnlyList<AreaFigures> ByShortage() =>
        Report.Areas.OrderByDescending(a => a.Total.ActiveVolunteers.Value == 0 && a.Total.Asked.Value > 0 ? double.MaxValue : a.Total.RequestsPerVolunteer.Value ?? -1)
            .ThenByDescending(a => a.Total.Asked.Value ?? 0).ThenBy(a => a.Number).ToList();
}
