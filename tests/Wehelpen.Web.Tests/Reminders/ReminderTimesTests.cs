using Wehelpen.Web.Features.Reminders;

namespace Wehelpen.Web.Tests.Reminders;

/// <summary>When reminders fall due, in Amsterdam time, also in the weeks the clocks change.</summary>
public sealed class ReminderTimesTests
{
    private static DateTimeOffset Utc(int month, int day, int hour, int minute = 0) => new(2026, month, day, hour, minute, 0, TimeSpan.Zero);

    [Fact]
    public void A_day_before_a_Sunday_morning_after_the_spring_change_is_ten_oclock_on_Saturday_23_hours_earlier()
    {
        var start = Utc(3, 29, 8); // Sunday 29 March 10:00 summer time
        Assert.Equal(Utc(3, 28, 9), ReminderTimes.Before(start, 24 * 60)); // Saturday 10:00 winter time
        Assert.Equal(Utc(3, 29, 6), ReminderTimes.Before(start, 120)); // two real hours: 08:00 summer time
    }

    [Fact]
    public void A_day_before_a_Sunday_morning_after_the_autumn_change_is_ten_oclock_on_Saturday_25_hours_earlier()
    {
        var start = Utc(10, 25, 9); // Sunday 25 October 10:00 winter time
        Assert.Equal(Utc(10, 24, 8), ReminderTimes.Before(start, 24 * 60)); // Saturday 10:00 summer time
        Assert.Equal(Utc(10, 18, 8), ReminderTimes.Before(start, 7 * 24 * 60)); // a week before, 10:00 summer time
    }

    [Fact]
    public void The_morning_reminder_is_at_eight_or_an_hour_before_an_early_task()
    {
        Assert.Equal(Utc(3, 30, 6), ReminderTimes.MorningOf(Utc(3, 30, 12))); // 14:00 summer time: 08:00
        Assert.Equal(Utc(11, 24, 7), ReminderTimes.MorningOf(Utc(11, 24, 13))); // 14:00 winter time: 08:00
        Assert.Equal(Utc(11, 24, 6, 30), ReminderTimes.MorningOf(Utc(11, 24, 7, 30))); // 08:30: at 07:30
    }
}
