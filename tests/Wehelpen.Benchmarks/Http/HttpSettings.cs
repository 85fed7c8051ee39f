namespace Wehelpen.Benchmarks.Http;

/// <summary>The http benchmark's options; the defaults keep a whole run near five minutes on two cores.</summary>
/// <param name="SqlLogPath">--sql-log FILE: where the log lines of the requests whose SQL was counted go.</param>
internal sealed record HttpSettings(int Seconds, int WarmUpSeconds, int Connections, int Identities, int Volunteers, int Requests, string? SqlLogPath)
{
    /// <summary>How many times the history grows between the two measurements (issue 22).</summary>
    public const int Growth = 100;

    /// <summary>Volunteers per circle of theirs: the identities share Identities / this circles.</summary>
    public const int IdentitiesPerCircle = 4;

    public int IdentityCircles => Math.Max(1, Identities / IdentitiesPerCircle);

    public static HttpSettings Parse(string[] args)
    {
        var quick = args.Contains("--quick");
        int Option(string name, int normal, int whenQuick)
        {
            var value = ResultLine.OptionValue(args, name) is { } text ? int.Parse(text) : quick ? whenQuick : normal;
            return value > 0 ? value : throw new ArgumentException($"{name} must be above 0.");
        }
        var settings = new HttpSettings(Option("--seconds", 10, 3), Option("--warmup", 3, 1), Option("--connections", 16, 16),
            Option("--identities", 64, 32), Option("--volunteers", 2000, 1000), Option("--requests", 400, 200),
            ResultLine.OptionValue(args, "--sql-log") is { } log ? Path.GetFullPath(log) : null);
        if (settings.Requests / Cluster.NeighbourhoodData.RequestsPerCircle < settings.IdentityCircles)
            throw new ArgumentException("--requests too few: every circle of the identities must be one of the neighbourhood's.");
        if (settings.Identities > settings.Volunteers) throw new ArgumentException("--identities must not be above --volunteers.");
        return settings;
    }
}
