using System.Diagnostics;
using Wehelpen.Matching;

namespace Wehelpen.Benchmarks.Matching;

/// <summary>
/// The quick mode: for each size, build the engine, time Match, Upsert and NearMe call by call, and check every
/// answer against the brute-force scan over the same data. One line per measurement, key=value; exit code 1 when
/// any answer differs.
/// </summary>
internal static class QuickMatching
{
    private const int Queries = 10_000;
    private const int WarmUps = 1_000;
    private const int Updates = 10_000;

    public static int Run(string[] args)
    {
        var sizes = ResultLine.OptionValue(args, "--sizes")?.Split(',').Select(int.Parse).ToArray() ?? [10_000, 100_000, 1_000_000];
        var started = Stopwatch.GetTimestamp();
        var points = Pc4Points.Load();
        Console.WriteLine($"# {points.Count} usable PC4 points, density weight {points.Weights.Min()}-{points.Weights.Max()} "
            + $"(PC4 points within {Pc4Points.DensityRadiusMetres / 1000} km); radius {MatchingData.RadiusMetres / 1000} km, take {MatchingData.Take}");
        var mismatches = 0;
        foreach (var n in sizes)
        {
            var data = MeasureMatch(points, n, ref mismatches, out var engine);
            MeasureNearMe(data, engine, ref mismatches);
            MeasureUpdates(data, engine, ref mismatches);
        }
        Console.WriteLine(ResultLine.Format("# quick", ("seconds", Stopwatch.GetElapsedTime(started).TotalSeconds)));
        return mismatches == 0 ? 0 : 1;
    }

    private static MatchingData MeasureMatch(Pc4Points points, int n, ref int mismatches, out MatchingEngine engine)
    {
        // Memory: everything the volunteers add, as the web app would hold it (Volunteer records with their ids, areas
        // and stats, shared with the engine) plus the engine's index, plus this program's 20 bytes per volunteer of arrays.
        var before = GC.GetTotalMemory(true);
        var data = MatchingData.Generate(points, n);
        engine = new MatchingEngine(new MatchingOptions());
        var started = Stopwatch.GetTimestamp();
        engine.Load(data.Pairs, []);
        var build = Stopwatch.GetElapsedTime(started);
        var bytesPerVolunteer = (GC.GetTotalMemory(true) - before) / (double)n;

        var queries = data.Queries(Queries, seed: 2);
        var candidates = data.Candidates();
        var options = engine.Options;
        var warmEngine = engine;
        foreach (var query in data.Queries(WarmUps, seed: 3)) warmEngine.Match(query);
        foreach (var query in data.Queries(20, seed: 3)) BruteForce.Match(candidates, query, options);

        var results = new MatchResult[Queries];
        var timed = Latencies.Measure(Queries, i => results[i] = warmEngine.Match(queries[i]));
        // A full scan of a million volunteers takes milliseconds: a fixed subset keeps the run under a minute.
        var bruteResults = new MatchResult[n >= 1_000_000 ? 200 : Queries];
        var brute = Latencies.Measure(bruteResults.Length, i => bruteResults[i] = BruteForce.Match(candidates, queries[i], options));
        var differ = Enumerable.Range(0, bruteResults.Length).Count(i => !Same(results[i], bruteResults[i]));
        mismatches += differ;

        Console.WriteLine(ResultLine.Format("matching", ("n", n), ("queries", Queries), ("p50_us", timed.P50), ("p99_us", timed.P99),
            ("brute_p50_us", brute.P50), ("speedup", brute.P50 / timed.P50), ("mismatches", differ),
            ("brute_queries", bruteResults.Length), ("build_ms", build.TotalMilliseconds), ("bytes_per_volunteer", bytesPerVolunteer),
            ("avg_eligible", results.Average(r => r.Eligible))));
        return data;
    }

    /// <summary>Open requests n/10; as many volunteers opening their list as there were Match queries, but 500 at a million.</summary>
    private static void MeasureNearMe(MatchingData data, MatchingEngine engine, ref int mismatches)
    {
        var requests = data.Requests(data.Count / 10, seed: 5);
        foreach (var request in requests) engine.UpsertRequest(request);
        var queries = data.NearMeQueries(Queries, requests, seed: 6);
        var now = MatchingData.Now;
        // At a million volunteers (100,000 open requests) one list takes milliseconds: fewer lists keep the run under a minute.
        var results = new IReadOnlyList<NearbyRequest>[data.Count >= 1_000_000 ? 500 : Queries];
        foreach (var (volunteer, blockedBy) in data.NearMeQueries(results.Length / 10, requests, seed: 7)) engine.NearMe(volunteer.Id, now, blockedBy);
        var timed = Latencies.Measure(results.Length, i => results[i] = engine.NearMe(queries[i].Volunteer.Id, now, queries[i].BlockedBy));
        // The reference works out every request's day parts on each call, about a microsecond per open request:
        // about a second's worth of queries.
        var bruteResults = new IReadOnlyList<NearbyRequest>[Math.Min(Queries, 1_000_000 / requests.Length)];
        var brute = Latencies.Measure(bruteResults.Length, i => bruteResults[i] = BruteForce.NearMe(queries[i].Volunteer, requests, now, queries[i].BlockedBy));
        var differ = Enumerable.Range(0, bruteResults.Length).Count(i => !results[i].SequenceEqual(bruteResults[i]));
        mismatches += differ;

        Console.WriteLine(ResultLine.Format("nearme", ("n", data.Count), ("requests", requests.Length), ("queries", results.Length),
            ("p50_us", timed.P50), ("p99_us", timed.P99), ("brute_p50_us", brute.P50), ("speedup", brute.P50 / timed.P50),
            ("mismatches", differ), ("brute_queries", bruteResults.Length), ("avg_seen", results.Average(r => r.Count))));
    }

    /// <summary>Random volunteers move house with a new radius and categories; then Match is checked again.</summary>
    private static void MeasureUpdates(MatchingData data, MatchingEngine engine, ref int mismatches)
    {
        var random = new Random(8);
        var moves = Enumerable.Range(0, Updates).Select(_ => random.Next(data.Count)).Select(i => (Volunteer: data.Move(i, random), Stats: data.Stats[i])).ToArray();
        var timed = Latencies.Measure(Updates, i => engine.Upsert(moves[i].Volunteer, moves[i].Stats));

        var candidates = data.Candidates();
        var queries = data.Queries(data.Count >= 1_000_000 ? 30 : 300, seed: 9);
        var differ = queries.Count(q => !Same(engine.Match(q), BruteForce.Match(candidates, q, engine.Options)));
        mismatches += differ;
        Console.WriteLine(ResultLine.Format("matching-update", ("n", data.Count), ("updates", Updates), ("update_p50_us", timed.P50),
            ("update_p99_us", timed.P99), ("rechecked_queries", queries.Length), ("mismatches", differ)));
    }

    /// <summary>The same volunteers in the same order, and the same counts.</summary>
    private static bool Same(MatchResult a, MatchResult b) =>
        a.Eligible == b.Eligible && a.OverWeeklyCap == b.OverWeeklyCap
        && a.Top.Select(m => m.VolunteerId).SequenceEqual(b.Top.Select(m => m.VolunteerId), StringComparer.Ordinal);
}
