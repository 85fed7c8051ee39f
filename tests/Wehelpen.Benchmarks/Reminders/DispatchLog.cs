using System.Globalization;
using System.Text.RegularExpressions;

namespace Wehelpen.Benchmarks.Reminders;

/// <summary>
/// What the app's log says about the reminder jobs, read on the app's output thread: each run of the dispatch job that
/// sent something logs "Reminders: N sent, M dropped.", and at Debug (turned on for this category by the benchmark)
/// where the run's time went: how long after its trigger's time it started, then dispatching, the next wake-up and the
/// mail of what it sent (or, once the mail went to a job of its own, waking that job).
/// </summary>
internal sealed partial class DispatchLog
{
    /// <summary>The app setting that makes the dispatch job log its timings.</summary>
    public const string DebugSetting = "Logging__LogLevel__Wehelpen.Web.Features.Reminders.ReminderDispatchJob";

    private readonly Lock _lock = new();
    private readonly List<(double Late, double Dispatch, double Wake, int Mails, double Mail)> _runs = [];
    private long _sendingRuns;

    /// <summary>Runs that sent or dropped something.</summary>
    public long SendingRuns => Interlocked.Read(ref _sendingRuns);

    public void Read(string line)
    {
        if (line.Contains("Reminders: ", StringComparison.Ordinal) && SentLine().IsMatch(line)) Interlocked.Increment(ref _sendingRuns);
        else if (RunLine().Match(line) is { Success: true } run)
        {
            lock (_lock) _runs.Add((Ms(run, 1), Ms(run, 2), Ms(run, 3), run.Groups[4].Success ? int.Parse(run.Groups[4].ValueSpan, CultureInfo.InvariantCulture) : 0, Ms(run, 5)));
        }
    }

    /// <summary>Where the dispatch job's time went: per phase the total and the p50 / p99 / max of a run, in ms.</summary>
    public string Summary()
    {
        lock (_lock)
        {
            if (_runs.Count == 0) return "no timings logged";
            string Phase(string name, Func<(double Late, double Dispatch, double Wake, int Mails, double Mail), double> of)
            {
                var ms = Latencies.Of([.. _runs.Select(of)]);
                return $"{name} total {_runs.Sum(of) / 1000:0.0} s, p50 {ms.P50:0.0} p99 {ms.P99:0} max {ms.Max:0} ms";
            }
            return $"{_runs.Count} runs ({_runs.Count(r => r.Mails > 0)} with mail, {_runs.Sum(r => r.Mails)} mails); "
                + $"{Phase("started late", r => r.Late)}; {Phase("dispatch", r => r.Dispatch)}; {Phase("wake", r => r.Wake)}; {Phase("mail", r => r.Mail)}";
        }
    }

    private static double Ms(Match match, int group) => double.Parse(match.Groups[group].Value.Replace(',', '.'), CultureInfo.InvariantCulture);

    [GeneratedRegex(@"Reminders: \d+ sent, \d+ dropped\.")]
    private static partial Regex SentLine();

    [GeneratedRegex(@"Dispatch run: late (-?[\d.,]+) ms, dispatch ([\d.,]+) ms, wake ([\d.,]+) ms, mail (?:(\d+) in|woken in) ([\d.,]+) ms\.")]
    private static partial Regex RunLine();
}
