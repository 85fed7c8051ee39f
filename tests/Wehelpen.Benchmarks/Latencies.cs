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
    public double Max => _sorted.Length == 0 ? double.NaN : _sorted[^1];

    /// <summary>Times taken elsewhere (the live benchmark's deliveries); the array is sorted in place.</summary>
    public static Latencies Of(double[] microseconds) => new(microseconds);

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
    public double Percentile(double share) => _sorted.Length == 0 ? double.NaN : _sorted[Math.Clamp((int)Math.Ceiling(share * _sorted.Length) - 1, 0, _sorted.Length - 1)];
}
