using System.Diagnostics;
using Wehelpen.Benchmarks.Live;

namespace Wehelpen.Benchmarks.Cluster;

/// <summary>
/// HTTP load on a real cluster (deploy/cluster.sh): wrk against a hello-world baseline (/health/live), the nearby
/// requests API as logged-in volunteers, and the home page (anonymous and as a logged-in volunteer), through nginx,
/// first on a cluster of one node and then on a fresh cluster of two. Both clusters get the same data (written into
/// the database, then the nodes restarted so that they load it, as at any start) and the same path (wrk, nginx, the
/// nodes, PostgreSQL), so the node count is the only difference. Every ratio is an endpoint's requests per second over
/// the baseline's in the same cluster, at the same connection count, measured minutes apart at most: what other work on
/// the shared machine does to both mostly cancels out. Exit code 0 with the result line; 1 when any call failed (no
/// line: a bad run is no figure); 2 when it could not be set up; 130 when interrupted.
/// </summary>
internal static class ClusterBenchmark
{
    /// <summary>
    /// For every node: no demo data; no scheduled jobs, since the request sweep would otherwise ask ten volunteers about
    /// each of the seeded requests (notifications and mail, thousands of writes) in the middle of a measurement; and
    /// the login limit raised, since every login comes from 127.0.0.1.
    /// </summary>
    private static readonly Dictionary<string, string> NodeEnvironment = new()
    {
        ["DemoData__Enabled"] = "false",
        ["Scheduling__Enabled"] = "false",
        ["RateLimits__LoginAttemptsPerMinute"] = "1000000",
    };

    public static int Run(string[] args)
    {
        ClusterSettings settings;
        try
        {
            settings = ClusterSettings.Parse(args);
            Wrk.EnsureInstalled();
        }
        catch (Exception e) when (e is ArgumentException or FormatException or InvalidOperationException)
        {
            Console.Error.WriteLine(e.Message);
            return 2;
        }
        using var interruption = new Interruption();
        return RunAsync(settings, interruption).GetAwaiter().GetResult();
    }

    private static async Task<int> RunAsync(ClusterSettings settings, Interruption interruption)
    {
        var ct = interruption.Token;
        var started = Stopwatch.GetTimestamp();
        var folder = Directory.CreateTempSubdirectory("wehelpen-wrk-");
        ClusterUnderTest? cluster = null;
        try
        {
            var now = DateTimeOffset.UtcNow;
            var data = await LiveBenchmark.Stage($"Making {settings.Volunteers} volunteers and {settings.Requests} open requests around Amsterdam", () =>
                Task.FromResult(NeighbourhoodData.Generate(Pc4Points.Load().Around(ClusterSettings.CentreLatitude, ClusterSettings.CentreLongitude, ClusterSettings.AreaMetres),
                    settings.Volunteers, settings.Requests, now)));
            var wrk = new Wrk(folder.FullName);
            var measured = new List<NodeCountFigures>();
            foreach (var nodes in settings.NodeCounts)
            {
                cluster = await LiveBenchmark.Stage($"Starting a cluster of {nodes} node{(nodes == 1 ? "" : "s")} behind nginx (deploy/cluster.sh)",
                    () => ClusterUnderTest.StartAsync(nodes, NodeEnvironment, ct));
                interruption.Guard(cluster);
                var figures = await ClusterLoad.MeasureAsync(cluster, data, now, settings, wrk, ct);
                cluster.Dispose();
                cluster = null;
                measured.Add(figures);
                if (figures.Errors > 0)
                {
                    Console.Error.WriteLine($"The run had errors ({figures.ErrorSummary}): no figures.");
                    return 1;
                }
            }
            Console.Error.WriteLine($"Done in {Stopwatch.GetElapsedTime(started).TotalSeconds:0} s.");
            Console.WriteLine(NodeCountFigures.Line(measured, settings, data));
            return 0;
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
            folder.Delete(recursive: true);
        }
    }
}
