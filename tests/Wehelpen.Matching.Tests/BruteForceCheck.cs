using System.Globalization;
using System.Text;

namespace Wehelpen.Matching.Tests;

/// <summary>
/// Asks the engine and the brute-force scan the same random questions about a <see cref="RandomWorld"/> and fails with
/// the question and both answers when they differ anywhere: the best volunteers, their order, scores and reasons, the
/// counts, and the lists of nearby requests.
/// </summary>
internal static class BruteForceCheck
{
    /// <summary>Returns how many queries found anyone and how many met someone over the weekly cap.</summary>
    public static (int FoundAnyone, int MetTheCap) Matches(RandomWorld world, MatchingEngine engine, int queries)
    {
        var reach = new WithinReach(world.Volunteers.Values);
        var failures = new List<string>();
        var (anyone, capped) = (0, 0);
        for (var i = 0; i < queries; i++)
        {
            var query = world.NewQuery(engine);
            // Every 100th query the scan goes over everyone; the others over those who could reach the point at all.
            var expected = BruteForce.Match(i % 100 == 0 ? reach.Everyone : reach.Of(query), query, engine.Options);
            var actual = engine.Match(query);
            if (expected.Eligible > 0) anyone++;
            if (expected.OverWeeklyCap > 0) capped++;
            if (!Same(expected, actual)) failures.Add($"{Describe(query)}\n  brute force: {Describe(expected)}\n  engine:      {Describe(actual)}");
        }
        Assert.True(failures.Count == 0, $"{failures.Count} of {queries} queries differ, the first:\n{string.Join("\n", failures.Take(3))}");
        return (anyone, capped);
    }

    /// <summary>Returns how many volunteers saw any request.</summary>
    public static int NearMe(RandomWorld world, MatchingEngine engine, int volunteers)
    {
        var failures = new List<string>();
        var seenAny = 0;
        for (var i = 0; i < volunteers; i++)
        {
            var id = world.Random.Next(10) switch
            {
                0 => "nobody",
                < 4 when world.WithARequestOnTheEdge.Count > 0 => world.WithARequestOnTheEdge[world.Random.Next(world.WithARequestOnTheEdge.Count)],
                _ => world.SomeId(),
            };
            var now = RandomWorld.Base.AddMinutes(world.Random.Next(-24 * 60, 4 * 24 * 60));
            var blockedBy = new HashSet<Guid>(world.Circles.Where(_ => world.Chance(0.1)));
            IReadOnlyList<NearbyRequest> expected = world.Volunteers.TryGetValue(id, out var v)
                ? BruteForce.NearMe(v.Volunteer, world.Requests.Values, now, blockedBy)
                : [];
            var actual = engine.NearMe(id, now, blockedBy);
            if (expected.Count > 0) seenAny++;
            if (!expected.SequenceEqual(actual))
                failures.Add($"NearMe({id}, {now:O}, blocked by [{string.Join(", ", blockedBy)}])\n  brute force: {string.Join(", ", expected)}\n  engine:      {string.Join(", ", actual)}");
        }
        Assert.True(failures.Count == 0, $"{failures.Count} of {volunteers} lists differ, the first:\n{string.Join("\n", failures.Take(3))}");
        return seenAny;
    }

    private static bool Same(MatchResult a, MatchResult b) =>
        a.Eligible == b.Eligible && a.OverWeeklyCap == b.OverWeeklyCap && a.Top.SequenceEqual(b.Top);

    private static string Describe(MatchQuery q) => string.Create(CultureInfo.InvariantCulture,
        $"Match at ({q.Latitude:R}, {q.Longitude:R}) category {q.Category} slots {q.WeekSlots} now {q.Now:O} take {q.Take} factor {q.RadiusFactor} " +
        $"requester {q.RequesterId ?? "-"} blocked [{string.Join(",", q.Blocked)}] exclude [{string.Join(",", q.Exclude)}]");

    private static string Describe(MatchResult r)
    {
        var text = new StringBuilder($"eligible {r.Eligible}, over cap {r.OverWeeklyCap}, top:");
        foreach (var m in r.Top) text.Append(CultureInfo.InvariantCulture, $"\n    {m.VolunteerId} {m.Score:R} {m.Reasons}");
        return text.ToString();
    }
}
