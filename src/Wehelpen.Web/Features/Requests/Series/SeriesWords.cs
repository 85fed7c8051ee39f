using System.Globalization;
using Microsoft.Extensions.Localization;
using Wehelpen.Web.Hosting;

namespace Wehelpen.Web.Features.Requests.Series;

/// <summary>
/// A series in the words of the page's language: "elke dinsdag en donderdag, 10:00–11:00, tot en met 31 maart",
/// "om de week op maandag, op een moment dat die dag uitkomt, nog 4 keer", "..., gestopt vanaf 5 maart".
/// </summary>
public static class SeriesWords
{
    private static readonly DayOfWeek[] MondayFirst =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];

    /// <summary>The days in the order of the Dutch week, Monday first.</summary>
    public static IEnumerable<DayOfWeek> InWeekOrder(IEnumerable<DayOfWeek> days) => MondayFirst.Where(days.Contains);

    /// <summary>"dinsdag en donderdag"; "maandag, woensdag en vrijdag".</summary>
    public static string DayList(IStringLocalizer text, IEnumerable<DayOfWeek> days)
    {
        var names = InWeekOrder(days).Select(d => CultureInfo.CurrentCulture.DateTimeFormat.GetDayName(d)).ToList();
        return names.Count < 2 ? string.Concat(names) : $"{string.Join(", ", names[..^1])} {text["Series.Words.And"]} {names[^1]}";
    }

    public static string Rule(IStringLocalizer text, RequestSeries s, DateOnly today) =>
        string.Join(", ", How(text, s), Time(text, s), End(text, s, today));

    /// <summary>"dinsdag 28 maart": a date in sentences of the page.</summary>
    public static string Day(DateOnly date) => date.ToString("dddd d MMMM", CultureInfo.CurrentCulture);

    private static string How(IStringLocalizer text, RequestSeries s)
    {
        if (s.Frequency == SeriesFrequency.Monthly) return text["Series.Words.Monthly", s.DayOfMonth ?? 0];
        return text[$"Series.Words.{s.Frequency}", DayList(text, s.Days)];
    }

    private static string Time(IStringLocalizer text, RequestSeries s) =>
        s.Flexible || s.StartTime is not { } start || s.EndTime is not { } end ? text["Series.Words.Flexible"] : $"{start:HH\\:mm}–{end:HH\\:mm}";

    private static string End(IStringLocalizer text, RequestSeries s, DateOnly today)
    {
        if (s.StoppedFrom is { } stopped) return text["Series.Words.StoppedFrom", stopped.ToString("d MMMM", CultureInfo.CurrentCulture)];
        if (s.UntilDate is { } until) return text["Series.Words.Until", until.ToString("d MMMM yyyy", CultureInfo.CurrentCulture)];
        var left = SeriesRule.Dates(s).Count(d => d >= today);
        return left == 0 ? text["Series.Words.Over"] : text["Series.Words.TimesLeft", left];
    }

    /// <summary>
    /// The dates from <paramref name="today"/> on whose start or end falls in the hour summer time skips: no occurrence
    /// is made for them (SeriesOccurrences), so the circle must hear it beforehand. With the time that is skipped.
    /// </summary>
    public static IReadOnlyList<(DateOnly On, TimeOnly Time)> SkippedBySummerTime(RequestSeries s, DateOnly today) =>
        s.Flexible || s.StartTime is not { } start || s.EndTime is not { } end ? []
            : SeriesRule.Dates(s).Where(d => d >= today)
                .Select(d => (On: d, Time: WallClock.Check(d, start) == WallClockKind.Skipped ? start : end))
                .Where(d => WallClock.Check(d.On, d.Time) == WallClockKind.Skipped)
                .ToList();
}
