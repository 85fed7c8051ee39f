using System.Diagnostics.Metrics;

namespace Wehelpen.Web.Features.Push;

/// <summary>Pushes taken by push services, attempts that failed, and devices that were gone: counts, never whose.</summary>
public sealed class PushMetrics
{
    public const string MeterName = "Wehelpen.Push";

    private readonly Counter<long> _sent;
    private readonly Counter<long> _failed;
    private readonly Counter<long> _gone;

    public PushMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _sent = meter.CreateCounter<long>("wehelpen.pushes.sent", "{push}", "Pushes a push service took");
        _failed = meter.CreateCounter<long>("wehelpen.pushes.failed", "{attempt}", "Attempts to push that failed");
        _gone = meter.CreateCounter<long>("wehelpen.pushes.devices_gone", "{device}", "Devices removed because their push service said they are gone");
    }

    public void Sent() => _sent.Add(1);
    public void Failed() => _failed.Add(1);
    public void Gone() => _gone.Add(1);
}
