using System.Globalization;
using Wehelpen.Benchmarks.Live;

namespace Wehelpen.Benchmarks.Cluster;

/// <summary>
/// Where the machine's CPU went between two snapshots, by groups of processes (each process with all its
/// descendants: PostgreSQL's backends, nginx's worker), and the rest as "other": on a shared machine, what other
/// people ran. In percent of one core (two busy cores are 200%). A process that ended between the snapshots is not
/// counted in its group (its time shows as other), so snapshots are taken while the measured processes run.
/// </summary>
internal sealed class CpuShares
{
    private readonly IReadOnlyList<(string Name, int[] Roots)> _groups;
    private readonly long[] _ticks;
    private readonly (long Busy, long Total) _machine;

    private CpuShares(IReadOnlyList<(string Name, int[] Roots)> groups)
    {
        _groups = groups;
        _ticks = Ticks(groups);
        _machine = ProcFigures.MachineJiffies();
    }

    public static CpuShares Start(IReadOnlyList<(string Name, int[] Roots)> groups) => new(groups);

    /// <returns>Each group's share, then "other".</returns>
    public IReadOnlyList<(string Name, double Pct)> Stop()
    {
        var ticks = Ticks(_groups);
        var (busy, total) = ProcFigures.MachineJiffies();
        var elapsed = Math.Max(1, total - _machine.Total);
        // Per-process times and /proc/stat count in the same unit (USER_HZ); /proc/stat's total counts every core.
        double Pct(long t) => (double)t / elapsed * 100 * Environment.ProcessorCount;
        var shares = _groups.Select((g, i) => (g.Name, Pct(ticks[i] - _ticks[i]))).ToList();
        shares.Add(("other", Math.Max(0, Pct(busy - _machine.Busy) - shares.Sum(s => s.Item2))));
        return shares;
    }

    public static string Format(IReadOnlyList<(string Name, double Pct)> shares) => string.Join(' ', shares.Select(s => $"{s.Name}={s.Pct:0}"));

    private static long[] Ticks(IReadOnlyList<(string Name, int[] Roots)> groups)
    {
        var processes = ReadProcesses();
        var children = processes.ToLookup(p => p.Value.Parent, p => p.Key);
        return [.. groups.Select(g =>
        {
            long sum = 0;
            var seen = new HashSet<int>();
            var stack = new Stack<int>(g.Roots);
            while (stack.TryPop(out var pid))
            {
                if (!seen.Add(pid) || !processes.TryGetValue(pid, out var p)) continue;
                sum += p.Ticks;
                foreach (var child in children[pid]) stack.Push(child);
            }
            return sum;
        })];
    }

    /// <summary>Every process's parent and user+system time, from /proc/PID/stat.</summary>
    private static Dictionary<int, (int Parent, long Ticks)> ReadProcesses()
    {
        var processes = new Dictionary<int, (int, long)>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid)) continue;
            string stat;
            try { stat = File.ReadAllText(Path.Combine(dir, "stat")); }
            catch (IOException) { continue; } // ended meanwhile
            // "pid (comm) state ppid ...": comm may hold spaces and parentheses, so the fields start after the last ')'.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            processes[pid] = (int.Parse(fields[1], CultureInfo.InvariantCulture),
                long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture));
        }
        return processes;
    }
}
