using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;

namespace Wehelpen.Web.Tests.Telemetry;

/// <summary>
/// What one test app records on its own instruments, as an exporter would receive it. The instruments are told
/// apart by their meter's scope (the app's <see cref="IMeterFactory"/>): tests run side by side in one process, and
/// a listener by meter name alone would count the neighbours' work too.
/// </summary>
public sealed class AppMetrics : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentQueue<(string Instrument, double Value, Dictionary<string, string?> Tags)> _measurements = new();

    public AppMetrics(WehelpenApplication app)
    {
        var factory = app.Services.GetRequiredService<IMeterFactory>();
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (ReferenceEquals(instrument.Meter.Scope, factory) && instrument.Meter.Name.StartsWith("Wehelpen.", StringComparison.Ordinal))
                listener.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<long>((i, value, tags, _) => Add(i, value, tags));
        _listener.SetMeasurementEventCallback<double>((i, value, tags, _) => Add(i, value, tags));
        _listener.Start();
    }

    private void Add(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var copy = new Dictionary<string, string?>();
        foreach (var (key, tag) in tags) copy[key] = tag?.ToString();
        _measurements.Enqueue((instrument.Name, value, copy));
        lock (_measurements) Monitor.PulseAll(_measurements);
    }

    /// <summary>Waits until <paramref name="condition"/> holds, looking again at each new measurement (no polling).</summary>
    public async Task UntilAsync(Func<AppMetrics, bool> condition, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        await Task.Run(() =>
        {
            lock (_measurements)
            {
                while (!condition(this))
                {
                    var left = deadline - DateTime.UtcNow;
                    if (left <= TimeSpan.Zero || !Monitor.Wait(_measurements, left) && !condition(this))
                        throw new TimeoutException("The metrics did not reach the expected state in time.");
                }
            }
        });
    }

    /// <summary>The measurements of one instrument whose tags include all of <paramref name="tags"/> ("key=value").</summary>
    public IReadOnlyList<double> Of(string instrument, params string[] tags) =>
        _measurements.Where(m => m.Instrument == instrument && tags.All(t => m.Tags.GetValueOrDefault(t[..t.IndexOf('=')]) == t[(t.IndexOf('=') + 1)..]))
            .Select(m => m.Value).ToList();

    /// <summary>A counter's total, as the exporter would show it.</summary>
    public double Sum(string instrument, params string[] tags) => Of(instrument, tags).Sum();

    public IReadOnlyList<Dictionary<string, string?>> TagsOf(string instrument) =>
        _measurements.Where(m => m.Instrument == instrument).Select(m => m.Tags).ToList();

    public void Dispose() => _listener.Dispose();
}
