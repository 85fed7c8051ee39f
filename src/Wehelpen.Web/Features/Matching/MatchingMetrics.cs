using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Wehelpen.Web.Features.Matching;

/// <summary>How long the in-memory engine takes to answer, by query: <see cref="Match"/> (volunteers for a request) or <see cref="NearMe"/> (requests for a volunteer).</summary>
public sealed class MatchingMetrics
{
    public const string MeterName = "Wehelpen.Matching";
    public const string Match = "match";
    public const string NearMe = "near_me";
    private readonly Histogram<double> _duration;

    public MatchingMetrics(IMeterFactory meters) =>
        _duration = meters.Create(MeterName).CreateHistogram<double>("wehelpen.matching.duration", "ms", "Time the matching engine took to answer a query");

    public T Time<T>(string query, Func<T> ask)
    {
        var started = Stopwatch.GetTimestamp();
        var answer = ask();
        _duration.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds, new KeyValuePair<string, object?>("query", query));
        return answer;
    }
}
