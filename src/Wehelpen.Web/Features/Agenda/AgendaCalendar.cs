namespace Wehelpen.Web.Features.Agenda;

/// <summary>
/// The iCalendar document of a feed. Times are written as Amsterdam wall-clock time with TZID=Europe/Amsterdam and
/// its VTIMEZONE, and weekly items as RRULE:FREQ=WEEKLY, so a phone shows a weekly 10:00 at 10:00 on both sides of a
/// daylight-saving change, just as the app does (both follow RFC 5545 for times skipped or doubled by the change).
/// </summary>
internal static class AgendaCalendar
{
    public const string TimeZoneId = "Europe/Amsterdam";

    /// <param name="CircleName">Put before the title and as the category: people in several circles must tell them apart.</param>
    public sealed record Event(Appointment Appointment, string CircleName, string Link);

    // Central European Time as the EU has had it since 1996: summer time from the last Sunday of March 02:00 to the
    // last Sunday of October 03:00.
    private const string AmsterdamTimeZone = """
        BEGIN:VTIMEZONE
        TZID:Europe/Amsterdam
        BEGIN:DAYLIGHT
        TZOFFSETFROM:+0100
        TZOFFSETTO:+0200
        TZNAME:CEST
        DTSTART:19810329T020000
        RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU
        END:DAYLIGHT
        BEGIN:STANDARD
        TZOFFSETFROM:+0200
        TZOFFSETTO:+0100
        TZNAME:CET
        DTSTART:19961027T030000
        RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU
        END:STANDARD
        END:VTIMEZONE
        """;

    public static string Write(IEnumerable<Event> events)
    {
        var calendar = new ICalendarWriter()
            .Property("BEGIN", "VCALENDAR")
            .Property("VERSION", "2.0")
            .Property("PRODID", "-//Wehelpen//Agenda//NL")
            .Property("CALSCALE", "GREGORIAN")
            .Property("METHOD", "PUBLISH")
            .Text("X-WR-CALNAME", "Wehelpen")
            .Property("X-WR-TIMEZONE", TimeZoneId)
            // Calendar apps choose how often they look; these ask for once an hour.
            .Property("REFRESH-INTERVAL;VALUE=DURATION", "PT1H")
            .Property("X-PUBLISHED-TTL", "PT1H")
            .Lines(AmsterdamTimeZone);
        foreach (var e in events) WriteEvent(calendar, e);
        return calendar.Property("END", "VCALENDAR").ToString();
    }

    private static void WriteEvent(ICalendarWriter calendar, Event e)
    {
        var a = e.Appointment;
        calendar.Property("BEGIN", "VEVENT")
            .Property("UID", $"{a.Id}@wehelpen")
            .Property("DTSTAMP", ICalendarWriter.Utc(a.UpdatedAt))
            .Property("CREATED", ICalendarWriter.Utc(a.CreatedAt))
            .Property("LAST-MODIFIED", ICalendarWriter.Utc(a.UpdatedAt))
            .Property($"DTSTART;TZID={TimeZoneId}", ICalendarWriter.Local(a.StartDate, a.StartTime))
            .Property($"DTEND;TZID={TimeZoneId}", ICalendarWriter.Local(a.StartDate, a.EndTime));
        if (a.RepeatsWeekly)
        {
            // With a TZID start, UNTIL must be in UTC (RFC 5545 3.3.10): the start of the last occurrence.
            var until = a.LastDate is { } last ? $";UNTIL={ICalendarWriter.Utc(a.StartUtcOn(last))}" : "";
            calendar.Property("RRULE", "FREQ=WEEKLY" + until);
        }
        calendar.Text("SUMMARY", $"{e.CircleName}: {a.Title}")
            .Text("CATEGORIES", e.CircleName)
            .Text("LOCATION", a.Place)
            .Text("DESCRIPTION", a.Notes)
            .Property("URL", e.Link)
            .Property("END", "VEVENT");
    }
}
