using System.Globalization;
using Microsoft.Extensions.Localization;
using Wehelpen.Web.Hosting;

namespace Wehelpen.Web.Features.Agenda;

/// <summary>Reading dates and times as people type them, with a message per field when that fails.</summary>
internal static class AgendaInput
{
    // A date field is "2026-04-14" from a browser's date picker, or typed the Dutch way where there is no picker.
    private static readonly string[] DateFormats = ["yyyy-MM-dd", "d-M-yyyy", "d/M/yyyy"];
    private static readonly string[] TimeFormats = ["H:mm", "H.mm", "H:mm:ss"];

    public static DateOnly? Date(this FieldErrors errors, IStringLocalizer text, string field, string? value)
    {
        if (DateOnly.TryParseExact(value?.Trim(), DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            return date;
        errors.Add(field, text["Agenda.DateInvalid"]);
        return null;
    }

    /// <summary>Null when left empty; a message when filled in but unreadable.</summary>
    public static DateOnly? OptionalDate(this FieldErrors errors, IStringLocalizer text, string field, string? value) =>
        string.IsNullOrWhiteSpace(value) ? null : errors.Date(text, field, value);

    /// <summary>Whole minutes: seconds play no part in an appointment.</summary>
    public static TimeOnly? Time(this FieldErrors errors, IStringLocalizer text, string field, string? value)
    {
        if (TimeOnly.TryParseExact(value?.Trim(), TimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
            return new TimeOnly(time.Hour, time.Minute);
        errors.Add(field, text["Agenda.TimeInvalid"]);
        return null;
    }

    /// <summary>A time that does not exist on that date: the hour skipped when summer time starts.</summary>
    public static void RefuseSkippedTime(this FieldErrors errors, IStringLocalizer text, string field, DateOnly date, TimeOnly time)
    {
        if (WallClock.Check(date, time) != WallClockKind.Skipped || WallClock.GapOn(date) is not { } gap) return;
        errors.Add(field, text["Agenda.TimeSkipped",
            AgendaFormat.LongDay(date), AgendaFormat.Time(time), AgendaFormat.Time(gap.From), AgendaFormat.Time(gap.To)]);
    }
}

/// <summary>Dates and times shown the Dutch way, 24-hour: "di 14 april 10:00–11:30".</summary>
public static class AgendaFormat
{
    public static string Time(TimeOnly time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);

    public static string Time(DateTimeOffset moment) => moment.ToAmsterdam().ToString("HH:mm", CultureInfo.InvariantCulture);

    /// <summary>"dinsdag 14 april".</summary>
    public static string Day(DateOnly date) => date.ToString("dddd d MMMM", CultureInfo.CurrentCulture);

    /// <summary>"dinsdag 14 april 2026".</summary>
    public static string LongDay(DateOnly date) => date.ToString("dddd d MMMM yyyy", CultureInfo.CurrentCulture);

    /// <summary>"14 april 2026".</summary>
    public static string Date(DateOnly date) => date.ToString("d MMMM yyyy", CultureInfo.CurrentCulture);

    /// <summary>"10:00–11:30".</summary>
    public static string Times(DateTimeOffset start, DateTimeOffset end) => $"{Time(start)}–{Time(end)}";

    /// <summary>"di 14 april 10:00–11:30".</summary>
    public static string When(DateTimeOffset start, DateTimeOffset end) =>
        $"{start.ToAmsterdam().ToString("ddd d MMMM", CultureInfo.CurrentCulture)} {Times(start, end)}";
}
