namespace Wehelpen.Web.Features.Agenda;

/// <summary>
/// A new or changed appointment, in Amsterdam wall-clock time as people type it. Texts, not typed values, so that
/// each unreadable field gets its own message. Changing a weekly item changes the whole series.
/// </summary>
/// <param name="Date">The (first) date: "2026-04-14" (also "14-4-2026").</param>
/// <param name="StartTime">"10:00", 24-hour. A time that is skipped when summer time starts (29 March 2026 02:30) is refused;
/// a time that happens twice when it ends (25 October 2026 02:30) means the first one, still summer time (RFC 5545).</param>
/// <param name="EndTime">"11:30", later than the start on the same day.</param>
/// <param name="RepeatUntil">With <paramref name="RepeatWeekly"/>: the last date it may fall on; empty repeats without end.</param>
/// <param name="AllowOverlap">True to save although another appointment of the circle is at the same time ("toch opslaan").</param>
public sealed record AppointmentRequest(
    string? Title,
    string? Date,
    string? StartTime,
    string? EndTime,
    string? Place = null,
    string? Notes = null,
    bool? RepeatWeekly = null,
    string? RepeatUntil = null,
    bool? AllowOverlap = null);

/// <summary>An appointment (a series, for a weekly item), with its first occurrence in Amsterdam time.</summary>
public sealed record AppointmentResponse(
    Guid Id,
    Guid CircleId,
    string Title,
    string? Place,
    string? Notes,
    DateOnly Date,
    string StartTime,
    string EndTime,
    bool RepeatsWeekly,
    DateOnly? RepeatUntil,
    DateTimeOffset FirstStart,
    DateTimeOffset FirstEnd,
    string CreatedBy,
    DateTimeOffset UpdatedAt);

public sealed record CompanionResponse(string UserId, string DisplayName);

/// <summary>One occurrence: an appointment on one date, with its start and end in Amsterdam time and who goes along.</summary>
public sealed record OccurrenceResponse(
    Guid AppointmentId,
    Guid CircleId,
    DateOnly Date,
    DateTimeOffset Start,
    DateTimeOffset End,
    string Title,
    string? Place,
    string? Notes,
    bool RepeatsWeekly,
    IReadOnlyList<CompanionResponse> Companions,
    bool IGoAlong);

/// <summary>The occurrences from one Amsterdam date up to and including another.</summary>
public sealed record AgendaResponse(DateOnly From, DateOnly To, IReadOnlyList<OccurrenceResponse> Occurrences);

/// <summary>For the workload overview: one member going along to one occurrence.</summary>
public sealed record CompanionRecord(string UserId, Guid AppointmentId, DateOnly OccurrenceDate, DateTimeOffset OccurrenceStartUtc);

/// <summary>
/// The person's private calendar link, to subscribe to in a phone's calendar. Only the answer that makes the link
/// carries it (the first GET, or a reset): it is stored as a hash, so later answers say since when a link exists.
/// </summary>
/// <param name="Url">https:// for calendars that ask for an address (Google Calendar); null when the link was made earlier.</param>
/// <param name="WebcalUrl">webcal:// which an iPhone opens as a subscription with one tap; null when the link was made earlier.</param>
/// <param name="CreatedAt">When the current link was made.</param>
public sealed record CalendarFeedResponse(string? Url, string? WebcalUrl, DateTimeOffset CreatedAt);
