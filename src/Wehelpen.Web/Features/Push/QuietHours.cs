using Wehelpen.Web.Hosting;

namespace Wehelpen.Web.Features.Push;

/// <summary>
/// The hours in which a person wants no pushes that can wait, in Amsterdam time (e.g. 22:00-08:00, across midnight).
/// A push that falls in them waits until they end; one that cannot wait goes at once.
/// </summary>
public sealed record QuietHours(TimeOnly From, TimeOnly Until)
{
    public static readonly QuietHours None = new(TimeOnly.MinValue, TimeOnly.MinValue);

    public bool IsNone => From == Until;

    /// <summary>When a push made at <paramref name="now"/> may go: now, or the end of the quiet hours it falls in.</summary>
    public DateTimeOffset Release(DateTimeOffset now)
    {
        if (IsNone) return now;
        var local = now.ToAmsterdam();
        var time = TimeOnly.FromDateTime(local.DateTime);
        if (!time.IsBetween(From, Until)) return now;
        // The end is today when it is still ahead, else tomorrow (quiet hours across midnight, before midnight).
        var day = DateOnly.FromDateTime(local.DateTime);
        if (time >= Until) day = day.AddDays(1);
        return WallClock.ToUtc(day, Until);
    }
}
