using System.Globalization;

namespace Wehelpen.Benchmarks.Cluster;

/// <summary>What one run of the cluster benchmark does.</summary>
/// <param name="NodeCounts">Clusters to measure, one after the other, each started afresh: 1 and 2 nodes behind nginx.</param>
/// <param name="Connections">wrk's connection counts, each a run per endpoint; the last is the main one (its figures
/// carry no _c suffix in the result line). At most 64: nginx keeps 128 idle connections to the nodes together
/// (cluster.sh's keepalive); near that it would open and close node connections as the load goes.</param>
/// <param name="Seconds">Each measured wrk run.</param>
/// <param name="WarmUpSeconds">Each endpoint once before the measured runs, not counted: the JIT, the query caches and
/// the connection pools come up.</param>
/// <param name="Identities">Volunteers logged in (a bearer token and a login cookie each) whom wrk goes round.</param>
/// <param name="NpgsqlOptions">Added to the nodes' connection string (--npgsql "Max Auto Prepare=32"): to measure what
/// a setting of Npgsql does; empty for the app as deployed.</param>
internal sealed record ClusterSettings(IReadOnlyList<int> NodeCounts, int Volunteers, int Requests, IReadOnlyList<int> Connections, int Seconds,
    int WarmUpSeconds, int Identities, bool Quick, string NpgsqlOptions = "")
{
    /// <summary>The Dam, Amsterdam, and how far around it people live: the city, Amstelveen, Diemen, Zaandam.</summary>
    public const double CentreLatitude = 52.3731, CentreLongitude = 4.8926, AreaMetres = 15_000;

    public const int MaxConnections = 64;

    public int MainConnections => Connections[^1];

    public static ClusterSettings Parse(string[] args)
    {
        var quick = args.Contains("--quick");
        var connections = ResultLine.OptionValue(args, "--connections")?.Split(',').Select(v => int.Parse(v, CultureInfo.InvariantCulture)).ToList()
            ?? (quick ? [32] : [8, 32]);
        var nodes = ResultLine.OptionValue(args, "--nodes")?.Split(',').Select(v => int.Parse(v, CultureInfo.InvariantCulture)).ToList() ?? [1, 2];
        var settings = new ClusterSettings(nodes, Number(args, "--volunteers") ?? 10_000, Number(args, "--requests") ?? 500, connections,
            Number(args, "--seconds") ?? (quick ? 3 : 20), Number(args, "--warmup") ?? (quick ? 2 : 5), Number(args, "--identities") ?? (quick ? 20 : 200), quick,
            ResultLine.OptionValue(args, "--npgsql") ?? "");
        if (nodes.Count == 0 || nodes.Any(n => n is < 1 or > 2) || nodes.Distinct().Count() != nodes.Count) throw new ArgumentException("--nodes takes 1, 2 or 1,2.");
        if (connections.Count == 0 || connections.Any(c => c is < 1 or > MaxConnections) || !connections.SequenceEqual(connections.Order()))
            throw new ArgumentException($"--connections takes rising counts from 1 to {MaxConnections}, e.g. 8,32.");
        if (settings.Seconds < 3) throw new ArgumentException("--seconds must be at least 3 (the CPU is sampled from 1 s in to 1 s before the end).");
        if (settings.Volunteers < settings.Identities || settings.Identities < 1) throw new ArgumentException("--identities must be between 1 and --volunteers.");
        if (settings.Requests < 1) throw new ArgumentException("--requests must be at least 1.");
        return settings;
    }

    private static int? Number(string[] args, string name) =>
        ResultLine.OptionValue(args, name) is { } value ? int.Parse(value, CultureInfo.InvariantCulture) : null;
}
