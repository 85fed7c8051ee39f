using System.Diagnostics;

namespace Wehelpen.Benchmarks.Live;

/// <summary>CPU used over a stretch of time, each in percent of one core (two busy cores are 200%).</summary>
/// <param name="OtherPct">Everything else on the machine: the load and the app share it with whatever else runs.</param>
internal sealed record CpuFigures(double ServerPct, double LoadPct, double OtherPct);

/// <summary>
/// Where the machine's CPU went between <see cref="Start"/> and <see cref="Stop"/>: the app (one process, or a cluster's
/// nodes together), this program, the rest.
/// </summary>
internal sealed class CpuUsage
{
    private readonly IReadOnlyList<int> _serverPids;
    private readonly long _started = Stopwatch.GetTimestamp();
    private readonly TimeSpan _server;
    private readonly TimeSpan _load;
    private readonly (long Busy, long Total) _machine;

    private CpuUsage(IReadOnlyList<int> serverPids)
    {
        _serverPids = serverPids;
        _server = ServerTime();
        _load = ProcFigures.CpuTime(Environment.ProcessId);
        _machine = ProcFigures.MachineJiffies();
    }

    public static CpuUsage Start(int serverPid) => new([serverPid]);

    public static CpuUsage Start(IReadOnlyList<int> serverPids) => new(serverPids);

    private TimeSpan ServerTime() => _serverPids.Aggregate(TimeSpan.Zero, (sum, pid) => sum + ProcFigures.CpuTime(pid));

    public CpuFigures Stop()
    {
        var wall = Stopwatch.GetElapsedTime(_started);
        var server = (ServerTime() - _server) / wall * 100;
        var load = (ProcFigures.CpuTime(Environment.ProcessId) - _load) / wall * 100;
        var (busy, total) = ProcFigures.MachineJiffies();
        var machine = total == _machine.Total ? 0 : (double)(busy - _machine.Busy) / (total - _machine.Total) * 100 * Environment.ProcessorCount;
        return new CpuFigures(server, load, Math.Max(0, machine - server - load));
    }
}
