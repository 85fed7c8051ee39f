namespace Wehelpen.Matching;

/// <summary>
/// What a match is and how it ranks: the one definition both the index and the brute-force scan use, so that the
/// index can only ever differ by which volunteers it looks at.
/// </summary>
public static class MatchRules
{
    public enum Outcome { No, OverWeeklyCap, Yes }

    public static Outcome Check(Volunteer v, VolunteerStats stats, MatchQuery q, MatchingOptions options, out double distanceMetres)
    {
        var candidate = Candidate.From(v, stats);
        return Check(in candidate, new PreparedQuery(q, options), out distanceMetres);
    }

    internal static Outcome Check(in Candidate c, PreparedQuery q, out double distanceMetres)
    {
        distanceMetres = double.PositiveInfinity;
        var query = q.Query;
        if ((c.Categories & query.Category) == 0) return Outcome.No;
        if (!WeekSlots.Available(c.Availability, query.WeekSlots)) return Outcome.No;
        var covered = c.HasChosenAreas
            ? c.Volunteer.Area.Covers(query.Latitude, query.Longitude, query.RadiusFactor, out distanceMetres)
            : Earth.Within(c.Latitude, c.CosLatitude, c.Longitude, c.RadiusMetres * query.RadiusFactor, query.Latitude, q.CosLatitude, query.Longitude, out distanceMetres);
        if (!covered || q.Excludes(in c)) return Outcome.No;
        return c.AlertsSince(q.FairnessSince) >= q.Options.AlertsPerWeek ? Outcome.OverWeeklyCap : Outcome.Yes;
    }

    /// <summary>
    /// <see cref="Check"/> and <see cref="Score"/> for one candidate, offered to <paramref name="top"/> and counted;
    /// what both the index and the brute-force scan run for every volunteer they look at. The answer is exactly
    /// theirs; the work is less: distance bounds without trigonometry settle most candidates in or out, and the exact
    /// distance is worked out only for those that are near the edge or could still enter the top.
    /// </summary>
    internal static void Consider(in Candidate c, PreparedQuery q, TopK top, ref int eligible, ref int overCap)
    {
        var query = q.Query;
        if ((c.Categories & query.Category) == 0) return;
        if (c.HasChosenAreas)
        {
            if (!WeekSlots.Available(c.Availability, query.WeekSlots)
                || !c.Volunteer.Area.Covers(query.Latitude, query.Longitude, query.RadiusFactor, out var distance)) return;
            ConsiderCovered(in c, q, distance, distance, top, ref eligible, ref overCap);
        }
        else if (MayReach(c.Availability, c.Latitude, c.CosLatitude, c.Longitude, c.RadiusMetres, q, out var bounds))
            ConsiderNear(in c, q, bounds, top, ref eligible, ref overCap);
    }

    /// <summary>
    /// The first look at a radius volunteer, from the few fields the index keeps apart for it: available then, and
    /// not surely too far (bounds on the distance without trigonometry settle most candidates).
    /// </summary>
    internal static bool MayReach(int availability, double latitude, double cos, double longitude, double radiusMetres, PreparedQuery q, out Earth.DistanceBounds bounds)
    {
        var query = q.Query;
        if (!WeekSlots.Available(availability, query.WeekSlots))
        {
            bounds = default;
            return false;
        }
        bounds = Earth.Bounds(latitude, cos, longitude, query.Latitude, q.CosLatitude, query.Longitude);
        return !bounds.SurelyBeyond(radiusMetres * query.RadiusFactor);
    }

    /// <summary>A radius volunteer of the query's category who <see cref="MayReach"/> the point: settles the rest.</summary>
    internal static void ConsiderNear(in Candidate c, PreparedQuery q, Earth.DistanceBounds bounds, TopK top, ref int eligible, ref int overCap)
    {
        var query = q.Query;
        var radius = c.RadiusMetres * query.RadiusFactor;
        if (bounds.SurelyWithin(radius))
        {
            ConsiderCovered(in c, q, double.NaN, bounds.AtLeast, top, ref eligible, ref overCap);
            return;
        }
        var distance = Earth.Haversine(c.Latitude, c.CosLatitude, c.Longitude, query.Latitude, q.CosLatitude, query.Longitude);
        if (distance <= radius) ConsiderCovered(in c, q, distance, distance, top, ref eligible, ref overCap);
    }

    /// <summary>
    /// A volunteer whose area covers the point, with the distance (NaN when not worked out yet) and a lower bound on
    /// it. The exact distance is worked out only for a candidate that could still enter the top.
    /// </summary>
    private static void ConsiderCovered(in Candidate c, PreparedQuery q, double distance, double atLeast, TopK top, ref int eligible, ref int overCap)
    {
        if (q.Excludes(in c)) return;
        var options = q.Options;
        var alerts = c.AlertsSince(q.FairnessSince);
        if (alerts >= options.AlertsPerWeek)
        {
            overCap++;
            return;
        }
        eligible++;
        var toBeat = top.ScoreToBeat;
        var others = OtherParts(in c, alerts, q.Query.Now, options);
        // The score falls with distance: at distance 0, and then at the lower bound, is the most it can reach.
        if (options.DistanceWeight + others < toBeat || DistancePart(atLeast, options) + others < toBeat) return;
        if (double.IsNaN(distance))
        {
            var query = q.Query;
            distance = Earth.Haversine(c.Latitude, c.CosLatitude, c.Longitude, query.Latitude, q.CosLatitude, query.Longitude);
        }
        top.Offer(in c, DistancePart(distance, options) + others, distance);
    }

    /// <summary>Between 0 and 1, higher is better: near, not busy, not asked lately, and keeps their word.</summary>
    public static double Score(double distanceMetres, VolunteerStats stats, DateTimeOffset now, MatchingOptions options)
    {
        var candidate = new Candidate();
        candidate.Take(stats);
        return DistancePart(distanceMetres, options) + OtherParts(in candidate, candidate.AlertsSince(now - VolunteerStats.FairnessWindow), now, options);
    }

    private static double DistancePart(double distanceMetres, MatchingOptions options) =>
        options.DistanceWeight / (1 + distanceMetres / options.ReferenceDistanceMetres);

    /// <summary>Load, fairness and reliability.</summary>
    private static double OtherParts(in Candidate c, int alertsThisWeek, DateTimeOffset now, MatchingOptions options)
    {
        var fairness = 1.0;
        if (c.Alerts is not null)
        {
            var rested = Math.Clamp((now - c.LastAlertedAt!.Value) / options.RestedAfter, 0, 1);
            fairness = Math.Max(0, 1 - (double)alertsThisWeek / options.AlertsPerWeek) * (0.5 + 0.5 * rested);
        }
        return options.LoadWeight / (1 + c.OpenClaims) + options.FairnessWeight * fairness + options.ReliabilityWeight * c.Reliability;
    }

    /// <summary>Best first: higher score, then nearer, then by id, so that equal candidates always come in one order.</summary>
    public static int Compare(double scoreA, double distanceA, string idA, double scoreB, double distanceB, string idB)
    {
        var byScore = scoreB.CompareTo(scoreA);
        if (byScore != 0) return byScore;
        var byDistance = distanceA.CompareTo(distanceB);
        return byDistance != 0 ? byDistance : string.CompareOrdinal(idA, idB);
    }

    internal static VolunteerMatch Explain(in Candidate c, MatchQuery q, double score, double distanceMetres)
    {
        var anyTime = (c.Availability & WeekSlots.All) == 0;
        return new(c.Id, score, new MatchReasons(
            distanceMetres,
            c.HasChosenAreas,
            !c.HasChosenAreas && distanceMetres > c.RadiusMetres,
            c.Categories & q.Category,
            anyTime ? q.WeekSlots : c.Availability & q.WeekSlots,
            anyTime,
            c.OpenClaims,
            c.AlertsSince(q.Now - VolunteerStats.FairnessWindow),
            c.Reliability));
    }

    /// <summary>Whether an open request belongs in this volunteer's list.</summary>
    public static bool Sees(Volunteer v, OpenRequest r, int requestSlots, IReadOnlySet<Guid> blockedBy, out double distanceMetres)
    {
        distanceMetres = 0;
        return (v.Categories & r.Category) != 0
            && r.RequesterId != v.Id
            && !blockedBy.Contains(r.CircleId)
            && WeekSlots.Available(v.Availability, requestSlots)
            && v.Area.Covers(r.Latitude, r.Longitude, 1, out distanceMetres);
    }
}
