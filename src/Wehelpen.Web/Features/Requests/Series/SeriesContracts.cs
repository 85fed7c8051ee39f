using Wehelpen.Web.Features.Profiles;

namespace Wehelpen.Web.Features.Requests.Series;

/// <summary>
/// How a request repeats: weekly or every two weeks on <paramref name="Days"/>, or monthly on
/// <paramref name="DayOfMonth"/> (1-28); until a date (<paramref name="UntilDate"/>) or a number of times (<paramref name="Times"/>).
/// </summary>
public sealed record RepeatInput(SeriesFrequency? Frequency, DayOfWeek[]? Days, int? DayOfMonth, DateOnly? UntilDate, int? Times);

/// <summary>
/// From <paramref name="From"/> on, the series goes on as <paramref name="Request"/> says (its title, times, place,
/// audience, and its <c>repeat</c>; without a repeat the rule stays as it was). Its date fields are not used.
/// </summary>
public sealed record ChangeSeriesInput(DateOnly? From, HelpRequestInput? Request);

/// <param name="Reason">Told to whoever had been asked or had taken an occurrence on, as for any cancelled request.</param>
public sealed record StopSeriesInput(DateOnly? From, string? Reason);

public sealed record SeriesOccurrenceResponse(Guid RequestId, DateOnly On, RequestStatus Status, string? ClaimedByName);

/// <param name="Occurrences">The occurrences made so far (up to the horizon ahead), oldest first.</param>
public sealed record SeriesResponse(
    Guid Id, Guid CircleId, string Title, HelpCategories Category, RequestAudience Audience,
    bool Flexible, TimeOnly? StartTime, TimeOnly? EndTime,
    SeriesFrequency Frequency, IReadOnlyList<DayOfWeek> Days, int? DayOfMonth,
    DateOnly FirstDate, DateOnly? Until, int? Times, DateOnly? StoppedFrom,
    IReadOnlyList<SeriesOccurrenceResponse> Occurrences);

/// <param name="Series">The new series, from the date of the change on.</param>
/// <param name="KeptWithHelper">
/// Occurrences from that date on that someone had already taken on: they keep their helper and their old time and
/// now belong to the new series; the circle talks them over with the helper.
/// </param>
/// <param name="Cancelled">Open occurrences of the old series from that date on, cancelled as any request is.</param>
public sealed record SeriesChanged(SeriesResponse Series, IReadOnlyList<SeriesOccurrenceResponse> KeptWithHelper, int Cancelled);

/// <summary>An occurrence being posted: its series (added in the same save when <paramref name="IsNew"/>) and its date.</summary>
/// <param name="RegularId">The series' regular volunteer for that date (Series/Regulars): the occurrence is made theirs.</param>
public sealed record SeriesOccurrence(RequestSeries Series, DateOnly On, bool IsNew, string? RegularId = null);
