using Wehelpen.Web.Features.Profiles;
using Wehelpen.Web.Hosting;

namespace Wehelpen.Web.Features.Requests;

/// <summary>Whether a request's time falls in a part of the week a volunteer said they can usually help.</summary>
public static class AvailabilityMatch
{
    private static readonly TimeSpan Step = TimeSpan.FromMinutes(30);

    /// <summary>
    /// True when any moment of the request's window (from now on) lies in one of the volunteer's day parts. The day
    /// parts are stretched to cover the whole day here (before 12:00 is morning, from 17:00 evening), so that an
    /// early or late request still reaches someone. A volunteer who gave no times is taken to be flexible.
    /// </summary>
    public static bool Covers(WeeklyAvailability availability, DateTimeOffset? startsAt, DateTimeOffset endsAt, DateTimeOffset now)
    {
        if (availability.IsEmpty) return true;
        var from = startsAt is { } s && s > now ? s : now;
        // A week holds every day part once; looking further only repeats.
        var to = endsAt < from.AddDays(7) ? endsAt : from.AddDays(7);
        for (var moment = from; moment < to; moment += Step)
        {
            if (Holds(availability, moment)) return true;
        }
        return from == to ? false : Holds(availability, to.AddTicks(-1));
    }

    private static bool Holds(WeeklyAvailability availability, DateTimeOffset moment)
    {
        var local = moment.ToAmsterdam();
        var part = local.Hour < 12 ? DayPart.Morning : local.Hour < 17 ? DayPart.Afternoon : DayPart.Evening;
        return availability.Contains(local.DayOfWeek, part);
    }
}
