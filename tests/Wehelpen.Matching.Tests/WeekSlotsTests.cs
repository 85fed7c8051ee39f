using static Wehelpen.Matching.Tests.Build;

namespace Wehelpen.Matching.Tests;

/// <summary>
/// Expected masks are written out by hand from the documented layout: bit (day since Monday) × 3 + part, part 0
/// morning (before 12:00), 1 afternoon (12:00-17:00), 2 evening (from 17:00), in Amsterdam time. Every moment below
/// carries its Amsterdam offset by hand: +02:00 in summer time, +01:00 in winter time.
/// </summary>
public class WeekSlotsTests
{
    private const int Monday = 0, Saturday = 5, Sunday = 6;
    private const int Morning = 0, Afternoon = 1, Evening = 2;
    private static readonly TimeSpan Summer = TimeSpan.FromHours(2), Winter = TimeSpan.FromHours(1);

    private static int Slot(int day, int part) => 1 << (day * 3 + part);

    /// <summary>1 June 2026 is a Monday, in summer time.</summary>
    private static DateTimeOffset June1(int hour, int minute = 0) => new(2026, 6, 1, hour, minute, 0, Summer);

    private static readonly DateTimeOffset LongAgo = new(2026, 1, 1, 0, 0, 0, Winter);

    [Fact]
    public void Bits_follow_the_stored_layout()
    {
        Assert.Equal(1, WeekSlots.Bit(DayOfWeek.Monday, Morning));
        Assert.Equal(1 << 5, WeekSlots.Bit(DayOfWeek.Tuesday, Evening));
        Assert.Equal(1 << 20, WeekSlots.Bit(DayOfWeek.Sunday, Evening));
        Assert.Equal((1 << 21) - 1, WeekSlots.All);
    }

    [Fact]
    public void A_request_from_half_past_eleven_to_noon_touches_only_the_morning() =>
        Assert.Equal(Slot(Monday, Morning), WeekSlots.Covering(June1(11, 30), June1(12), LongAgo));

    [Fact]
    public void One_minute_past_noon_also_touches_the_afternoon() =>
        Assert.Equal(Slot(Monday, Morning) | Slot(Monday, Afternoon), WeekSlots.Covering(June1(11, 30), June1(12, 1), LongAgo));

    [Fact]
    public void A_request_ending_at_five_touches_only_the_afternoon() =>
        Assert.Equal(Slot(Monday, Afternoon), WeekSlots.Covering(June1(16, 59), June1(17), LongAgo));

    [Fact]
    public void Early_and_late_hours_count_as_morning_and_evening() =>
        // 06:00-07:00 is "morning", 22:00-23:00 "evening": day parts are stretched over the whole day.
        Assert.Equal(Slot(Monday, Morning) | Slot(Monday, Evening),
            WeekSlots.Covering(June1(6), June1(7), LongAgo) | WeekSlots.Covering(June1(22), June1(23), LongAgo));

    [Fact]
    public void A_window_over_midnight_touches_the_evening_and_the_next_morning() =>
        // Monday 22:00 to Tuesday 01:00.
        Assert.Equal(Slot(Monday, Evening) | Slot(1, Morning), WeekSlots.Covering(June1(22), June1(22).AddHours(3), LongAgo));

    [Fact]
    public void A_window_from_Sunday_evening_into_Monday_wraps_around_the_week() =>
        // Sunday 31 May 2026 20:00 to Monday 1 June 09:00.
        Assert.Equal(Slot(Sunday, Evening) | Slot(Monday, Morning),
            WeekSlots.Covering(new DateTimeOffset(2026, 5, 31, 20, 0, 0, Summer), June1(9), LongAgo));

    // 10:30 UTC is 11:30 in Amsterdam in winter time (morning) and 12:30 in summer time (afternoon). Summer time
    // starts on the last Sunday of March and ends on the last Sunday of October: the Saturday before and the Sunday
    // itself fall on either side. Read as UTC+1 all year (or UTC+2), half of these would be wrong.
    [Theory]
    [InlineData(2026, 3, 28, Saturday, Morning)]
    [InlineData(2026, 3, 29, Sunday, Afternoon)]
    [InlineData(2027, 3, 27, Saturday, Morning)]
    [InlineData(2027, 3, 28, Sunday, Afternoon)]
    [InlineData(2026, 10, 24, Saturday, Afternoon)]
    [InlineData(2026, 10, 25, Sunday, Morning)]
    [InlineData(2027, 10, 30, Saturday, Afternoon)]
    [InlineData(2027, 10, 31, Sunday, Morning)]
    public void Times_are_local_on_both_sides_of_the_clock_change(int year, int month, int day, int weekday, int part)
    {
        var start = new DateTimeOffset(year, month, day, 10, 30, 0, TimeSpan.Zero);
        Assert.Equal(Slot(weekday, part), WeekSlots.Covering(start, start.AddMinutes(1), LongAgo));
    }

    [Fact]
    public void A_window_over_the_night_the_clocks_go_back_ends_in_Sunday_morning()
    {
        // Saturday 24 October 2026 22:00 (+02:00) to Sunday 25 October 11:59 (+01:00): 15 hours, one of them twice.
        var from = new DateTimeOffset(2026, 10, 24, 22, 0, 0, Summer);
        var to = new DateTimeOffset(2026, 10, 25, 11, 59, 0, Winter);
        Assert.Equal(Slot(Saturday, Evening) | Slot(Sunday, Morning), WeekSlots.Covering(from, to, LongAgo));
        // One hour later (12:59 local) the Sunday afternoon begins.
        Assert.Equal(Slot(Saturday, Evening) | Slot(Sunday, Morning) | Slot(Sunday, Afternoon), WeekSlots.Covering(from, to.AddHours(1), LongAgo));
    }

    [Fact]
    public void A_flexible_request_counts_from_now()
    {
        // No start: from now (Monday 16:00) until Monday 18:00.
        Assert.Equal(Slot(Monday, Afternoon) | Slot(Monday, Evening), WeekSlots.Covering(null, June1(18), June1(16)));
    }

    [Fact]
    public void The_part_of_a_window_that_passed_does_not_count()
    {
        // 09:00-18:00, asked at 13:00: the morning is over.
        Assert.Equal(Slot(Monday, Afternoon) | Slot(Monday, Evening), WeekSlots.Covering(June1(9), June1(18), June1(13)));
    }

    [Fact]
    public void A_window_longer_than_a_week_gives_all_21_parts() =>
        Assert.Equal(WeekSlots.All, WeekSlots.Covering(June1(13), June1(13).AddDays(8), LongAgo));

    [Fact]
    public void A_window_of_exactly_a_week_from_the_afternoon_gives_all_21_parts() =>
        // Monday 13:00 to the next Monday 13:00 touches that Monday's afternoon again, and the morning before it.
        Assert.Equal(WeekSlots.All, WeekSlots.Covering(June1(13), June1(13).AddDays(7), LongAgo));

    [Fact]
    public void A_window_that_already_passed_gives_nothing()
    {
        Assert.Equal(0, WeekSlots.Covering(June1(9), June1(11), June1(11)));
        Assert.Equal(0, WeekSlots.Covering(null, June1(11), June1(12)));
    }

    [Fact]
    public void A_volunteer_without_day_parts_is_available_any_time()
    {
        Assert.True(WeekSlots.Available(AnyTime, Slot(Sunday, Evening)));
        Assert.True(WeekSlots.Available(Slot(Sunday, Evening), Slot(Sunday, Evening) | Slot(Monday, Morning)));
        Assert.False(WeekSlots.Available(Slot(Sunday, Afternoon), Slot(Sunday, Evening) | Slot(Monday, Morning)));
    }
}
