namespace Wehelpen.Web.Features.Requests.Series.Regulars;

/// <param name="Days">The weekdays of the series they offer to take ("every Tuesday"); empty or null for every occurrence.</param>
public sealed record RegularOfferInput(DayOfWeek[]? Days);

/// <summary>An arrangement as the volunteer and the circle see it: the series' rule, never its address or phone.</summary>
/// <param name="Days">The weekdays they take; empty for every occurrence.</param>
/// <param name="HandedOver">After accepting: open occurrences now theirs. After ending: occurrences of theirs that went out again.</param>
public sealed record RegularResponse(
    Guid Id, Guid SeriesId, Guid CircleId, string SeriesTitle, string VolunteerName, IReadOnlyList<DayOfWeek> Days,
    RegularStatus Status, DateTimeOffset OfferedAt, DateTimeOffset? AnsweredAt, DateTimeOffset? EndedAt, RegularSide? EndedBy,
    SeriesFrequency Frequency, IReadOnlyList<DayOfWeek> SeriesDays, int? DayOfMonth, bool Flexible, TimeOnly? StartTime, TimeOnly? EndTime,
    int HandedOver = 0);

/// <summary>
/// What the helper of one occurrence may do about its series: offer to be its regular volunteer, or see the
/// arrangement they have. Null for a request that is not theirs or not part of a series.
/// </summary>
/// <param name="TakenDays">Days another regular volunteer already has; every day when one has them all.</param>
public sealed record RegularChoice(
    Guid RequestId, Guid SeriesId, string SeriesTitle, SeriesFrequency Frequency, IReadOnlyList<DayOfWeek> SeriesDays,
    bool SeriesGoesOn, RegularResponse? Mine, IReadOnlyList<DayOfWeek> TakenDays)
{
    public bool CanOffer => SeriesGoesOn && Mine is not { Status: RegularStatus.Offered or RegularStatus.Accepted } && (AllFree || FreeDays.Count > 0);

    /// <summary>The weekdays of a weekly series nobody has yet; a monthly series is offered whole.</summary>
    public IReadOnlyList<DayOfWeek> FreeDays => Frequency == SeriesFrequency.Monthly ? [] : SeriesDays.Except(TakenDays).ToList();

    /// <summary>Nobody has any of it: the whole series can be offered.</summary>
    public bool AllFree => TakenDays.Count == 0;
}
