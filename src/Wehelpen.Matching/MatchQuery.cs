namespace Wehelpen.Matching;

/// <summary>
/// One request's question to matching: who near this point helps with this category at one of these parts of the
/// week (see <see cref="WeekSlots.Covering"/>)? <see cref="Exclude"/> holds those asked in earlier waves.
/// </summary>
public sealed record MatchQuery(double Latitude, double Longitude, int Category, int WeekSlots, DateTimeOffset Now, int Take)
{
    public string? RequesterId { get; init; }
    public IReadOnlySet<string> Blocked { get; init; } = Empty;
    public IReadOnlySet<string> Exclude { get; init; } = Empty;
    public double RadiusFactor { get; init; } = 1;

    private static readonly IReadOnlySet<string> Empty = new HashSet<string>();
}

/// <summary>Why a volunteer was chosen, in terms the volunteer and an administrator can check.</summary>
public sealed record MatchReasons(
    double DistanceMetres,
    bool InChosenArea,
    bool Widened,
    int Category,
    int AvailableSlots,
    bool AnyTime,
    int OpenClaims,
    int AlertsThisWeek,
    double Reliability);

public sealed record VolunteerMatch(string VolunteerId, double Score, MatchReasons Reasons);

/// <param name="Top">The best <see cref="MatchQuery.Take"/>, best first.</param>
/// <param name="Eligible">Everyone who could have been chosen.</param>
/// <param name="OverWeeklyCap">Who would have been eligible but was alerted the most times a week allows.</param>
public sealed record MatchResult(IReadOnlyList<VolunteerMatch> Top, int Eligible, int OverWeeklyCap);

/// <summary>An open request in a volunteer's list, with its distance from their home.</summary>
public readonly record struct NearbyRequest(Guid RequestId, double DistanceMetres);
