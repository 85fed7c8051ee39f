using System.Diagnostics;

namespace Wehelpen.Benchmarks.Live;

/// <summary>
/// What one connection received during one level: how often each message number of its circle arrived, and how long
/// each delivery took. Written by the connection's receive loop; the lock only matters for a straggler that arrives
/// while the level is being counted up.
/// </summary>
internal sealed class DeliveryLog(LevelCounters counters)
{
    private readonly Lock _lock = new();
    private readonly List<float> _latenciesMs = [];
    private readonly List<float> _crossedMs = [];
    private byte[] _timesArrived = new byte[64];
    private int _unexpected;

    /// <param name="crossed">The sender was on another node: the message came through the cluster bus.</param>
    public void Delivered(long seq, long elapsedTicks, bool crossed)
    {
        bool first;
        var ms = (float)(elapsedTicks * 1000.0 / Stopwatch.Frequency);
        lock (_lock)
        {
            if (seq >= _timesArrived.Length) Array.Resize(ref _timesArrived, (int)Math.Max(seq + 1, _timesArrived.Length * 2L));
            first = _timesArrived[seq] == 0;
            if (_timesArrived[seq] < byte.MaxValue) _timesArrived[seq]++;
            _latenciesMs.Add(ms);
            if (crossed) _crossedMs.Add(ms);
        }
        if (first) counters.FirstDelivery();
        if (ms >= LiveSettings.P99GoalMs) counters.SlowDelivery();
    }

    /// <summary>A chatMessage of another circle, or without the load's timestamp: neither should ever come here.</summary>
    public void Unexpected() => Interlocked.Increment(ref _unexpected);

    public int UnexpectedCount => Volatile.Read(ref _unexpected);

    public int TimesArrived(long seq)
    {
        lock (_lock) return seq < _timesArrived.Length ? _timesArrived[seq] : 0;
    }

    /// <summary>Arrivals beyond the first, of any message.</summary>
    public int Duplicates()
    {
        lock (_lock) return _timesArrived.Sum(n => Math.Max(0, n - 1));
    }

    public void CopyLatenciesTo(List<double> microseconds, List<double> crossedMicroseconds)
    {
        lock (_lock)
        {
            microseconds.AddRange(_latenciesMs.Select(ms => ms * 1000.0));
            crossedMicroseconds.AddRange(_crossedMs.Select(ms => ms * 1000.0));
        }
    }
}

/// <summary>The running totals of one level, shared by its senders and receivers.</summary>
internal sealed class LevelCounters
{
    private long _firstDeliveries;
    private long _expectedDeliveries;
    private int _inFlight;
    private int _stored;
    private int _failed;
    private long _slowDeliveries;
    private string? _firstFailure;

    public long FirstDeliveries => Interlocked.Read(ref _firstDeliveries);
    public long ExpectedDeliveries => Interlocked.Read(ref _expectedDeliveries);
    public int InFlight => Volatile.Read(ref _inFlight);
    public int Stored => Volatile.Read(ref _stored);
    public int Failed => Volatile.Read(ref _failed);
    public long SlowDeliveries => Interlocked.Read(ref _slowDeliveries);
    public string? FirstFailure => Volatile.Read(ref _firstFailure);

    public void FirstDelivery() => Interlocked.Increment(ref _firstDeliveries);

    /// <summary>A delivery that took the goal's time or longer: shown as the load goes, to see when they happen.</summary>
    public void SlowDelivery() => Interlocked.Increment(ref _slowDeliveries);
    public void SendStarted() => Interlocked.Increment(ref _inFlight);

    /// <summary>The server stored a message: every connection in its circle should get it once.</summary>
    public void SendStored(int receivers)
    {
        Interlocked.Increment(ref _stored);
        Interlocked.Add(ref _expectedDeliveries, receivers);
        Interlocked.Decrement(ref _inFlight);
    }

    public void SendFailed(Exception e)
    {
        if (Interlocked.Increment(ref _failed) == 1) Volatile.Write(ref _firstFailure, $"{e.GetType().Name}: {e.Message}");
        Interlocked.Decrement(ref _inFlight);
    }
}
