namespace Wehelpen.Benchmarks.Live;

/// <summary>A line on stderr now and then while a level runs, with the CPU since the line before.</summary>
internal sealed class ProgressReport(IReadOnlyList<int> serverPids, LevelCounters counters)
{
    private CpuUsage _window = CpuUsage.Start(serverPids);

    public void Report(TimeSpan elapsed, long sent)
    {
        var cpu = _window.Stop();
        _window = CpuUsage.Start(serverPids);
        Console.Error.WriteLine($"  {elapsed.TotalSeconds,4:0}s sent={sent} stored={counters.Stored} failed={counters.Failed} in_flight={counters.InFlight} "
            + $"delivered={counters.FirstDeliveries}/{counters.ExpectedDeliveries} slow={counters.SlowDeliveries} "
            + $"cpu%: app={cpu.ServerPct:0} load={cpu.LoadPct:0} other={cpu.OtherPct:0}");
    }
}
