namespace Wehelpen.Benchmarks.Cluster;

/// <summary>One measured wrk run, with where the CPU went meanwhile.</summary>
internal sealed record EndpointRun(string Endpoint, int Connections, WrkFigures Figures, IReadOnlyList<(string Name, double Pct)> Cpu)
{
    public double OtherCpuPct => Cpu.FirstOrDefault(c => c.Name == "other").Pct;

    public string Describe()
    {
        var f = Figures;
        return $"{Endpoint} c={Connections}: {f.Rps:0} rps, p50 {f.P50Us / 1000:0.00} ms, p99 {f.P99Us / 1000:0.0} ms, max {f.MaxUs / 1000:0} ms, "
            + $"{f.Bytes / 1024.0 / Math.Max(1, f.Requests):0.0} KB/response, errors {f.Errors}" + (f.Errors > 0 ? $" ({f.ErrorBreakdown})" : "")
            + $"; cpu% {CpuShares.Format(Cpu)}";
    }
}
