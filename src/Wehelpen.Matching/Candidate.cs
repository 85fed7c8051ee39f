using System.Numerics;

namespace Wehelpen.Matching;

/// <summary>
/// What matching reads of a volunteer, in little more than one cache line (80 bytes). The index keeps these inline in its cells, so that most
/// candidates are judged without following a pointer; the brute-force scan builds the same from each volunteer.
/// </summary>
internal struct Candidate
{
    public double Latitude;
    public double CosLatitude;
    public double Longitude;
    /// <summary>0 for a volunteer with chosen areas.</summary>
    public double RadiusMetres;
    public int Categories;
    public int Availability;
    public int IdHash;
    public int OpenClaims;
    public double Reliability;
    /// <summary>Recent alert times; null when there were none.</summary>
    public DateTimeOffset[]? Alerts;
    /// <summary>The volunteer's id, kept here so that a chosen candidate is described without reading the volunteer.</summary>
    public string Id;
    public Volunteer Volunteer;

    public static Candidate From(Volunteer volunteer, VolunteerStats stats)
    {
        var candidate = new Candidate
        {
            Latitude = volunteer.Area.Latitude,
            CosLatitude = Earth.CosLatitude(volunteer.Area.Latitude),
            Longitude = volunteer.Area.Longitude,
            RadiusMetres = volunteer.Area.RadiusMetres,
            Categories = volunteer.Categories,
            Availability = volunteer.Availability,
            IdHash = volunteer.Id.GetHashCode(StringComparison.Ordinal),
            Id = volunteer.Id,
            Volunteer = volunteer,
        };
        candidate.Take(stats);
        return candidate;
    }

    public readonly bool HasChosenAreas => RadiusMetres <= 0;

    public void Take(VolunteerStats stats)
    {
        OpenClaims = stats.OpenClaims;
        Reliability = stats.Reliability;
        Alerts = stats.RecentAlerts.Count == 0 ? null : [.. stats.RecentAlerts];
    }

    public readonly int AlertsSince(DateTimeOffset since)
    {
        if (Alerts is null) return 0;
        var count = 0;
        foreach (var alert in Alerts) if (alert > since) count++;
        return count;
    }

    public readonly DateTimeOffset? LastAlertedAt => Alerts is null ? null : Alerts.Max();
}

/// <summary>A <see cref="MatchQuery"/> with what every candidate needs worked out once.</summary>
internal sealed class PreparedQuery
{
    private readonly HashSet<int> _excludedHashes = [];

    public PreparedQuery(MatchQuery query, MatchingOptions options)
    {
        if (!BitOperations.IsPow2(query.Category)) throw new ArgumentException("A request has exactly one category.", nameof(query));
        if (query.Take < 0) throw new ArgumentOutOfRangeException(nameof(query), "Take cannot be negative.");
        Query = query;
        Options = options;
        CosLatitude = Earth.CosLatitude(query.Latitude);
        FairnessSince = query.Now - VolunteerStats.FairnessWindow;
        foreach (var id in query.Exclude.Concat(query.Blocked)) _excludedHashes.Add(id.GetHashCode(StringComparison.Ordinal));
        if (query.RequesterId is { } requester) _excludedHashes.Add(requester.GetHashCode(StringComparison.Ordinal));
    }

    public MatchQuery Query { get; }
    public MatchingOptions Options { get; }
    public DateTimeOffset FairnessSince { get; }
    public double CosLatitude { get; }

    /// <summary>The requester, someone asked before, or someone the circle blocked; the hash settles most at once.</summary>
    public bool Excludes(in Candidate c) =>
        _excludedHashes.Count != 0 && _excludedHashes.Contains(c.IdHash)
        && (c.Id == Query.RequesterId || Query.Exclude.Contains(c.Id) || Query.Blocked.Contains(c.Id));
}
