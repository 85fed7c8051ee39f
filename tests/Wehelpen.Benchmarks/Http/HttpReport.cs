namespace Wehelpen.Benchmarks.Http;

/// <summary>The http benchmark's table (to stderr, with the goals) and its one result line (the last line on stdout).</summary>
internal static class HttpReport
{
    public const int MaxSqlPerRequest = 4;
    public const double HistoryGoal = 0.8;

    /// <summary>Prints the figures; the ratios are those of the small history, each against /health/live in its own measurement.</summary>
    /// <returns>Whether every goal was met.</returns>
    public static bool Print(IReadOnlyList<HttpEndpoint> endpoints, LoadFigures small, LoadFigures large, IReadOnlyDictionary<string, SqlStatements> sql)
    {
        var history = endpoints.ToDictionary(e => e.Name, e => large.Endpoints[e.Name].Rps / small.Endpoints[e.Name].Rps);
        Console.Error.WriteLine();
        Console.Error.WriteLine($"{"endpoint",-12} {"rps small",10} {"rps large",10} {"ratio",7} {"goal",6} {"ratio large",11} {"large/small",11} {"sql",4} {"(opens)",8}");
        Console.Error.WriteLine($"{"health",-12} {small.HealthRps,10:0} {large.HealthRps,10:0} {"",7} {"",6} {"",11} {large.HealthRps / small.HealthRps,11:0.00}");
        foreach (var e in endpoints)
        {
            var s = sql[e.Name];
            Console.Error.WriteLine($"{e.Name,-12} {small.Endpoints[e.Name].Rps,10:0} {large.Endpoints[e.Name].Rps,10:0} {small.Ratio(e.Name),7:0.000} {e.Goal,6:0.00} {large.Ratio(e.Name),11:0.000} {history[e.Name],11:0.00} {s.Total,4} {$"({s.Opens})",8}");
        }
        Console.Error.WriteLine($"Health runs before/after the endpoints: small {small.HealthBeforeRps:0}/{small.HealthAfterRps:0} rps, large {large.HealthBeforeRps:0}/{large.HealthAfterRps:0} rps.");
        Console.Error.WriteLine("sql: the most statements one warm request ran, of the small and the large history (EF's commands); opens: connections " +
            "taken from the pool for it, whose PRAGMAs were set when the pool first made them.");

        var maxSql = sql.Values.Max(s => s.Total);
        var lowestHistory = history.Values.Min();
        var missed = endpoints.Where(e => small.Ratio(e.Name) < e.Goal).Select(e => $"{e.Name}_ratio {small.Ratio(e.Name):0.000} < {e.Goal}").ToList();
        if (maxSql > MaxSqlPerRequest) missed.Add($"max_sql_per_request {maxSql} > {MaxSqlPerRequest} ({string.Join(", ", sql.Where(s => s.Value.Total > MaxSqlPerRequest).Select(s => $"{s.Key} {s.Value.Total}"))})");
        if (lowestHistory < HistoryGoal) missed.Add($"history_ratio {lowestHistory:0.00} < {HistoryGoal} ({history.MinBy(h => h.Value).Key})");
        Console.Error.WriteLine($"Goals: page ratios >= 0.03, nearby/circles_api/profile >= 0.1, unread >= 0.3, max_sql_per_request <= {MaxSqlPerRequest}, history_ratio >= {HistoryGoal}.");
        Console.Error.WriteLine(missed.Count == 0 ? "Every goal met." : $"Not met: {string.Join("; ", missed)}.");

        Console.WriteLine(ResultLine.Format("http", endpoints.Select(e => ($"{e.Name}_ratio", (object)Ratio(small.Ratio(e.Name))))
            .Prepend(("baseline_rps", (object)Math.Round(small.HealthRps)))
            .Append(("max_sql_per_request", maxSql)).Append(("history_ratio", Ratio(lowestHistory))).ToArray()));
        return missed.Count == 0;
    }

    /// <summary>Ratios as text with three decimals: ResultLine's one decimal would turn 0.03 into 0.0.</summary>
    private static string Ratio(double value) => value.ToString("0.000", System.Globalization.CultureInfo.InvariantCulture);
}
