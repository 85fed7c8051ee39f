using System.Globalization;

namespace Wehelpen.Benchmarks.Live;

/// <summary>
/// What one run of the live benchmark does. One level (the default scenario: 2,000 connections for 60 s) or, with
/// --hold, several levels of connections held one after the other, each on top of the one before.
/// </summary>
/// <param name="Levels">Connection counts, rising; each level adds connections to those already open.</param>
/// <param name="Seconds">How long each level sends, once all its connections are in their circles.</param>
/// <param name="People">Distinct people; connection c is person c % People, so more connections than people are
/// tabs and devices of the same people. Default: one person per connection at the highest level, so that every
/// message reaches ten connections at every level and the load grows with the connections, not with their square.</param>
/// <param name="Hold">Hold mode: a result line per level with held_s, stopping at the first level that fails.</param>
/// <param name="WarmUpSeconds">Before each level, the same load unmeasured: one round makes every circle's chat thread
/// (a circle's first message creates it, racing its members' first messages) and lets the app compile its code and
/// queries, so the level measures a server that runs, not one that starts. 0 measures the cold start too.</param>
/// <param name="Cluster">On a two-node cluster on PostgreSQL (deploy/cluster.sh) instead of the one app on SQLite: the
/// connections alternate between node a and node b (<see cref="ClusterHubs"/>). Without --hold the level runs first
/// with every connection on node a, then with the connections spread, for a ratio of the two.</param>
internal sealed record LiveSettings(IReadOnlyList<int> Levels, int Seconds, int People, bool Hold, int WarmUpSeconds, bool Cluster = false)
{
    public const int CircleSize = 10;

    /// <summary>Every connection sends one chat message this often.</summary>
    public static readonly TimeSpan SendInterval = TimeSpan.FromSeconds(10);

    /// <summary>After the last send, how long deliveries may still come in before the missing ones count as lost.</summary>
    public static readonly TimeSpan DrainLimit = TimeSpan.FromSeconds(10);

    /// <summary>The goal: 99% of deliveries within this.</summary>
    public const double P99GoalMs = 100;

    public static readonly IReadOnlyList<int> DefaultLevels = [2000];
    public static readonly IReadOnlyList<int> DefaultHoldLevels = [2000, 4000, 6000];

    public int Circles => (People + CircleSize - 1) / CircleSize;

    public static LiveSettings Parse(string[] args)
    {
        var holdSeconds = Number(args, "--hold");
        var levels = ResultLine.OptionValue(args, "--connections")?.Split(',').Select(v => int.Parse(v, CultureInfo.InvariantCulture)).ToList()
            ?? (holdSeconds is null ? DefaultLevels : DefaultHoldLevels);
        if (levels.Count == 0 || levels.Any(l => l < CircleSize) || !levels.SequenceEqual(levels.Order()) || levels.Distinct().Count() != levels.Count)
            throw new ArgumentException($"--connections takes rising counts of at least {CircleSize}, e.g. 2000,4000,6000.");
        if (holdSeconds is null && levels.Count > 1) throw new ArgumentException("Several connection counts need --hold <seconds>.");

        var seconds = holdSeconds ?? Number(args, "--seconds") ?? 60;
        var people = Number(args, "--people") ?? levels[^1];
        var warmUp = Number(args, "--warmup") ?? (int)SendInterval.TotalSeconds;
        if (warmUp < 0) throw new ArgumentException("--warmup takes seconds, 0 for none.");
        if (seconds < 1) throw new ArgumentException("The load must run for at least a second.");
        if (people < CircleSize || people > levels[^1]) throw new ArgumentException($"--people must be between {CircleSize} and the highest connection count.");
        return new LiveSettings(levels, seconds, people, holdSeconds is not null, warmUp, args.Contains("--cluster"));
    }

    private static int? Number(string[] args, string name) =>
        ResultLine.OptionValue(args, name) is { } value ? int.Parse(value, CultureInfo.InvariantCulture) : null;
}
