using System.Diagnostics.Metrics;
using System.Text.Json;

namespace Wehelpen.Web.Features.Reminders;

/// <summary>
/// How the reminders keep time, recorded once a batch is committed: how late each was handled after it was due, and
/// how many were sent or dropped, by kind (and for a drop, whether the moment had passed or it was no longer wanted).
/// </summary>
public sealed class ReminderMetrics
{
    public const string MeterName = "Wehelpen.Reminders";
    private readonly Histogram<double> _lateness;
    private readonly Counter<long> _sent;
    private readonly Counter<long> _dropped;

    public ReminderMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _lateness = meter.CreateHistogram<double>("wehelpen.reminders.lateness", "ms",
            "From the moment a reminder was due until it was sent or dropped");
        _sent = meter.CreateCounter<long>("wehelpen.reminders.sent", "{reminder}", "Reminders turned into a notification, by kind");
        _dropped = meter.CreateCounter<long>("wehelpen.reminders.dropped", "{reminder}",
            "Reminders not sent, by kind and reason (started: too late to help; unwanted: moved, cancelled or turned off)");
    }

    public void Handled(Reminder reminder)
    {
        if (reminder.HandledAt is not { } handled) return;
        var kind = new KeyValuePair<string, object?>("kind", JsonNamingPolicy.SnakeCaseLower.ConvertName(reminder.Kind.ToString()));
        _lateness.Record(Math.Max(0, (handled - reminder.DueAt).TotalMilliseconds), kind);
        if (reminder.Status == ReminderStatus.Sent) _sent.Add(1, kind);
        else _dropped.Add(1, kind, new KeyValuePair<string, object?>("reason", reminder.EventAt <= handled ? "started" : "unwanted"));
    }
}
