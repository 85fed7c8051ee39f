namespace Wehelpen.Web.Hosting;

/// <summary>
/// The product's one time zone. Moments are stored in UTC; people read and type Amsterdam wall-clock time, which
/// this converts both ways, right across the daylight-saving changes.
/// </summary>
public static class AmsterdamTime
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");

    public static DateTimeOffset ToAmsterdam(this DateTimeOffset moment) => TimeZoneInfo.ConvertTime(moment, Zone);

    public static DateTimeOffset AmsterdamNow(this TimeProvider clock) => clock.GetUtcNow().ToAmsterdam();

    public static DateOnly AmsterdamToday(this TimeProvider clock) => DateOnly.FromDateTime(clock.AmsterdamNow().DateTime);
}
