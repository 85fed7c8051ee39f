using System.Linq.Expressions;
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

        // Only the chosen year's rows: the Amsterdam year as a range of UTC instants over the help moment (as
        // Thanking.HelpDay: the start, or the moment a flexible one was done), compared in SQL on both engines.
        var (from, to) = (YearStartUtc(chosen), YearStartUtc(chosen + 1));
        var rows = await Done(volunteerId)
            .Where(r => (r.StartsAt ?? r.ClosedAt ?? r.EndsAt) >= from && (r.StartsAt ?? r.ClosedAt ?? r.EndsAt) < to)
            .Select(r => new
            {
                r.Id, r.Title, r.Category, r.StartsAt, r.EndsAt, r.ClosedAt, r.Pc4, r.HelperConfirmed, r.RequesterConfirmed,
                r.Circle!.ResidentName,
                Named = db.Set<CircleThanksSettings>().Any(s => s.CircleId == r.CircleId && s.NameInOverview),
            })
            .ToListAsync(ct);
        var ofYear = rows.Select(r => new
        {
            Line = new HelpTaskLine(r.Id, Thanking.HelpDay(r.StartsAt, r.ClosedAt, r.EndsAt), r.Category, r.Title,
                r.StartsAt is { } start ? (int)Math.Round((r.EndsAt - start).TotalMinutes) : null,
                r.Named && r.ResidentName.Length > 0 ? r.ResidentName : null, r.Pc4),
            Counted = r.HelperConfirmed != false && r.RequesterConfirmed != false,
        }).ToList();

        var tasks = ofYear.Where(t => t.Counted).Select(t => t.Line).OrderBy(t => t.Date).ThenBy(t => t.Title).ToList();
        var years = (await YearsWithHelpAsync(volunteerId, ct)).Append(ThisYear).Append(chosen).Distinct().OrderDescending().ToList();
        return new HelpOverviewResponse(
            chosen, years, Figures(tasks),
            Enumerable.Range(1, 12).Select(m => new MonthFigures(m, Figures(tasks.Where(t => t.Date.Month == m)))).ToList(),
            tasks.GroupBy(t => t.Category).OrderByDescending(g => g.Count()).ThenBy(g => g.Key)
                .Select(g => new CategoryFigures(g.Key, Figures(g))).ToList(),
            tasks, ofYear.Count(t => !t.Counted));
    }

    private IQueryable<HelpRequest> Done(string volunteerId) => db.Set<HelpRequest>().AsNoTracking()
        .Where(r => r.ClaimedById == volunteerId && r.Status == RequestStatus.Done);

    /// <summary>When help was given, as <see cref="Thanking.HelpDay"/> reads it: the start, or when a flexible one was done.</summary>
    private static readonly Expression<Func<HelpRequest, DateTimeOffset>> HelpMoment = r => r.StartsAt ?? r.ClosedAt ?? r.EndsAt;

    /// <summary>
    /// The Amsterdam years with counted help, in one statement that returns a row per year, not per task: each task's
    /// help moment is put in its year by a CASE over the years' first instants in UTC (neither engine converts to
    /// Amsterdam time the same way, and SQLite stores the moment as a number: DateTimeOffsetToBinaryConverter).
    /// Help outside FirstYear..this year (none in use; old or imported data) is read apart, moment by moment.
    /// </summary>
    private async Task<List<int>> YearsWithHelpAsync(string volunteerId, CancellationToken ct)
    {
        var counted = Done(volunteerId).Where(r => r.HelperConfirmed != false && r.RequesterConfirmed != false);
        var years = await counted.Select(YearOfHelp(FirstYear, ThisYear)).Distinct().ToListAsync(ct);
        if (!years.Remove(OutsideYears)) return years;
        var (first, end) = (YearStartUtc(FirstYear), YearStartUtc(ThisYear + 1));
        var outside = await counted.Select(HelpMoment).Where(m => m < first || m >= end).ToListAsync(ct);
        return [.. years, .. outside.Select(m => DateOnly.FromDateTime(m.ToAmsterdam().DateTime).Year).Distinct()];
    }

    private const int OutsideYears = 0;

    /// <summary>r => m >= start(last + 1) ? 0 : m >= start(last) ? last : ... : m >= start(first) ? first : 0, m the help moment.</summary>
    private static Expression<Func<HelpRequest, int>> YearOfHelp(int first, int last)
    {
        var moment = HelpMoment.Body;
        Expression From(int year) => Expression.GreaterThanOrEqual(moment, Expression.Constant(YearStartUtc(year)));
        Expression year = Expression.Constant(OutsideYears);
        for (var y = first; y <= last; y++)
            year = Expression.Condition(From(y), Expression.Constant(y), year);
        return Expression.Lambda<Func<HelpRequest, int>>(Expression.Condition(From(last + 1), Expression.Constant(OutsideYears), year), HelpMoment.Parameters);
    }

    /// <summary>1 January 00:00 in Amsterdam, as a UTC instant (23:00 UTC the day before).</summary>
    private static DateTimeOffset YearStartUtc(int year) => WallClock.StartOfDayUtc(new DateOnly(year, 1, 1));

    private static HelpFigures Figures(IEnumerable<HelpTaskLine> tasks)
    {
        var list = tasks.ToList();
        return new HelpFigures(list.Count, list.Sum(t => t.Minutes ?? 0), list.Count(t => t.Minutes is null));
    }
}
