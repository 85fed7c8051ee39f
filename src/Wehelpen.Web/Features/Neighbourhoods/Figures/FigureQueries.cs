using System.Security.Claims;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Wehelpen.Web.Data;
using Wehelpen.Web.Features.Areas;
using Wehelpen.Web.Hosting;
using Wehelpen.Web.Features.Neighbourhoods.Buurtteam;

namespace Wehelpen.Web.Features.Neighbourhoods.Figures;

/// <summary>
/// The figures someone may see: every gebied for an admin, the approved ones for a professional, nothing for anyone
/// else (refused before anything is read). Shared by the pages, the API and the CSV export, so they always agree.
/// </summary>
public sealed class FigureQueries(
    WehelpenDbContext db, BuurtteamAccess access, TimeProvider clock, IOptions<FiguresOptions> options, IStringLocalizer<SharedResource> text)
{
    /// <param name="weeks">As typed: 4, 12 (when empty), 26 or 52.</param>
    public async Task<Outcome<FiguresReport>> ReportAsync(ClaimsPrincipal user, string? weeks, CancellationToken ct)
    {
        var areas = await access.AreasAsync(user, ct);
        if (areas.Count == 0) return Refusal.Forbidden(text["Figures.NoAccess"]);
        if (!TryWeeks(weeks, out var count)) return new FieldErrors().Add("weeks", text["Figures.WeeksInvalid"]);

        var now = clock.GetUtcNow();
        var range = FigureWeeks.Last(count, now);
        var rows = await FigureRows.ReadAsync(db, AmsterdamAreas.Pc4sOf(areas.Select(a => a.Code)), FigureWeeks.StartUtc(range[0]), now, ct);
        return new FigureCalculator(rows).Report(areas, range, Math.Max(1, options.Value.MinimumCount));
    }

    /// <summary>One gebied of the report (suppressed exactly as in the overview, so nothing can be worked back between the two).</summary>
    public async Task<Outcome<FiguresReport>> AreaReportAsync(ClaimsPrincipal user, string areaCode, string? weeks, CancellationToken ct)
    {
        var outcome = await ReportAsync(user, weeks, ct);
        if (outcome.Value is not { } report) return outcome;
        var area = report.Areas.FirstOrDefault(a => a.Code == areaCode);
        // A gebied that is not theirs reads exactly like one that does not exist.
        if (area is null) return Refusal.NotFound(text["Figures.AreaNotFound"]);
        return report with { Areas = [area], TotalWeeks = area.Weeks, Total = area.Total, Stadsdelen = [] };
    }

    public static bool TryWeeks(string? input, out int weeks)
    {
        weeks = FigureWeeks.Default;
        if (string.IsNullOrWhiteSpace(input)) return true;
        return int.TryParse(input.Trim(), out weeks) && FigureWeeks.Choices.Contains(weeks);
    }
}
