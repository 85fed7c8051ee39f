namespace Wehelpen.Benchmarks.Live;

/// <summary>What a level's sending and receiving measured.</summary>
/// <param name="Seconds">How long it sent: the whole level, or until it was given up (<paramref name="StopReason"/>).</param>
/// <param name="Stored">Sends the server answered with a stored message.</param>
/// <param name="Unanswered">Sends still without an answer when the drain ended.</param>
/// <param name="Closed">Connections of the level that were no longer open at its end.</param>
/// <param name="Unexpected">chatMessage events a connection should never have had (another circle's, not the load's).</param>
/// <param name="Lost">Member connections that never got a stored message of their circle, summed over the messages.</param>
/// <param name="Duplicated">Arrivals of a message at a connection beyond its first.</param>
/// <param name="Deliveries">From just before SendChat to the chatMessage event, at every member connection, the sender's too.</param>
/// <param name="Crossed">The deliveries to a connection on another node than the sender's: through the cluster bus.</param>
/// <param name="Acks">From just before SendChat to its answer, at the sender.</param>
internal sealed record LevelFigures(
    int Connections, int Circles, double Seconds, string? StopReason, int Stored, int Failed, string? FirstFailure, int Unanswered,
    int Closed, int Unexpected, int Lost, int Duplicated, Latencies Deliveries, Latencies Crossed, Latencies Acks, CpuFigures Cpu);

/// <summary>A level's figures with what the run around it measured, and the line it prints.</summary>
/// <param name="SetupSeconds">For the first level everything from the program's start (app, people, logins, connecting);
/// for a later level, connecting its added connections.</param>
internal sealed record LevelResult(
    LevelFigures Figures, int People, int ConnectErrors, double SetupSeconds, double KbPerConnection, long ServerRssBytes, int AppErrorLines)
{
    public int Errors => ConnectErrors + Figures.Failed + Figures.Unanswered + Figures.Closed + Figures.Unexpected;

    public bool Met => Errors == 0 && Figures.Lost == 0 && Figures.Duplicated == 0 && Figures.StopReason is null
                       && Figures.Deliveries.Count > 0 && Figures.Deliveries.P99 < LiveSettings.P99GoalMs * 1000;

    /// <param name="extra">After the usual fields: on a cluster, its nodes and the deliveries that crossed between them.</param>
    public string Line(bool hold, IEnumerable<(string, object)>? extra = null)
    {
        var f = Figures;
        var fields = new List<(string, object)>
        {
            ("connections", f.Connections), ("circles", f.Circles), ("msgs_per_s", f.Stored / f.Seconds),
            ("p50_ms", f.Deliveries.P50 / 1000), ("p99_ms", f.Deliveries.P99 / 1000), ("errors", Errors), ("lost", f.Lost),
            ("duplicated", f.Duplicated), ("kb_per_connection", KbPerConnection), ("setup_s", SetupSeconds),
        };
        // Held: how long the level ran before it ended or was given up; whether it met the goals is met=.
        if (hold) fields.Add(("held_s", f.Seconds));
        fields.AddRange([
            ("met", Met ? "yes" : "no"),
            ("people", People), ("seconds", f.Seconds), ("messages", f.Stored), ("deliveries", f.Deliveries.Count),
            ("max_ms", f.Deliveries.Max / 1000), ("ack_p50_ms", f.Acks.P50 / 1000), ("ack_p99_ms", f.Acks.P99 / 1000),
            ("server_cpu_pct", f.Cpu.ServerPct), ("load_cpu_pct", f.Cpu.LoadPct), ("other_cpu_pct", f.Cpu.OtherPct),
            ("server_rss_mb", ServerRssBytes / 1048576.0), ("app_error_logs", AppErrorLines),
        ]);
        fields.AddRange(extra ?? []);
        return ResultLine.Format("live", [.. fields]);
    }

    /// <summary>For stderr: what the errors were.</summary>
    public string ErrorBreakdown() =>
        $"connect={ConnectErrors} failed_sends={Figures.Failed} unanswered={Figures.Unanswered} closed={Figures.Closed} unexpected={Figures.Unexpected}"
        + (Figures.FirstFailure is { } first ? $"; first failure: {first}" : "")
        + (Figures.StopReason is { } stop ? $"; given up: {stop}" : "");
}
