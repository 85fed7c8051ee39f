namespace Wehelpen.Benchmarks.Reminders;

/// <summary>
/// The baseline of the same run: how late a bare .NET timer in this process wakes for moments spread over the same
/// window, on the same machine under the same load. The app's lateness is read against it (<c>p99_ratio</c>): these
/// machines are noisy, and a late reminder on a starved machine says less about the app than the ratio does.
/// </summary>
internal static class TimerBaseline
{
    public static readonly TimeSpan Every = TimeSpan.FromMilliseconds(100);

    public static async Task<Latencies> RunAsync(DateTimeOffset from, DateTimeOffset until, CancellationToken ct)
    {
        var now = DateTimeOffset.UtcNow;
        if (from < now) from += Every * Math.Ceiling((now - from) / Every); // the setup ran late: from the next step on
        var late = new List<double>();
        for (var due = from; due <= until; due += Every)
        {
            var wait = due - DateTimeOffset.UtcNow;
            if (wait > TimeSpan.Zero) await Task.Delay(wait, ct);
            late.Add((DateTimeOffset.UtcNow - due).TotalMicroseconds);
        }
        return Latencies.Of(late.ToArray());
    }
}
