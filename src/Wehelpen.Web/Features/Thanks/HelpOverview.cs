using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Wehelpen.Web.Data;
using Wehelpen.Web.Features.Profiles;
using Wehelpen.Web.Features.Requests;
using Wehelpen.Web.Hosting;

namespace Wehelpen.Web.Features.Thanks;

/// <summary>A volunteer's year of help, for their own records: per month, per category, the totals and each task.</summary>
/// <param name="Years">The years with help to show, and this year: for choosing another.</param>
/// <param name="NotCounted">Tasks of the year that are left out because the volunteer or the circle said they did not happen.</param>
public sealed record HelpOverviewResponse(
    int Year, IReadOnlyList<int> Years, HelpFigures Totals, IReadOnlyList<MonthFigures> Months, IReadOnlyList<CategoryFigures> Categories,
    IReadOnlyList<HelpTaskLine> Tasks, int NotCounted);

/// <param name="Minutes">The time windows of the timed tasks added up.</param>
/// <param name="Untimed">Tasks without a set time ("flexibel, vóór ..."): counted as tasks, without hours.</param>
public sealed record HelpFigures(int Tasks, int Minutes, int Untimed);

public sealed record MonthFigures(int Month, HelpFigures Figures);

public sealed record CategoryFigures(HelpCategories Category, HelpFigures Figures);

/// <summary>One task: never the address; the resident's name only when their circle allowed it, else their PC4 area.</summary>
/// <param name="Minutes">Null for a task without a set time.</param>
/// <param name="ResidentName">Null unless the circle lets volunteers name it in their overview.</param>
public sealed record HelpTaskLine(Guid RequestId, DateOnly Date, HelpCategories Category, string Title, int? Minutes, string? ResidentName, string Pc4);

/// <summary>
/// Counts the help a volunteer gave: done requests they were the helper of, in Amsterdam days. Help either side said
/// did not happen is left out (and counted apart, so the page can say so): the overview is something a volunteer
/// may hand to others, and must hold only help that both sides stand behind or did not dispute.
/// </summary>
public sealed class HelpOverview(WehelpenDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> text)
{
    /// <summary>The first year one can ask for; Wehelpen has no help from before.</summary>
    public const int FirstYear = 2020;

    public int ThisYear => clock.AmsterdamToday().Year;

    public async Task<Outcome<HelpOverviewResponse>> ForYearAsync(string volunteerId, int? year, CancellationToken ct)
    {
        var chosen = year ?? ThisYear;
        if (chosen < FirstYear || chosen > ThisYear)
            return new FieldErrors().Add("year", text["Overview.YearOutOfRange", FirstYear, ThisYear]);

        // All of the volunteer's done tasks, not one year's: a year is an Amsterdam-time range over two columns (the
        // start, or the day a flexible one was done), and one volunteer's tasks over the years are a few hundred rows.
        var rows = await db.Set<HelpRequest>().AsNoTracking()
            .Where(r => r.ClaimedById == volunteerId && r.Status == RequestStatus.Done)
            .Select(r => new
            {
                r.Id, r.Title, r.Category, r.StartsAt, r.EndsAt, r.ClosedAt, r.Pc4, r.HelperConfirmed, r.RequesterConfirmed,
                r.Circle!.ResidentName,
                Named = db.Set<CircleThanksSettings>().Any(s => s.CircleId == r.CircleId && s.NameInOverview),
            })
            .ToListAsync(ct);
        var all = rows.Select(r => new
        {
            Line = new HelpTaskLine(r.Id, Thanking.HelpDay(r.StartsAt, r.ClosedAt, r.EndsAt), r.Category, r.Title,
                r.StartsAt is { } start ? (int)Math.Round((r.EndsAt - start).TotalMinutes) : null,
                r.Named && r.ResidentName.Length > 0 ? r.ResidentName : null, r.Pc4),
            Counted = r.HelperConfirmed != false && r.RequesterConfirmed != false,
        }).ToList();

        var ofYear = all.Where(t => t.Line.Date.Year == chosen).ToList();
        var tasks = ofYear.Where(t => t.Counted).Select(t => t.Line).OrderBy(t => t.Date).ThenBy(t => t.Title).ToList();
        var years = all.Where(t => t.Counted).Select(t => t.Line.Date.Year).Append(ThisYear).Append(chosen).Distinct().OrderDescending().ToList();
        return new HelpOverviewResponse(
            chosen, years, Figures(tasks),
            Enumerable.Range(1, 12).Select(m => new MonthFigures(m, Figures(tasks.Where(t => t.Date.Month == m)))).ToList(),
            tasks.GroupBy(t => t.Category).OrderByDescending(g => g.Count()).ThenBy(g => g.Key)
                .Select(g => new CategoryFigures(g.Key, Figures(g))).ToList(),
            tasks, ofYear.Count(t => !t.Counted));
    }

    private static HelpFigures Figures(IEnumerable<HelpTaskLine> tasks)
    {
        var list = tasks.ToList();
        return new HelpFigures(list.Count, list.Sum(t => t.Minutes ?? 0), list.Count(t => t.Minutes is null));
    }
}
