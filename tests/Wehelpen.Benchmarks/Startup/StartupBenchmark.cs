using System.Diagnostics;
using System.Globalization;
using Wehelpen.Benchmarks.Cluster;
using Wehelpen.Benchmarks.Live;

namespace Wehelpen.Benchmarks.Startup;

/// <summary>
/// What PostgreSQL means for matching at a million volunteers. Matching does not query the database: each node holds
/// the engine in memory (src/Wehelpen.Matching), fills it from the database when it starts, and keeps it current from
/// every save. So the figure is the start: a node of a one-node cluster (deploy/cluster.sh) started on an empty
/// database and then on one with the volunteers (all over the Netherlands, by density) and open requests, timed until
/// /health/ready answers (the app listens only once the engine is loaded), with the CPU time it took, and its memory
/// then and after a rest.
/// Exit code 0 with the result line; 2 when it could not be set up; 130 when interrupted.
/// </summary>
internal static class StartupBenchmark
{
    private static readonly TimeSpan Rest = TimeSpan.FromSeconds(15);

    public static int Run(string[] args)
    {
        var quick = args.Contains("--quick");
        int volunteers, requests;
        try
        {
            volunteers = Number(args, "--volunteers") ?? (quick ? 100_000 : 1_000_000);
            requests = Number(args, "--requests") ?? volunteers / 100;
            if (volunteers < 1 || requests < 0) throw new ArgumentException("--volunteers must be at least 1 and --requests at least 0.");
        }
        catch (Exception e) when (e is ArgumentException or FormatException)
        {
            Console.Error.WriteLine(e.Message);
            return 2;
        }
        using var interruption = new Interruption();
        return RunAsync(volunteers, requests, quick, interruption).GetAwaiter().GetResult();
    }

    private static async Task<int> RunAsync(int volunteers, int requests, bool quick, Interruption interruption)
    {
        var ct = interruption.Token;
        ClusterUnderTest? cluster = null;
        try
        {
            var now = DateTimeOffset.UtcNow;
            var data = await LiveBenchmark.Stage($"Making {volunteers} volunteers and {requests} open requests all over the Netherlands",
                () => Task.FromResult(NeighbourhoodData.Generate(Pc4Points.Load(), volunteers, requests, now)));
            // No demo data, no scheduled jobs (the request sweep would start asking volunteers); a million takes a while to load.
            cluster = await LiveBenchmark.Stage("Starting a cluster of one node (deploy/cluster.sh)", () => ClusterUnderTest.StartAsync(1,
                new Dictionary<string, string> { ["DemoData__Enabled"] = "false", ["Scheduling__Enabled"] = "false", ["CLUSTER_READY_TIMEOUT"] = "1800" }, ct));
            interruption.Guard(cluster);

            var empty = await StartAgainAsync(cluster, "on the empty database", ct);
            var seedStarted = Stopwatch.GetTimestamp();
            var written = await LiveBenchmark.Stage("Writing them into PostgreSQL (COPY), with the alerts of the waves so far, then ANALYZE",
                () => NeighbourhoodSeed.WriteAsync(cluster.Database, data, now, ct));
            var seedSeconds = Stopwatch.GetElapsedTime(seedStarted).TotalSeconds;
            Console.Error.WriteLine($"  {written}");
            var full = await StartAgainAsync(cluster, $"with {volunteers} volunteers", ct);
            var errors = cluster.ErrorLines;

            var grown = full.RestedRss - empty.RestedRss;
            Console.WriteLine(ResultLine.Format("startup",
                ("volunteers", volunteers), ("requests", requests), ("start_s", full.Seconds), ("empty_start_s", empty.Seconds),
                ("load_s", full.Seconds - empty.Seconds), ("cpu_s", full.CpuSeconds), ("empty_cpu_s", empty.CpuSeconds),
                ("other_cpu_pct", full.OtherCpuPct), ("rss_mb", full.ReadyRss / 1048576.0), ("rested_rss_mb", full.RestedRss / 1048576.0),
                ("empty_rss_mb", empty.RestedRss / 1048576.0), ("bytes_per_volunteer", Math.Round(grown / (double)volunteers).ToString(CultureInfo.InvariantCulture)),
                ("seed_s", seedSeconds), ("app_error_logs", errors), ("cores", Environment.ProcessorCount), ("mode", quick ? "quick" : "full")));
            return errors == 0 ? 0 : 1;
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
            cluster?.Dispose();
        }
    }

    /// <param name="CpuSeconds">The node's CPU time until ready: less at the mercy of other work than the wall time.</param>
    /// <param name="OtherCpuPct">What the rest of the machine used meanwhile (100 = one core): other people's work.</param>
    private sealed record Start(double Seconds, double CpuSeconds, double OtherCpuPct, long ReadyRss, long RestedRss);

    /// <summary>
    /// Stops node a and starts it again: until it answers /health/ready (polled every 0.5 s), which it does once the
    /// migrations are checked and the engine is loaded; its CPU time then, its RSS then, and again after
    /// <see cref="Rest"/> with nothing to do.
    /// </summary>
    private static async Task<Start> StartAgainAsync(ClusterUnderTest cluster, string what, CancellationToken ct)
    {
        await cluster.StopNodeAsync('a', ct);
        // The new node is nobody's child here once cluster.sh has exited: its time shows as "other" and is taken out.
        var shares = CpuShares.Start([("postgres", [cluster.DatabasePid]), ("load", [Environment.ProcessId])]);
        var seconds = (await LiveBenchmark.Stage($"Starting node a {what}", () => cluster.StartNodeAsync('a', ct))).TotalSeconds;
        var pid = cluster.NodePids.Single();
        var cpuSeconds = ProcFigures.CpuTime(pid).TotalSeconds;
        var outside = shares.Stop().Single(s => s.Name == "other").Pct;
        var other = Math.Max(0, outside - cpuSeconds / seconds * 100);
        var ready = ProcFigures.RssBytes(pid);
        await Task.Delay(Rest, ct);
        var rested = ProcFigures.RssBytes(pid);
        Console.Error.WriteLine($"  ready after {seconds:0.0} s, {cpuSeconds:0.0} s of CPU (other work meanwhile: {other:0}% of a core); "
            + $"RSS {ready / 1048576} MB, {rested / 1048576} MB after {Rest.TotalSeconds:0} s at rest");
        return new Start(seconds, cpuSeconds, other, ready, rested);
    }

    private static int? Number(string[] args, string name) =>
        ResultLine.OptionValue(args, name) is { } value ? int.Parse(value, CultureInfo.InvariantCulture) : null;
}
