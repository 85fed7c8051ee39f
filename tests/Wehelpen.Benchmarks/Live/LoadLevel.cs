using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;

namespace Wehelpen.Benchmarks.Live;

/// <summary>
/// One level of the load. Every connection sends a chat message to its circle every <see cref="LiveSettings.SendInterval"/>;
/// the first sends are spread evenly over the first interval, going round the circles (so a circle's members do not all
/// send within the same few milliseconds). Open loop: a send never waits for an earlier one to be answered, as people
/// do not, so a slow server shows as latency rather than as a lower rate. Afterwards the stragglers get
/// <see cref="LiveSettings.DrainLimit"/> to arrive, and every delivery is counted up.
/// </summary>
internal sealed class LoadLevel
{
    private static readonly TimeSpan ProgressEvery = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan BacklogLimit = TimeSpan.FromSeconds(5);

    // After the timestamp: about the length of a real chat line.
    private const string Filler = " hallo allemaal, ik kom morgen om tien uur langs met de boodschappen";

    private readonly IReadOnlyList<LoadConnection> _connections;
    private readonly CircleLog[] _circles;
    private readonly (LoadConnection Connection, CircleLog Circle)[] _sendOrder;
    private readonly LevelCounters _counters = new();
    private readonly float[] _ackMs;
    private readonly long _sends;
    private readonly long _plannedDeliveries;
    private readonly TimeSpan _spacing;

    private LoadLevel(IReadOnlyList<LoadConnection> connections, int seconds)
    {
        _connections = connections;
        _circles = connections.GroupBy(c => c.Circle.Index).Select(g => new CircleLog(g.ToList(), _counters)).ToArray();
        _sendOrder = Enumerable.Range(0, _circles.Max(c => c.Members.Count))
            .SelectMany(round => _circles.Where(c => round < c.Members.Count).Select(c => (c.Members[round], c)))
            .ToArray();
        _spacing = LiveSettings.SendInterval / connections.Count;
        _sends = (long)(TimeSpan.FromSeconds(seconds) / _spacing);
        _ackMs = new float[_sends];
        Array.Fill(_ackMs, float.NaN);
        for (long send = 0; send < _sends; send++) _plannedDeliveries += _sendOrder[send % _sendOrder.Length].Circle.Members.Count;
    }

    /// <param name="stopEarly">Give up the level as soon as it cannot be held any more (hold mode): see <see cref="Trouble"/>.</param>
    public static async Task<LevelFigures> RunAsync(IReadOnlyList<LoadConnection> connections, int seconds, bool stopEarly, IReadOnlyList<int> serverPids, CancellationToken ct)
    {
        var level = new LoadLevel(connections, seconds);
        foreach (var circle in level._circles) circle.Attach();
        var usage = CpuUsage.Start(serverPids);
        var (sendSeconds, stopReason) = await level.SendAsync(stopEarly, serverPids, ct);
        var cpu = usage.Stop();
        var unanswered = await level.DrainAsync(ct);
        foreach (var circle in level._circles) circle.Detach();
        return level.CountUp(sendSeconds, stopReason, unanswered, cpu);
    }

    private async Task<(double Seconds, string? StopReason)> SendAsync(bool stopEarly, IReadOnlyList<int> serverPids, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(Math.Clamp(_spacing.TotalMilliseconds, 1, 5)));
        var progress = new ProgressReport(serverPids, _counters);
        var nextProgress = ProgressEvery;
        long next = 0;
        while (true)
        {
            var elapsed = Stopwatch.GetElapsedTime(started);
            // Send i is due at i * spacing: all of those up to now go out, also the ones a late tick left behind.
            var due = Math.Min(_sends, (long)(elapsed / _spacing) + 1);
            for (; next < due; next++) _ = SendOneAsync(next);
            if (next >= _sends) return (Stopwatch.GetElapsedTime(started).TotalSeconds, null);
            if (elapsed >= nextProgress)
            {
                progress.Report(elapsed, next);
                if (stopEarly && Trouble() is { } reason) return (elapsed.TotalSeconds, reason);
                nextProgress += ProgressEvery;
            }
            await timer.WaitForNextTickAsync(ct);
        }
    }

    private async Task SendOneAsync(long send)
    {
        var (connection, circle) = _sendOrder[send % _sendOrder.Length];
        var started = Stopwatch.GetTimestamp();
        // Unique per person and thread, also over levels and for a person's several connections.
        var message = new ChatMessageArgument($"{connection.Index}.{connection.Sent++}", $"{started}{Filler}");
        _counters.SendStarted();
        try
        {
            var stored = await connection.Hub!.InvokeAsync<JsonElement>("SendChat", connection.Circle.Target, message);
            _ackMs[send] = (float)Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            circle.Stored(stored.GetProperty("seq").GetInt64());
            _counters.SendStored(circle.Members.Count);
        }
        catch (Exception e)
        {
            _counters.SendFailed(e);
        }
    }

    /// <summary>An error; so many slow deliveries already that the p99 goal cannot be met whatever comes; or the
    /// server so far behind that sends pile up (more than <see cref="BacklogLimit"/> of them unanswered).</summary>
    private string? Trouble() =>
        _counters.Failed > 0 ? $"{_counters.Failed} sends failed, the first: {_counters.FirstFailure}"
        : _connections.Count(c => !c.IsConnected) is > 0 and var closed ? $"{closed} connections closed"
        : _counters.SlowDeliveries > _plannedDeliveries / 100 ? $"{_counters.SlowDeliveries} deliveries took {LiveSettings.P99GoalMs} ms or more, over 1% of the {_plannedDeliveries} planned"
        : _counters.InFlight > BacklogLimit / _spacing ? $"{_counters.InFlight} sends unanswered (more than {BacklogLimit.TotalSeconds} s worth)"
        : null;

    /// <returns>Sends still unanswered when the wait ended.</returns>
    private async Task<int> DrainAsync(CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        using var poll = new PeriodicTimer(TimeSpan.FromMilliseconds(20));
        while ((_counters.InFlight > 0 || _counters.FirstDeliveries < _counters.ExpectedDeliveries)
               && Stopwatch.GetElapsedTime(started) < LiveSettings.DrainLimit)
            await poll.WaitForNextTickAsync(ct);
        return _counters.InFlight;
    }

    private LevelFigures CountUp(double sendSeconds, string? stopReason, int unanswered, CpuFigures cpu)
    {
        var microseconds = new List<double>();
        var crossed = new List<double>();
        foreach (var log in _circles.SelectMany(c => c.Logs)) log.CopyLatenciesTo(microseconds, crossed);
        var acks = _ackMs.Where(float.IsFinite).Select(ms => ms * 1000.0).ToArray();
        return new LevelFigures(
            Connections: _connections.Count, Circles: _circles.Length, Seconds: sendSeconds, StopReason: stopReason,
            Stored: _counters.Stored, Failed: _counters.Failed, FirstFailure: _counters.FirstFailure, Unanswered: unanswered,
            Closed: _connections.Count(c => !c.IsConnected), Unexpected: _circles.Sum(c => c.Logs.Sum(l => l.UnexpectedCount)),
            Lost: _circles.Sum(c => c.Lost()), Duplicated: _circles.Sum(c => c.Logs.Sum(l => l.Duplicates())),
            Deliveries: Latencies.Of([.. microseconds]), Crossed: Latencies.Of([.. crossed]), Acks: Latencies.Of(acks), Cpu: cpu);
    }
}

/// <summary>The hub's SendChatInput as it goes over the wire.</summary>
internal sealed record ChatMessageArgument(string ClientMessageId, string Text);
