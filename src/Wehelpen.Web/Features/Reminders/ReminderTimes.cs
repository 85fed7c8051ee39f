using Wehelpen.Web.Hosting;

namespace Wehelpen.Web.Features.Reminders;

/// <summary>
/// When reminders fall due, in Amsterdam time. "A day before" is the same clock time the day before, also when the
/// clocks change in between (23 or 25 hours then); "two hours before" is two real hours before.
/// </summary>
public static class ReminderTimes
{
    public const int Day = 24 * 60;

    /// <summary>The morning reminder of a task goes at this time on the day itself…</summary>
    public static readonly TimeOnly Morning = new(8, 0);

    /// <summary>…or, for a task that starts before nine, this long before it starts.</summary>
    public static readonly TimeSpan EarlyTaskLead = TimeSpan.FromHours(1);

    /// <summary>A volunteer who has not confirmed by then: whoever asked is told, with time left to find someone else.</summary>
    public static readonly TimeSpan UnconfirmedWarningLead = TimeSpan.FromHours(18);

    public static DateTimeOffset Before(DateTimeOffset startUtc, int minutes)
    {
        if (minutes % Day != 0) return startUtc - TimeSpan.FromMinutes(minutes);
        var local = startUtc.ToAmsterdam();
        return WallClock.ToUtc(DateOnly.FromDateTime(local.DateTime).AddDays(-(minutes / Day)), TimeOnly.FromDateTime(local.DateTime));
    }

    public static DateTimeOffset DayBefore(DateTimeOffset startUtc) => Before(startUtc, Day);

    public static DateTimeOffset MorningOf(DateTimeOffset startUtc)
    {
        var local = startUtc.ToAmsterdam();
        var morning = WallClock.ToUtc(DateOnly.FromDateTime(local.DateTime), Morning);
        return startUtc - morning < EarlyTaskLead ? startUtc - EarlyTaskLead : morning;
    }

    public static DateTimeOffset UnconfirmedWarning(DateTimeOffset startUtc) => startUtc - UnconfirmedWarningLead;
}
