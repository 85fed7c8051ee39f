using System.Globalization;
using Wehelpen.Web.Hosting;

namespace Wehelpen.Web.Features.Neighbourhoods.Figures;

/// <summary>
/// Weeks as people in Amsterdam count them: ISO weeks (Monday to Sunday) in Amsterdam time, so a request asked on
/// Sunday 23:30 in Amsterdam falls in that week even though it is Monday in neither UTC nor the database.
/// </summary>
public static class FigureWeeks
{
    public static readonly IReadOnlyList<int> Choices = [4, 12, 26, 52];
    public const int Default = 12;

    /// <summary>The Monday (Amsterdam date) of the week a moment falls in.</summary>
    public static DateOnly MondayOf(DateTimeOffset moment)
    {
        var day = DateOnly.FromDateTime(moment.ToAmsterdam().DateTime);
        return day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
    }

    /// <summary>Midnight at the start of an Amsterdam day, as a UTC moment (midnight is never in a DST gap here).</summary>
    public static DateTimeOffset StartUtc(DateOnly day)
    {
        var local = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, AmsterdamTime.Zone.GetUtcOffset(local)).ToUniversalTime();
    }

    /// <summary>"2026-W48".</summary>
    public static string Label(DateOnly monday)
    {
        var date = monday.ToDateTime(TimeOnly.MinValue);
        return $"{ISOWeek.GetYear(date)}-W{ISOWeek.GetWeekOfYear(date):00}";
    }

    /// <summary>The <paramref name="count"/> weeks that end with the current one (which is still going on), oldest first.</summary>
    public static IReadOnlyList<DateOnly> Last(int count, DateTimeOffset now)
    {
        var current = MondayOf(now);
        return Enumerable.Range(0, count).Select(i => current.AddDays(-7 * (count - 1 - i))).ToList();
    }
}
