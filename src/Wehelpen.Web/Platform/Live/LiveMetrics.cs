using System.Diagnostics.Metrics;

namespace Wehelpen.Web.Platform.Live;

/// <summary>The hub connections open on this node (each node reports its own; sum them for the whole).</summary>
public sealed class LiveMetrics
{
    public const string MeterName = "Wehelpen.Live";
    private readonly UpDownCounter<long> _connections;

    public LiveMetrics(IMeterFactory meters) =>
        _connections = meters.Create(MeterName).CreateUpDownCounter<long>("wehelpen.live.connections", "{connection}", "Hub connections open on this node");

    public void Opened() => _connections.Add(1);

    public void Closed() => _connections.Add(-1);
}
