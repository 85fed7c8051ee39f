namespace Wehelpen.Matching;

/// <summary>
/// Matching without an index: every volunteer, every request, checked one by one. The reference the engine is
/// compared with in the tests and the benchmark.
/// </summary>
public static class BruteForce
{
    public static MatchResult Match(IEnumerable<(Volunteer Volunteer, VolunteerStats Stats)> volunteers, MatchQuery query, MatchingOptions options) =>
        Match(volunteers.Select(v => Candidate.From(v.Volunteer, v.Stats)).ToArray(), query, options);

    /// <summary>The scan over volunteers already in matching's form: what the benchmark times.</summary>
    internal static MatchResult Match(Candidate[] volunteers, MatchQuery query, MatchingOptions options)
    {
        var prepared = new PreparedQuery(query, options);
        var top = new TopK(query.Take);
        int eligible = 0, overCap = 0;
        for (var i = 0; i < volunteers.Length; i++)
        {
            MatchRules.Consider(in volunteers[i], prepared, top, ref eligible, ref overCap);
        }
        return new MatchResult(top.Explain(query), eligible, overCap);
    }

    public static IReadOnlyList<NearbyRequest> NearMe(Volunteer volunteer, IEnumerable<OpenRequest> requests, DateTimeOffset now, IReadOnlySet<Guid> blockedBy)
    {
        var seen = new List<NearbyRequest>();
        foreach (var request in requests)
        {
            if (request.EndsAt <= now) continue;
            var slots = WeekSlots.Covering(request.StartsAt, request.EndsAt, now);
            if (MatchRules.Sees(volunteer, request, slots, blockedBy, out var distance)) seen.Add(new NearbyRequest(request.Id, distance));
        }
        seen.Sort(NearbyOrder);
        return seen;
    }

    internal static int NearbyOrder(NearbyRequest a, NearbyRequest b)
    {
        var byDistance = a.DistanceMetres.CompareTo(b.DistanceMetres);
        return byDistance != 0 ? byDistance : a.RequestId.CompareTo(b.RequestId);
    }
}
