namespace Wehelpen.Benchmarks.Cluster;

/// <summary>What one cluster measured, and the result line of the whole run.</summary>
/// <param name="Runs">Per connection count: hello, the endpoints, hello again.</param>
/// <param name="Direct">The baseline straight at node a, without nginx, at the main connection count.</param>
/// <param name="AppErrorLines">Error entries in the nodes' logs: a failure the answers may not show.</param>
internal sealed record NodeCountFigures(int Nodes, IReadOnlyList<EndpointRun> Runs, EndpointRun Direct, double NearbyItems, int AppErrorLines)
{
    public static readonly string[] Measured = ["nearby", "home", "home_user"];

    public long Errors => Runs.Sum(r => r.Figures.Errors) + Direct.Figures.Errors + AppErrorLines;

    public string ErrorSummary =>
        string.Join("; ", Runs.Append(Direct).Where(r => r.Figures.Errors > 0).Select(r => $"{r.Endpoint} c={r.Connections}: {r.Figures.ErrorBreakdown}")
            .Append($"app error log entries: {AppErrorLines}"));

    /// <summary>The baseline at a connection count: the mean of its runs before and after the endpoints.</summary>
    public (double Rps, double P99Ms, double DriftPct) Hello(int connections)
    {
        var hello = Runs.Where(r => r.Endpoint == "hello" && r.Connections == connections).Select(r => r.Figures).ToList();
        return (hello.Average(f => f.Rps), hello.Average(f => f.P99Us) / 1000, (hello[^1].Rps - hello[0].Rps) / hello[0].Rps * 100);
    }

    public WrkFigures Of(string endpoint, int connections) => Runs.Single(r => r.Endpoint == endpoint && r.Connections == connections).Figures;

    /// <summary>
    /// "cluster nodes1_hello_rps=... nodes1_nearby_rps=... nodes1_nearby_p99_ms=... nodes1_nearby_ratio=... ... nodes2_...":
    /// the main connection count without a suffix, the others as nodesN_cC_...; ratio = rps / the baseline's rps.
    /// </summary>
    public static string Line(IReadOnlyList<NodeCountFigures> clusters, ClusterSettings settings, NeighbourhoodData data)
    {
        var fields = new List<(string, object)>();
        foreach (var cluster in clusters)
        {
            foreach (var connections in settings.Connections.OrderByDescending(c => c))
            {
                var prefix = connections == settings.MainConnections ? $"nodes{cluster.Nodes}" : $"nodes{cluster.Nodes}_c{connections}";
                var hello = cluster.Hello(connections);
                fields.Add(($"{prefix}_hello_rps", hello.Rps));
                fields.Add(($"{prefix}_hello_p99_ms", hello.P99Ms));
                foreach (var endpoint in Measured)
                {
                    var f = cluster.Of(endpoint, connections);
                    fields.AddRange([($"{prefix}_{endpoint}_rps", f.Rps), ($"{prefix}_{endpoint}_p99_ms", f.P99Us / 1000), ($"{prefix}_{endpoint}_ratio", Ratio(f.Rps / hello.Rps))]);
                }
            }
            var n = $"nodes{cluster.Nodes}";
            fields.AddRange([
                ($"{n}_hello_drift_pct", cluster.Hello(settings.MainConnections).DriftPct), ($"{n}_hello_direct_rps", cluster.Direct.Figures.Rps),
                ($"{n}_other_cpu_pct_max", cluster.Runs.Max(r => r.OtherCpuPct)),
            ]);
        }
        if (clusters.Count == 2)
        {
            var (one, two) = (clusters[0], clusters[1]);
            fields.Add(("nodes2_over_nodes1_hello", Ratio(two.Hello(settings.MainConnections).Rps / one.Hello(settings.MainConnections).Rps)));
            foreach (var endpoint in Measured)
                fields.Add(($"nodes2_over_nodes1_{endpoint}", Ratio(two.Of(endpoint, settings.MainConnections).Rps / one.Of(endpoint, settings.MainConnections).Rps)));
        }
        fields.AddRange([
            ("volunteers", data.Volunteers.Length), ("requests", data.Requests.Length), ("circles", data.Circles.Length),
            ("nearby_items_avg", clusters[0].NearbyItems), ("identities", settings.Identities),
            ("connections", string.Join(',', settings.Connections)), ("seconds", settings.Seconds), ("cores", Environment.ProcessorCount),
            ("mode", settings.Quick ? "quick" : "full"),
        ]);
        // One token for the line: "Max Auto Prepare=32" is written npgsql=Max_Auto_Prepare:32.
        if (settings.NpgsqlOptions.Length > 0) fields.Add(("npgsql", settings.NpgsqlOptions.Replace(' ', '_').Replace('=', ':').Replace(';', ',')));
        return ResultLine.Format("cluster", [.. fields]);
    }

    /// <summary>Two significant digits at least (0.034, 0.41, 1.2): ResultLine writes doubles under 100 with one decimal.</summary>
    private static string Ratio(double ratio) => ratio.ToString(ratio < 0.1 ? "0.000" : "0.00", System.Globalization.CultureInfo.InvariantCulture);
}
