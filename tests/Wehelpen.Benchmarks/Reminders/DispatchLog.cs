using System.Text.RegularExpressions;

namespace Wehelpen.Benchmarks.Reminders;

/// <summary>
/// What the app's log says about the reminder jobs: each run of the dispatch job that sent something logs
/// "Reminders: N sent, M dropped." (so runs per second and reminders per run show how the wake-up trigger keeps up),
/// and the planning job "Planned N reminders ahead." when it is done. Read on the app's output thread.
/// </summary>
internal sealed partial class DispatchLog
{
    private long _runs;
    private long _sent;
    private long _plannedAt;

    public long Runs => Interlocked.Read(ref _runs);
    public long Sent => Interlocked.Read(ref _sent);

    /// <summary>The wall-clock moment the planning job said it was done (unix ms), 0 before.</summary>
    public DateTimeOffset? PlanningDoneAt => Interlocked.Read(ref _plannedAt) is var ms and > 0 ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null;

    public void Read(string line)
    {
        if (SentLine().Match(line) is { Success: true } sent)
        {
            Interlocked.Increment(ref _runs);
            Interlocked.Add(ref _sent, long.Parse(sent.Groups[1].ValueSpan));
        }
        else if (line.Contains("reminders ahead.", StringComparison.Ordinal))
            Interlocked.CompareExchange(ref _plannedAt, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), 0);
    }

    [GeneratedRegex(@"Reminders: (\d+) sent, \d+ dropped\.")]
    private static partial Regex SentLine();
}
