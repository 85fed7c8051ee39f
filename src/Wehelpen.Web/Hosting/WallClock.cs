
namespace Wehelpen.Web.Hosting;

/// <summary>How an Amsterdam wall-clock time relates to real moments on a given date.</summary>
public enum WallClockKind
{
    Normal,

    /// <summary>In the spring-forward gap (e.g. 29 March 2026 02:30): the clock jumps from 02:00 to 03:00.</summary>
    Skipped,

    /// <summary>In the autumn hour that happens twice (e.g. 25 October 2026 02:30).</summary>
    Ambiguous,
}

/// <summary>
/// Turns Amsterdam wall-clock times into UTC moments with the rules of RFC 5545 (iCalendar, section 3.3.5), so that
/// the app and the phone calendars that read our feed always agree:
/// a time that happens twice in the autumn is the FIRST one (still summer time, +02:00);
/// a time that does not exist in the spring is read with the offset from before the gap (02:30 becomes 03:30).
/// People are never asked to type a time that does not exist; the gap rule is only for later weeks of a series.
/// </summary>
public static class WallClock
{
    public static WallClockKind Check(DateOnly date, TimeOnly time)
    {
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        if (AmsterdamTime.Zone.IsInvalidTime(local)) return WallClockKind.Skipped;
        return AmsterdamTime.Zone.IsAmbiguousTime(local) ? WallClockKind.Ambiguous : WallClockKind.Normal;
    }

    /// <summary>The UTC moment of the wall-clock time on that date.</summary>
    public static DateTimeOffset ToUtc(DateOnly date, TimeOnly time)
    {
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        var zone = AmsterdamTime.Zone;
        var offset = Check(date, time) switch
        {
            WallClockKind.Ambiguous => zone.GetAmbiguousTimeOffsets(local).Max(),
            // Amsterdam never changes its clock twice within a day, so a day earlier is safely before the gap.
            WallClockKind.Skipped => zone.GetUtcOffset(local.AddDays(-1)),
            _ => zone.GetUtcOffset(local),
        };
        return new DateTimeOffset(local, offset).ToUniversalTime();
    }

    /// <summary>Midnight at the start of that Amsterdam date, in UTC.</summary>
    public static DateTimeOffset StartOfDayUtc(DateOnly date) => ToUtc(date, TimeOnly.MinValue);

    /// <summary>The skipped wall-clock hour on that date (02:00 to 03:00 in Amsterdam), to explain it; null when there is none.</summary>
    public static (TimeOnly From, TimeOnly To)? GapOn(DateOnly date)
    {
        var skipped = Enumerable.Range(0, 24 * 60).Select(m => TimeOnly.MinValue.AddMinutes(m))
            .Where(t => Check(date, t) == WallClockKind.Skipped).ToList();
        return skipped.Count == 0 ? null : (skipped[0], skipped[^1].AddMinutes(1));
    }
}
