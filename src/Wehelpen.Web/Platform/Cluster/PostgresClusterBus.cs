using System.Collections.Concurrent;
using System.Text;
using System.Threading.Channels;
using Npgsql;

namespace Wehelpen.Web.Platform.Cluster;

/// <summary>
/// The nodes' bus on PostgreSQL. Every message is a row in "ClusterMessages" and a NOTIFY in the same statement, so
/// it is delivered at commit, in commit order, to every node that LISTENs (sent in batches: PostgresClusterBus.Publishing.cs). A message that fits PostgreSQL's
/// 8,000-byte NOTIFY limit travels inside the notification; a larger one is read from its row. A node whose listening
/// connection broke reads the rows it missed once it listens again; rows are kept for <see cref="Retention"/>.
/// The same loop keeps this node's heartbeat in "ClusterNodes", by which the nodes know who is still there.
/// </summary>
public sealed partial class PostgresClusterBus(
    [FromKeyedServices(ClusterExtensions.BusDatabase)] NpgsqlDataSource database, ClusterNode node, ILogger<PostgresClusterBus> logger) : BackgroundService, IClusterBus
{
    public const string NotifyChannel = "wehelpen_cluster";
    public static readonly TimeSpan Retention = TimeSpan.FromMinutes(5);
    public static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(5);

    /// <summary>A node whose heartbeat is older than this is gone: its people are offline, its work is someone else's.</summary>
    public static readonly TimeSpan NodeTimeout = TimeSpan.FromSeconds(20);

    // PostgreSQL refuses a NOTIFY payload of 8,000 bytes or more; room is left for the message id.
    private const int InlineLimit = 7_900;

    private readonly ConcurrentDictionary<string, List<Func<string, Task>>> _handlers = new(StringComparer.Ordinal);
    private readonly List<Func<Task>> _missedHandlers = [];
    private readonly List<Func<IReadOnlyList<string>, Task>> _goneHandlers = [];
    private readonly List<Func<Task>> _rejoinedHandlers = [];
    private readonly Channel<Incoming> _incoming = Channel.CreateUnbounded<Incoming>(new() { SingleReader = true });
    private readonly SeenMessages _seen = new();
    private volatile bool _listening;

    public bool IsShared => true;

    /// <summary>Whether this node hears the others now; the readiness check reports it.</summary>
    public bool IsListening => _listening;

    public void Subscribe(string channel, Func<string, Task> handler) =>
        _handlers.AddOrUpdate(channel, _ => [handler], (_, list) => [.. list, handler]);

    public void OnMissedMessages(Func<Task> handler) { lock (_missedHandlers) _missedHandlers.Add(handler); }

    public void OnNodesGone(Func<IReadOnlyList<string>, Task> handler) { lock (_goneHandlers) _goneHandlers.Add(handler); }

    public void OnRejoined(Func<Task> handler) { lock (_rejoinedHandlers) _rejoinedHandlers.Add(handler); }

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await base.StartAsync(cancellationToken);
        // Hear the others before this node serves anyone: wait (briefly) for the first LISTEN.
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        wait.CancelAfter(TimeSpan.FromSeconds(15));
        while (!_listening && !wait.IsCancellationRequested)
            await Task.Delay(20, CancellationToken.None);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await StopPublishingAsync(cancellationToken);
        await base.StopAsync(cancellationToken);
        try
        {
            // Leaving: the others take over this node's people at their next heartbeat, not after the timeout.
            await using var command = database.CreateCommand("""UPDATE "ClusterNodes" SET "SeenAt" = '-infinity' WHERE "Node" = $1""");
            command.Parameters.Add(new() { Value = node.Id });
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Could not tell the other nodes that node {Node} stops.", node.Name);
        }
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(ListenAsync(stoppingToken), DeliverAsync(stoppingToken), HeartbeatAsync(stoppingToken));

    private async Task ListenAsync(CancellationToken ct)
    {
        DateTimeOffset? heardUntil = null;
        var retry = TimeSpan.FromMilliseconds(250);
        while (!ct.IsCancellationRequested)
        {
            // The catch-up goes in line before anything this connection hears, and runs once it listens: the messages
            // sent while nobody listened here (at the first start: while this node started), then the new ones, in order.
            var catchUp = new TaskCompletionSource<(DateTimeOffset Since, bool Missed)>(TaskCreationOptions.RunContinuationsAsynchronously);
            try
            {
                await using var connection = await database.OpenConnectionAsync(ct);
                _incoming.Writer.TryWrite(Incoming.Catching(catchUp.Task));
                connection.Notification += (_, e) => _incoming.Writer.TryWrite(Incoming.Parse(e.Payload));
                await using (var listen = new NpgsqlCommand($"LISTEN {NotifyChannel}", connection)) await listen.ExecuteNonQueryAsync(ct);
                var now = await DatabaseNowAsync(connection, ct);
                catchUp.SetResult(((heardUntil ?? now - TimeSpan.FromSeconds(30)) - TimeSpan.FromSeconds(5), heardUntil is { } h && now - h > Retention));
                _listening = true;
                retry = TimeSpan.FromMilliseconds(250);
                if (heardUntil is not null) logger.LogInformation("Node {Node} hears the other nodes again.", node.Name);
                heardUntil = now;
                var asked = System.Diagnostics.Stopwatch.StartNew();
                while (!ct.IsCancellationRequested)
                {
                    await connection.WaitAsync(TimeSpan.FromSeconds(10), ct);
                    // Every ten seconds the server is asked the time: up to when this node surely heard everything, and a
                    // connection that died without a word is found.
                    if (asked.Elapsed < TimeSpan.FromSeconds(10)) continue;
                    heardUntil = await DatabaseNowAsync(connection, ct);
                    asked.Restart();
                }
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                catchUp.TrySetCanceled();
                return;
            }
            catch (Exception e)
            {
                catchUp.TrySetCanceled();
                _listening = false;
                logger.LogWarning(e, "Node {Node} lost its connection to the other nodes; trying again in {Delay} ms.", node.Name, retry.TotalMilliseconds);
                try { await Task.Delay(retry, ct); } catch (OperationCanceledException) { return; }
                retry = TimeSpan.FromTicks(Math.Min(retry.Ticks * 2, TimeSpan.FromSeconds(5).Ticks));
            }
        }
    }

    private static async Task<DateTimeOffset> DatabaseNowAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("SELECT now()", connection) { CommandTimeout = 10 };
        // Npgsql reads a timestamptz as a UTC DateTime.
        return new DateTimeOffset(DateTime.SpecifyKind((DateTime)(await command.ExecuteScalarAsync(ct))!, DateTimeKind.Utc));
    }

    /// <summary>One message after the other, in the order they were sent; a failing handler does not stop the rest.</summary>
    private async Task DeliverAsync(CancellationToken ct)
    {
        await foreach (var incoming in _incoming.Reader.ReadAllAsync(ct))
        {
            try
            {
                if (incoming.CatchUp is { } listening)
                {
                    // A connection that failed before it listened leaves nothing to catch up on; the next one will.
                    if (await Settled(listening) is not var (since, missed)) continue;
                    foreach (var message in await ReadSinceAsync(since, ct)) await HandleAsync(message);
                    if (missed) await RunAsync(_missedHandlers, h => h(), "missed messages");
                    continue;
                }
                var m = incoming.Message!;
                if (m.Node == node.Id) continue;
                if (m.Channel is null) m = await ReadAsync(m.Id, ct) ?? m;
                await HandleAsync(m);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "A message from another node could not be read.");
            }
        }
    }

    private static async Task<(DateTimeOffset Since, bool Missed)?> Settled(Task<(DateTimeOffset Since, bool Missed)> listening)
    {
        try
        {
            return await listening;
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }

    private async Task HandleAsync(BusMessage message)
    {
        if (message.Channel is null || message.Node == node.Id || !_seen.Add(message.Id)) return;
        if (!_handlers.TryGetValue(message.Channel, out var handlers)) return;
        foreach (var handler in handlers)
        {
            try
            {
                await handler(message.Payload!);
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "Handling a message on '{Channel}' from node {Node} failed.", message.Channel, message.Node);
            }
        }
    }

    private async Task<BusMessage?> ReadAsync(long id, CancellationToken ct)
    {
        await using var command = database.CreateCommand("""SELECT "Id", "Node", "Channel", "Payload" FROM "ClusterMessages" WHERE "Id" = $1""");
        command.Parameters.Add(new() { Value = id });
        return (await ReadMessagesAsync(command, ct)).SingleOrDefault();
    }

    private async Task<List<BusMessage>> ReadSinceAsync(DateTimeOffset since, CancellationToken ct)
    {
        await using var command = database.CreateCommand("""
            SELECT "Id", "Node", "Channel", "Payload" FROM "ClusterMessages" WHERE "SentAt" >= $1 AND "Node" <> $2 ORDER BY "Id"
            """);
        command.Parameters.Add(new() { Value = since });
        command.Parameters.Add(new() { Value = node.Id });
        return await ReadMessagesAsync(command, ct);
    }

    private static async Task<List<BusMessage>> ReadMessagesAsync(NpgsqlCommand command, CancellationToken ct)
    {
        var messages = new List<BusMessage>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            messages.Add(new BusMessage(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3)));
        return messages;
    }

    private async Task RunAsync<T>(List<T> handlers, Func<T, Task> run, string what)
    {
        T[] copy;
        lock (handlers) copy = [.. handlers];
        foreach (var handler in copy)
        {
            try
            {
                await run(handler);
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "Handling {What} failed.", what);
            }
        }
    }

    private sealed record BusMessage(long Id, string? Node, string? Channel, string? Payload);

    private sealed record Incoming(BusMessage? Message, Task<(DateTimeOffset Since, bool Missed)>? CatchUp)
    {
        /// <summary>"id|node|channel|payload", or "id|node" for a message too large to travel inline.</summary>
        public static Incoming Parse(string notification)
        {
            var parts = notification.Split('|', 4);
            var id = long.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture);
            return new Incoming(parts.Length == 4 ? new BusMessage(id, parts[1], parts[2], parts[3]) : new BusMessage(id, parts[1], null, null), null);
        }

        public static Incoming Catching(Task<(DateTimeOffset Since, bool Missed)> listening) => new(null, listening);
    }
}
