using System.Diagnostics;
using Wehelpen.Benchmarks.Cluster;

namespace Wehelpen.Benchmarks.Live;

/// <summary>
/// The live benchmark: the app as its own process (or, with --cluster, two nodes on PostgreSQL), people and circles
/// seeded, everyone logged in and connected to the hub, then chat at a steady rate per connection, level by level.
/// Exit code 0 when every level met the goals, 1 when one did not, 2 when it could not be set up (or the run broke
/// down), 130 when interrupted. The app is killed (the cluster stopped) however the run ends (see <see cref="Interruption"/>).
/// </summary>
internal static class LiveBenchmark
{
    public static int Run(string[] args)
    {
        LiveSettings settings;
        try
        {
            settings = LiveSettings.Parse(args);
            CheckMachineLimits(settings.Levels[^1]);
        }
        catch (Exception e) when (e is ArgumentException or FormatException)
        {
            Console.Error.WriteLine(e.Message);
            return 2;
        }

        using var interruption = new Interruption();
        return RunAsync(settings, interruption).GetAwaiter().GetResult();
    }

    public static Task Stage(string what, Func<Task> stage) => Stage(what, async () =>
    {
        await stage();
        return true;
    });

    public static async Task<T> Stage<T>(string what, Func<Task<T>> stage)
    {
        Console.Error.Write($"{what} ... ");
        var started = Stopwatch.GetTimestamp();
        var result = await stage();
        Console.Error.WriteLine($"{Stopwatch.GetElapsedTime(started).TotalSeconds:0.0} s");
        return result;
    }

    /// <summary>
    /// For the cluster's nodes, as the one app gets them (<see cref="AppUnderTest"/>): no demo data, and the login limit
    /// raised, since every login comes from 127.0.0.1.
    /// </summary>
    private static readonly Dictionary<string, string> ClusterEnvironment = new()
    {
        ["DemoData__Enabled"] = "false",
        ["RateLimits__LoginAttemptsPerMinute"] = "1000000",
    };

    private static async Task<int> RunAsync(LiveSettings settings, Interruption interruption)
    {
        var started = Stopwatch.GetTimestamp();
        var ct = interruption.Token;
        var root = Directory.CreateTempSubdirectory("wehelpen-live-");
        IDisposable? server = null;
        LoadCrowd? crowd = null;
        try
        {
            LoadPeople.Seeded seeded;
            ILiveServer live;
            if (settings.Cluster)
            {
                var cluster = await Stage("Starting a cluster of two nodes on PostgreSQL (deploy/cluster.sh)", () => ClusterUnderTest.StartAsync(2, ClusterEnvironment, ct));
                (server, live) = (cluster, new ClusterHubs(cluster, spread: settings.Hold));
                interruption.Guard(cluster);
                seeded = await Stage($"Seeding {settings.People} people in {settings.Circles} circles",
                    () => LoadPeople.SeedPostgresAsync(cluster.Database, settings.People, ct));
            }
            else
            {
                var databasePath = Path.Combine(root.FullName, "wehelpen.db");
                seeded = await Stage($"Seeding {settings.People} people in {settings.Circles} circles",
                    () => LoadPeople.SeedAsync(databasePath, settings.People, ct));
                var app = await Stage("Starting the app (Release, Production)", () => AppUnderTest.StartAsync(root.FullName, databasePath, ct));
                (server, live) = (app, app);
                interruption.Guard(app);
            }
            crowd = new LoadCrowd(seeded, live);

            if (settings.Cluster && !settings.Hold)
            {
                // The same cluster, people and level twice: every connection on node a (node b idle but for the bus),
                // then spread over both. What the second costs more is the crossing.
                var level = settings.Levels[0];
                var oneNode = await RunLevelAsync(crowd, live, level, settings, started, ct);
                Console.Error.WriteLine($"One node serving: {oneNode.Line(hold: false, NodeFields(live))}");
                var spread = new ClusterHubs((ClusterUnderTest)server, spread: true);
                await crowd.MoveToAsync(spread);
                // Those who moved to node b leave node a; its "went away" work (after the offline grace) stays out of the measurement.
                await Task.Delay(OfflineGrace + TimeSpan.FromSeconds(2), ct);
                var twoNodes = await RunLevelAsync(crowd, spread, level, settings, Stopwatch.GetTimestamp(), ct);
                // Memory per connection as the first connect measured it: after the move, node a still holds what the first connections took.
                twoNodes = twoNodes with { KbPerConnection = oneNode.KbPerConnection };
                Console.WriteLine(twoNodes.Line(hold: false, [.. NodeFields(spread, twoNodes),
                    ("one_node_p50_ms", oneNode.Figures.Deliveries.P50 / 1000), ("one_node_p99_ms", oneNode.Figures.Deliveries.P99 / 1000),
                    ("p50_ratio", Ratio(twoNodes.Figures.Deliveries.P50 / oneNode.Figures.Deliveries.P50)),
                    ("p99_ratio", Ratio(twoNodes.Figures.Deliveries.P99 / oneNode.Figures.Deliveries.P99))]));
                return oneNode.Met && twoNodes.Met ? 0 : 1;
            }

            var results = new List<LevelResult>();
            foreach (var level in settings.Levels)
            {
                var result = await RunLevelAsync(crowd, live, level, settings, results.Count == 0 ? started : Stopwatch.GetTimestamp(), ct);
                results.Add(result);
                Console.WriteLine(result.Line(settings.Hold, NodeFields(live, result)));
                if (!result.Met) break;
            }
            if (settings.Hold)
                Console.WriteLine(ResultLine.Format("live-hold", [("highest_held", results.LastOrDefault(r => r.Met)?.Figures.Connections ?? 0),
                    ("hold_s", settings.Seconds), ("levels", string.Join(',', settings.Levels)), ("tried", results.Count), .. NodeFields(live)]));
            return results.Count == settings.Levels.Count && results.All(r => r.Met) ? 0 : 1;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            Console.Error.WriteLine("Interrupted.");
            return 130;
        }
        catch (Exception e)
        {
            Console.Error.WriteLine($"The run failed: {e}");
            return 2;
        }
        finally
        {
            // The app first: the clients then see their connections end at once instead of closing them one by one.
            server?.Dispose();
            if (crowd is not null) await crowd.DisposeAsync();
            root.Delete(recursive: true);
        }
    }

    /// <summary>The app's Live__OfflineGraceSeconds default: how long after its last connection closes someone counts as gone.</summary>
    private static readonly TimeSpan OfflineGrace = TimeSpan.FromSeconds(10);

    /// <param name="levelStarted">Where the level's setup began: the program's start for the first level (app, people,
    /// logins, connecting), otherwise just before its logins and connections.</param>
    private static async Task<LevelResult> RunLevelAsync(LoadCrowd crowd, ILiveServer live, int level, LiveSettings settings, long levelStarted, CancellationToken ct)
    {
        var (connectErrors, kbPerConnection) = await crowd.GrowAsync(level, ct);
        var setupSeconds = Stopwatch.GetElapsedTime(levelStarted).TotalSeconds;
        var joined = crowd.Joined;
        if (settings.WarmUpSeconds > 0) await WarmUpAsync(joined, settings.WarmUpSeconds, live.Pids, ct);

        Console.Error.WriteLine($"Sending for {settings.Seconds} s on {joined.Count} connections" + (live.Nodes > 1 ? $" over {live.Nodes} nodes" : live is ClusterHubs ? " on node a" : ""));
        var figures = await LoadLevel.RunAsync(joined, settings.Seconds, stopEarly: settings.Hold, live.Pids, ct);
        var result = new LevelResult(figures, crowd.People, connectErrors, setupSeconds, kbPerConnection, live.Pids.Sum(ProcFigures.RssBytes), live.ErrorLines);
        if (result.Errors > 0 || figures.StopReason is not null) Console.Error.WriteLine($"errors: {result.ErrorBreakdown()}");
        return result;
    }

    /// <summary>On a cluster: how many nodes served, and how the deliveries that crossed between them did.</summary>
    private static IEnumerable<(string, object)> NodeFields(ILiveServer live, LevelResult? result = null)
    {
        if (live is AppUnderTest) yield break;
        yield return ("nodes", live.Nodes);
        if (result is null || live.Nodes < 2) yield break;
        var (all, crossed) = (result.Figures.Deliveries, result.Figures.Crossed);
        yield return ("crossed_share", Ratio((double)crossed.Count / Math.Max(1, all.Count)));
        yield return ("crossed_p50_ms", crossed.P50 / 1000);
        yield return ("crossed_p99_ms", crossed.P99 / 1000);
    }

    private static string Ratio(double value) => value.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture);

    private static async Task WarmUpAsync(IReadOnlyList<LoadConnection> connections, int seconds, IReadOnlyList<int> serverPids, CancellationToken ct)
    {
        var figures = await LoadLevel.RunAsync(connections, seconds, stopEarly: false, serverPids, ct);
        Console.Error.WriteLine($"Warm-up ({seconds} s, not counted): {figures.Stored} messages, p50 {figures.Deliveries.P50 / 1000:0.0} ms, "
            + $"p99 {figures.Deliveries.P99 / 1000:0.0} ms, max {figures.Deliveries.Max / 1000:0} ms, "
            + $"errors {figures.Failed + figures.Unanswered + figures.Closed + figures.Unexpected}, lost {figures.Lost}; "
            + $"cpu%: app={figures.Cpu.ServerPct:0} load={figures.Cpu.LoadPct:0} other={figures.Cpu.OtherPct:0}");
    }

    /// <summary>Each connection is an open file in this program and in the app, and a local port here.</summary>
    private static void CheckMachineLimits(int connections)
    {
        const int spare = 1000;
        if (ProcFigures.OpenFilesLimit() is var files && connections + spare > files)
            throw new ArgumentException($"{connections} connections need more open files than the limit allows ({files}; ulimit -n).");
        if (ProcFigures.EphemeralPorts() is var ports && connections + spare > ports)
            throw new ArgumentException($"{connections} connections need more local ports than the OS hands out ({ports}).");
    }
}
