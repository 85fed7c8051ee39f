using System.Threading.Channels;

namespace Wehelpen.Web.Platform.Cluster;

/// <summary>
/// Sending, in batches. PostgreSQL serialises the commits of transactions that NOTIFY (one queue lock each), which
/// capped a node at ~400 messages a second when every message was its own transaction. One sender per node takes
/// whatever has queued while the previous batch was written (up to <see cref="BatchLimit"/>) and writes it in one
/// statement: one commit, one NOTIFY per message, in the order they were published. Nothing waits on purpose: a lone
/// message goes at once, and under load the batches grow by themselves.
/// </summary>
public sealed partial class PostgresClusterBus
{
    private const int BatchLimit = 500;

    private readonly Channel<Outgoing> _outgoing = Channel.CreateUnbounded<Outgoing>(new() { SingleReader = true });
    private Task? _sending;

    private sealed record Outgoing(string Channel, string Payload, TaskCompletionSource Sent);

    /// <summary>Done when the message is committed (or given up on, which is logged): never throws.</summary>
    public Task PublishAsync(string channel, string payload)
    {
        var sent = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!_outgoing.Writer.TryWrite(new Outgoing(channel, payload, sent)))
        {
            logger.LogWarning("A message on '{Channel}' was not sent to the other nodes: this node is stopping.", channel);
            return Task.CompletedTask;
        }
        // Started by the first message, which may come before the hosted services start.
        if (_sending is null) lock (_outgoing) _sending ??= Task.Run(SendAsync);
        return sent.Task;
    }

    private async Task SendAsync()
    {
        var batch = new List<Outgoing>(BatchLimit);
        while (await _outgoing.Reader.WaitToReadAsync())
        {
            while (batch.Count < BatchLimit && _outgoing.Reader.TryRead(out var message)) batch.Add(message);
            try
            {
                await WriteAsync(batch);
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "{Count} messages could not be sent to the other nodes.", batch.Count);
            }
            foreach (var message in batch) message.Sent.TrySetResult();
            batch.Clear();
        }
    }

    private async Task WriteAsync(List<Outgoing> batch)
    {
        // The ids are given in the order of the arrays; the NOTIFYs are made after the sort, in that order too. A
        // message too large for a NOTIFY goes as its id and node only and is read from its row.
        await using var command = database.CreateCommand($"""
            WITH m AS (
                INSERT INTO "ClusterMessages" ("Node", "Channel", "Payload")
                SELECT $1, c, p FROM unnest($2::text[], $3::text[]) WITH ORDINALITY AS t(c, p, i) ORDER BY i
                RETURNING "Id", "Channel", "Payload")
            SELECT pg_notify($4, m."Id"::text || CASE
                WHEN octet_length('|' || $1 || '|' || m."Channel" || '|' || m."Payload") > {InlineLimit} THEN '|' || $1
                ELSE '|' || $1 || '|' || m."Channel" || '|' || m."Payload" END)
            FROM m ORDER BY m."Id"
            """);
        command.Parameters.Add(new() { Value = node.Id });
        command.Parameters.Add(new() { Value = batch.Select(m => m.Channel).ToArray() });
        command.Parameters.Add(new() { Value = batch.Select(m => m.Payload).ToArray() });
        command.Parameters.Add(new() { Value = NotifyChannel });
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>What was published before the node stops is still sent (within the stop's time).</summary>
    private async Task StopPublishingAsync(CancellationToken ct)
    {
        _outgoing.Writer.TryComplete();
        Task? sending;
        lock (_outgoing) sending = _sending;
        if (sending is null) return;
        try
        {
            await sending.WaitAsync(ct);
        }
        catch (OperationCanceledException)
        {
            logger.LogWarning("Node {Node} stopped before all its messages were sent to the other nodes.", node.Name);
        }
    }
}
