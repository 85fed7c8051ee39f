using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Running;
using Wehelpen.Matching;

namespace Wehelpen.Benchmarks.Matching;

/// <summary>
/// The full mode: BenchmarkDotNet micro benchmarks at 100,000 volunteers (the data of the quick mode), each against
/// the brute-force scan as baseline where there is one. Arguments go to BenchmarkDotNet (--job short, --filter *NearMe*).
/// </summary>
internal static class MatchingBenchmarks
{
    public const int Volunteers = 100_000;

    public static int Run(string[] args)
    {
        var switcher = BenchmarkSwitcher.FromTypes([typeof(MatchBenchmarks), typeof(NearMeBenchmarks), typeof(UpsertBenchmarks), typeof(WeekSlotsBenchmarks)]);
        var summaries = switcher.Run(args.Any(a => a.StartsWith("--filter", StringComparison.Ordinal)) ? args : [.. args, "--filter", "*"]);
        return summaries.All(s => !s.HasCriticalValidationErrors && s.Reports.All(r => r.Success)) ? 0 : 1;
    }

    /// <summary>The quick mode's data at 100,000 volunteers, loaded into an engine.</summary>
    internal static (MatchingData Data, MatchingEngine Engine) Loaded()
    {
        var data = MatchingData.Generate(Pc4Points.Load(), Volunteers);
        var engine = new MatchingEngine(new MatchingOptions());
        engine.Load(data.Pairs, []);
        return (data, engine);
    }
}

/// <summary>One first-wave query after another (1,000 of them in turn).</summary>
[MemoryDiagnoser]
public class MatchBenchmarks
{
    private MatchingEngine _engine = null!;
    private Candidate[] _candidates = null!;
    private MatchQuery[] _queries = null!;
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        (var data, _engine) = MatchingBenchmarks.Loaded();
        _candidates = data.Candidates();
        _queries = data.Queries(1_000, seed: 2);
    }

    [Benchmark(Baseline = true)]
    public MatchResult BruteForceMatch() => BruteForce.Match(_candidates, _queries[_next++ % _queries.Length], _engine.Options);

    [Benchmark]
    public MatchResult EngineMatch() => _engine.Match(_queries[_next++ % _queries.Length]);
}

/// <summary>A volunteer's list with 10,000 open requests (n/10), against the reference scan.</summary>
[MemoryDiagnoser]
public class NearMeBenchmarks
{
    private MatchingEngine _engine = null!;
    private OpenRequest[] _requests = null!;
    private (Volunteer Volunteer, IReadOnlySet<Guid> BlockedBy)[] _queries = null!;
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        (var data, _engine) = MatchingBenchmarks.Loaded();
        _requests = data.Requests(MatchingBenchmarks.Volunteers / 10, seed: 5);
        foreach (var request in _requests) _engine.UpsertRequest(request);
        _queries = data.NearMeQueries(1_000, _requests, seed: 6);
    }

    [Benchmark(Baseline = true)]
    public IReadOnlyList<NearbyRequest> BruteForceNearMe()
    {
        var (volunteer, blockedBy) = _queries[_next++ % _queries.Length];
        return BruteForce.NearMe(volunteer, _requests, MatchingData.Now, blockedBy);
    }

    [Benchmark]
    public IReadOnlyList<NearbyRequest> EngineNearMe()
    {
        var (volunteer, blockedBy) = _queries[_next++ % _queries.Length];
        return _engine.NearMe(volunteer.Id, MatchingData.Now, blockedBy);
    }
}

/// <summary>A volunteer moves house with another radius and categories (1,000 moves in turn).</summary>
[MemoryDiagnoser]
public class UpsertBenchmarks
{
    private MatchingEngine _engine = null!;
    private (Volunteer Volunteer, VolunteerStats Stats)[] _moves = null!;
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        (var data, _engine) = MatchingBenchmarks.Loaded();
        var random = new Random(8);
        _moves = [.. Enumerable.Range(0, 1_000).Select(_ => random.Next(data.Count)).Select(i => (data.Move(i, random), data.Stats[i]))];
    }

    [Benchmark]
    public void Upsert()
    {
        var (volunteer, stats) = _moves[_next++ % _moves.Length];
        _engine.Upsert(volunteer, stats);
    }
}

/// <summary>The day parts of a request's window: a two-hour window, and "any time in the next ten days".</summary>
[MemoryDiagnoser]
public class WeekSlotsBenchmarks
{
    private static readonly DateTimeOffset Start = MatchingData.Now.AddDays(2).AddHours(4);

    [Benchmark]
    public int TwoHourWindow() => WeekSlots.Covering(Start, Start.AddHours(2), MatchingData.Now);

    [Benchmark]
    public int FlexibleTenDays() => WeekSlots.Covering(null, MatchingData.Now.AddDays(10), MatchingData.Now);
}
