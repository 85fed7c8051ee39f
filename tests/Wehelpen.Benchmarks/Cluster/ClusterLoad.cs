using Wehelpen.Benchmarks.Live;

namespace Wehelpen.Benchmarks.Cluster;

/// <summary>
/// Everything that happens on one cluster: the data written and loaded, volunteers logged in, every identity checked,
/// a warm-up per endpoint, then for each connection count the endpoints in turn with the baseline before and after
/// them (two baseline runs: how far they differ shows how steady the machine was), and the baseline once straight at
/// node a (no nginx: what the proxy costs).
/// </summary>
internal static class ClusterLoad
{
    public static async Task<NodeCountFigures> MeasureAsync(ClusterUnderTest cluster, NeighbourhoodData data, DateTimeOffset now, ClusterSettings settings, Wrk wrk, CancellationToken ct)
    {
        var written = await LiveBenchmark.Stage("Writing the volunteers, circles, requests and alerts into PostgreSQL (COPY), then ANALYZE",
            () => NeighbourhoodSeed.WriteAsync(cluster.Database, data, now, ct));
        Console.Error.WriteLine($"  {written}");
        // The nodes hold matching in memory, filled from the database at start: a restart is how they learn of rows
        // written behind their back.
        foreach (var node in "ab"[..cluster.Nodes])
        {
            if (settings.NpgsqlOptions.Length > 0) cluster.AppendToConnectionString(node, settings.NpgsqlOptions);
            await LiveBenchmark.Stage($"Restarting node {node} (it loads the volunteers and requests)", () => cluster.RestartNodeAsync(node, ct));
        }

        var emails = Enumerable.Range(0, settings.Identities)
            .Select(i => NeighbourhoodData.VolunteerEmail((int)((long)i * data.Volunteers.Length / settings.Identities))).ToList();
        var bearers = await LiveBenchmark.Stage($"Logging in {emails.Count} volunteers through the API", () => VolunteerSessions.BearerAsync(cluster.Proxy, emails, ct));
        var cookies = await LiveBenchmark.Stage($"Logging in the same {emails.Count} on the login page", () => VolunteerSessions.CookieAsync(cluster.Proxy, emails, ct));

        ClusterEndpoint[] endpoints = [ClusterEndpoint.Hello(), ClusterEndpoint.Nearby(bearers), ClusterEndpoint.Home(), ClusterEndpoint.HomeLoggedIn(cookies)];
        var nearbyItems = 0.0;
        foreach (var endpoint in endpoints)
        {
            var bodies = await endpoint.CheckAsync(cluster.Proxy, endpoint.HeaderLines.Count, ct);
            if (endpoint.Name == "nearby") nearbyItems = bodies.Average(b => ClusterEndpoint.Items(b) ?? 0);
        }
        Console.Error.WriteLine($"Every identity answered as expected; a volunteer's nearby list holds {nearbyItems:0.0} requests on average.");

        var files = endpoints.ToDictionary(e => e.Name, e => wrk.Identities(e.HeaderLines));
        var direct = ClusterEndpoint.Hello("hello_direct");
        files[direct.Name] = files["hello"];
        var groups = new (string, int[])[]
        {
            ("nodes", [.. cluster.NodePids]), ("postgres", [cluster.DatabasePid]), ("nginx", [cluster.ProxyPid]), ("load", [Environment.ProcessId]),
        };

        async Task<EndpointRun> RunAsync(ClusterEndpoint endpoint, Uri server, int connections, int seconds, string label)
        {
            IReadOnlyList<(string, double)> cpu = [];
            var figures = await wrk.RunAsync(new Uri(server, endpoint.Path), files[endpoint.Name], connections, seconds, async (window, token) =>
            {
                var shares = CpuShares.Start(groups);
                await Task.Delay(window, token);
                cpu = shares.Stop();
            }, ct);
            var run = new EndpointRun(endpoint.Name, connections, figures, cpu);
            Console.Error.WriteLine($"  {label} {run.Describe()}");
            return run;
        }

        Console.Error.WriteLine($"Warm-up, {settings.WarmUpSeconds} s per endpoint at {settings.MainConnections} connections (not counted):");
        foreach (var endpoint in endpoints) await RunAsync(endpoint, cluster.Proxy, settings.MainConnections, settings.WarmUpSeconds, "warm-up");

        Console.Error.WriteLine($"Measuring, {settings.Seconds} s per run (cpu% of one core, 200 = both; load = this program and wrk):");
        var runs = new List<EndpointRun>();
        foreach (var connections in settings.Connections)
            foreach (var endpoint in endpoints.Append(endpoints[0]))
                runs.Add(await RunAsync(endpoint, cluster.Proxy, connections, settings.Seconds, $"nodes={cluster.Nodes}"));
        var directRun = await RunAsync(direct, cluster.NodeA, settings.MainConnections, settings.Seconds, $"nodes={cluster.Nodes} node a, no nginx:");

        foreach (var endpoint in endpoints) await endpoint.CheckAsync(cluster.Proxy, 1, ct);
        return new NodeCountFigures(cluster.Nodes, runs, directRun, nearbyItems, cluster.ErrorLines);
    }
}
