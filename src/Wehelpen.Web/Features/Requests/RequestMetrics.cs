using System.Diagnostics.Metrics;
using System.Text.Json;

namespace Wehelpen.Web.Features.Requests;

/// <summary>
/// What operators count of help requests, recorded once a change is saved: each step of a request's life (posted,
/// claimed, done, expired, escalated, ...) with the audience it had then, and the alerts that went to volunteers.
/// Tags are closed lists only: no ids, no circle, no words.
/// </summary>
public sealed class RequestMetrics
{
    public const string MeterName = "Wehelpen.Requests";
    private readonly Counter<long> _changes;
    private readonly Counter<long> _alerts;

    public RequestMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _changes = meter.CreateCounter<long>("wehelpen.requests.changes", "{change}",
            "Changes in the life of help requests, by change (posted, claimed, done, expired, escalated, ...) and audience");
        _alerts = meter.CreateCounter<long>("wehelpen.alerts.sent", "{alert}",
            "Volunteers asked about a neighbourhood request, one alert each");
    }

    public void Changed(RequestChange change, RequestAudience audience) =>
        _changes.Add(1, new KeyValuePair<string, object?>("change", Tag(change)), new KeyValuePair<string, object?>("audience", Tag(audience)));

    public void Alerted(int volunteers)
    {
        if (volunteers > 0) _alerts.Add(volunteers);
    }

    private static string Tag<T>(T value) where T : struct, Enum => JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());
}
