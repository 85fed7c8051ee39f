using System.Diagnostics;

namespace Wehelpen.Benchmarks;

/// <summary>Times each call on its own (Stopwatch timestamps) and gives percentiles in microseconds.</summary>
public sealed class Latencies
{
    private readonly double[] _sorted;

    private Latencies(double[] microseconds)
    {
        Array.Sort(microseconds);
        _sorted = microseconds;
    }

    public int Count => _sorted.Length;
    public double P50 => Percentile(0.50);
    public double P99 => Percentile(0.99);

    public static Latencies Measure(int count, Action<int> call)
    {
        var microseconds = new double[count];
        for (var i = 0; i < count; i++)
        {
            var started = Stopwatch.GetTimestamp();
            call(i);
            microseconds[i] = (Stopwatch.GetTimestamp() - started) * 1e6 / Stopwatch.Frequency;
        }
        return new Latencies(microseconds);
    }

    /// <summary>Nearest rank: the smallest time that at least this share of the calls did not exceed.</summary>
    public double Percentile(double share) => _sorted[Math.Clamp((int)Math.Ceiling(share * _sorted.Length) - 1, 0, _sorted.Length - 1)];
}
