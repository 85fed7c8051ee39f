using Wehelpen.Web.Features.Areas;

namespace Wehelpen.Web.Features.Neighbourhoods.Figures;

/// <summary>
/// One figure as it may be shown: a value, or why not. <see cref="Suppressed"/> is "small" (a count from 1 to below
/// the minimum), "secondary" (hidden so that a small count cannot be worked back from a total, or a share or median
/// over too few requests); both have no value. No value and not suppressed: there is nothing to work out (no requests).
/// </summary>
public sealed record FigureValue(double? Value, string? Suppressed)
{
    public const string Small = "small";
    public const string Secondary = "secondary";

    public static readonly FigureValue None = new(null, null);

    [System.Text.Json.Serialization.JsonIgnore] public bool IsSuppressed => Suppressed is not null;
}

/// <summary>The figures of one gebied (or a total) over one week or the whole period.</summary>
/// <param name="Asked">Requests asked (created) in the week.</param>
/// <param name="Claimed">Of those, claimed at some time (the first claim counts, also if given back later).</param>
/// <param name="ClaimedWithin24Hours">Share (0-1) of those asked that were claimed within 24 hours of being asked.</param>
/// <param name="MedianHoursToClaim">Median hours from asked to the first claim, over those claimed.</param>
/// <param name="ConfirmedHelp">Requests closed in the week as done and confirmed by both the helper and the circle.</param>
/// <param name="ActiveVolunteers">See <see cref="FigureCalculator"/>; over a period: in its last week.</param>
/// <param name="RequestsPerVolunteer">Requests asked per week per active volunteer: high means volunteers are short.</param>
public sealed record FigureSet(
    FigureValue Asked, FigureValue Claimed, FigureValue ClaimedWithin24Hours, FigureValue MedianHoursToClaim,
    FigureValue ConfirmedHelp, FigureValue ActiveVolunteers, FigureValue RequestsPerVolunteer);

/// <param name="Week">ISO week, "2026-W48".</param>
/// <param name="Monday">Its Monday, in Amsterdam.</param>
public sealed record WeekFigures(string Week, DateOnly Monday, FigureSet Figures);

public sealed record AreaFigures(string Code, int Number, string Name, string Stadsdeel, IReadOnlyList<WeekFigures> Weeks, FigureSet Total);

public sealed record StadsdeelFigures(string Code, string Name, IReadOnlyList<string> Areas, FigureSet Total);

/// <summary>
/// Figures for the gebieden someone may see, per week and over the period, with their totals together and per
/// stadsdeel. Counts below <see cref="MinimumCount"/> are already suppressed: nothing here needs hiding any more.
/// </summary>
public sealed record FiguresReport(
    int Weeks, DateOnly From, DateOnly Until, int MinimumCount,
    IReadOnlyList<AreaFigures> Areas, IReadOnlyList<WeekFigures> TotalWeeks, FigureSet Total,
    IReadOnlyList<StadsdeelFigures> Stadsdelen);
