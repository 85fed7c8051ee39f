using Wehelpen.Matching;
using Wehelpen.Web.Features.Profiles;

namespace Wehelpen.Web.Features.Requests;

/// <summary>Whether a request's time falls in a part of the week a volunteer said they can usually help.</summary>
public static class AvailabilityMatch
{
    /// <summary>
    /// True when any moment of the request's window (from now on) lies in one of the volunteer's day parts (see
    /// <see cref="WeekSlots"/>: the day parts stretch to cover the whole day). A volunteer who gave no times is
    /// taken to be flexible.
    /// </summary>
    public static bool Covers(WeeklyAvailability availability, DateTimeOffset? startsAt, DateTimeOffset endsAt, DateTimeOffset now) =>
        availability.IsEmpty || (availability.Mask & WeekSlots.Covering(startsAt, endsAt, now)) != 0;
}
