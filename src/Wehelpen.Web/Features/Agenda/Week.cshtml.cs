using System.Globalization;
using Wehelpen.Web.Hosting;

namespace Wehelpen.Web.Features.Agenda;

/// <summary>One week, Monday to Sunday, with the weeks before and after a click away.</summary>
public sealed class WeekModel(AgendaPlanner planner, TimeProvider clock) : AgendaPageModel
{
    public DateOnly Monday { get; private set; }
    public DateOnly Today { get; private set; }
    public int WeekNumber => ISOWeek.GetWeekOfYear(Monday.ToDateTime(TimeOnly.MinValue));
    public IReadOnlyList<(DateOnly Day, IReadOnlyList<OccurrenceResponse> Occurrences)> Days { get; private set; } = [];

    /// <param name="date">Any day of the week to show (yyyy-MM-dd); this week when missing or unreadable.</param>
    public async Task OnGetAsync(string? date, CancellationToken ct)
    {
        Today = clock.AmsterdamToday();
        var day = DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var asked) ? asked : Today;
        Monday = day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
        var occurrences = await planner.OccurrencesAsync(Membership, Monday, Monday.AddDays(6), ct);
        Days = Enumerable.Range(0, 7).Select(i => Monday.AddDays(i))
            .Select(d => (d, (IReadOnlyList<OccurrenceResponse>)occurrences.Where(o => o.Date == d).ToList()))
            .ToList();
    }
}
