namespace Wehelpen.Web.Features.Requests.Series;

/// <summary>The dates of a series, as pure functions of its rule, so that they can be tested without a database.</summary>
public static class SeriesRule
{
    /// <summary>A series runs at most this long (until a date), or this many times.</summary>
    public const int MaxDays = 366;
    public const int MaxTimes = 100;

    /// <summary>Every date of the series from its first on, in order, ending at its end or where it was stopped.</summary>
    public static IEnumerable<DateOnly> Dates(RequestSeries s)
    {
        var made = 0;
        var last = s.UntilDate ?? s.FirstDate.AddDays(MaxDays);
        for (var day = s.FirstDate; day <= last; day = day.AddDays(1))
        {
            if (!Matches(s, day)) continue;
            if (s.Times is { } times && made >= times) yield break;
            made++;
            if (s.StoppedFrom is { } stop && day >= stop) yield break;
            yield return day;
        }
    }

    /// <summary>The dates from <paramref name="from"/> up to and including <paramref name="to"/>.</summary>
    public static IEnumerable<DateOnly> Between(RequestSeries s, DateOnly from, DateOnly to) =>
        Dates(s).SkipWhile(d => d < from).TakeWhile(d => d <= to);

    /// <summary>How many dates of the series lie before <paramref name="date"/>: what a count already used up.</summary>
    public static int CountBefore(RequestSeries s, DateOnly date) => Dates(s).TakeWhile(d => d < date).Count();

    private static bool Matches(RequestSeries s, DateOnly day) => s.Frequency switch
    {
        SeriesFrequency.Weekly => s.Days.Contains(day.DayOfWeek),
        // Weeks run Monday to Sunday; the first week of the series is week 0, then every even week.
        SeriesFrequency.EveryTwoWeeks => s.Days.Contains(day.DayOfWeek) && (Monday(day).DayNumber - Monday(s.FirstDate).DayNumber) / 7 % 2 == 0,
        SeriesFrequency.Monthly => day.Day == s.DayOfMonth,
        _ => false,
    };

    private static DateOnly Monday(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
}
