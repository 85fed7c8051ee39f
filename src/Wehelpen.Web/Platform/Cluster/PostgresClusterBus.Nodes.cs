using Npgsql;

namespace Wehelpen.Web.Platform.Cluster;

public sealed partial class PostgresClusterBus
{
    /// <summary>
    /// Every few seconds: this node is still here; nodes whose heartbeat ended are gone (one node takes each gone node
    /// over, by deleting its row); messages older than the retention are cleared.
    /// </summary>
    private async Task HeartbeatAsync(CancellationToken ct)
    {
        var first = true;
        var lastCleanup = DateTimeOffset.MinValue;
        using var timer = new PeriodicTimer(Heartbeat);
        do
        {
            try
            {
                var rejoined = await BeatAsync(ct) && !first;
                first = false;
                if (rejoined)
                {
                    logger.LogWarning("Node {Node} was taken for gone by the others and is back.", node.Name);
                    await RunAsync(_rejoinedHandlers, h => h(), "rejoining");
                }
                var gone = await TakeOverGoneNodesAsync(ct);
                if (gone.Count > 0)
                {
                    logger.LogInformation("Node(s) {Nodes} stopped or died; node {Node} takes over what they left.", string.Join(", ", gone), node.Name);
                    await RunAsync(_goneHandlers, h => h(gone), "gone nodes");
                }
                if (DateTimeOffset.UtcNow - lastCleanup > TimeSpan.FromMinutes(1))
                {
                    await using var clear = database.CreateCommand("""DELETE FROM "ClusterMessages" WHERE "SentAt" < now() - $1""");
                    clear.Parameters.Add(new() { Value = Retention });
                    await clear.ExecuteNonQueryAsync(ct);
                    lastCleanup = DateTimeOffset.UtcNow;
                }
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "Node {Node} could not keep its heartbeat.", node.Name);
            }
        }
        while (await WaitAsync(timer, ct));
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken ct)
    {
        try
        {
            return await timer.WaitForNextTickAsync(ct);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <returns>Whether this node's row had to be made anew: the others had taken it for gone.</returns>
    private async Task<bool> BeatAsync(CancellationToken ct)
    {
        await using var command = database.CreateCommand("""
            INSERT INTO "ClusterNodes" ("Node", "Name", "SeenAt") VALUES ($1, $2, now())
            ON CONFLICT ("Node") DO UPDATE SET "SeenAt" = now()
            RETURNING (xmax = 0)
            """);
        command.Parameters.Add(new() { Value = node.Id });
        command.Parameters.Add(new() { Value = node.Name });
        return (bool)(await command.ExecuteScalarAsync(ct))!;
    }

    private async Task<IReadOnlyList<string>> TakeOverGoneNodesAsync(CancellationToken ct)
    {
        await using var command = database.CreateCommand("""
            DELETE FROM "ClusterNodes" WHERE "SeenAt" < now() - $1 AND "Node" <> $2 RETURNING "Node"
            """);
        command.Parameters.Add(new() { Value = NodeTimeout });
        command.Parameters.Add(new() { Value = node.Id });
        var gone = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) gone.Add(reader.GetString(0));
        return gone;
    }

    /// <summary>The ids of the messages handled lately: a message read again after a reconnect is handled once.</summary>
    private sealed class SeenMessages
    {
        private readonly HashSet<long> _ids = [];
        private readonly Queue<(long Id, DateTimeOffset At)> _order = new();

        public bool Add(long id)
        {
            var now = DateTimeOffset.UtcNow;
            while (_order.TryPeek(out var oldest) && now - oldest.At > Retention * 2)
            {
                _order.Dequeue();
                _ids.Remove(oldest.Id);
            }
            if (!_ids.Add(id)) return false;
            _order.Enqueue((id, now));
            return true;
        }
    }
}
