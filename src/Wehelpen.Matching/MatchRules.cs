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

    /// <summary>Between 0 and 1, higher is better: near, not busy, not asked lately, and keeps their word.</summary>
    public static double Score(double distanceMetres, VolunteerStats stats, DateTimeOffset now, MatchingOptions options)
    {
        var candidate = new Candidate();
        candidate.Take(stats);
        return Score(in candidate, distanceMetres, now, options);
    }

    internal static double Score(in Candidate c, double distanceMetres, DateTimeOffset now, MatchingOptions options)
    {
        var distance = 1 / (1 + distanceMetres / options.ReferenceDistanceMetres);
        var load = 1.0 / (1 + c.OpenClaims);
        var fairness = 1.0;
        if (c.Alerts is not null)
        {
            var alerts = c.AlertsSince(now - VolunteerStats.FairnessWindow);
            var rested = Math.Clamp((now - c.LastAlertedAt!.Value) / options.RestedAfter, 0, 1);
            fairness = Math.Max(0, 1 - (double)alerts / options.AlertsPerWeek) * (0.5 + 0.5 * rested);
        }
        return options.DistanceWeight * distance + options.LoadWeight * load
             + options.FairnessWeight * fairness + options.ReliabilityWeight * c.Reliability;
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
