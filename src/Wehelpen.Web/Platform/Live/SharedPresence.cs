using Npgsql;
using Wehelpen.Web.Platform.Cluster;

namespace Wehelpen.Web.Platform.Live;

/// <summary>
/// Who is online on the other nodes. Each node writes its own people to "LivePresence" when they come and go, and
/// reads the others' rows, counting only nodes whose heartbeat is current: a node that died takes its people with
/// it. On one node (SQLite) there are no other nodes and this answers "nobody" without a query.
/// </summary>
public sealed class SharedPresence(IClusterBus bus, ClusterNode node, IServiceProvider services)
{
    private readonly NpgsqlDataSource? _database = bus.IsShared ? services.GetRequiredKeyedService<NpgsqlDataSource>(ClusterExtensions.BusDatabase) : null;

    public async Task HereAsync(string userId, bool isVolunteer, bool isProfessional)
    {
        if (_database is null) return;
        await using var command = _database.CreateCommand("""
            INSERT INTO "LivePresence" ("Node", "UserId", "IsVolunteer", "IsProfessional") VALUES ($1, $2, $3, $4)
            ON CONFLICT ("Node", "UserId") DO UPDATE SET "IsVolunteer" = $3, "IsProfessional" = $4
            """);
        command.Parameters.Add(new() { Value = node.Id });
        command.Parameters.Add(new() { Value = userId });
        command.Parameters.Add(new() { Value = isVolunteer });
        command.Parameters.Add(new() { Value = isProfessional });
        await command.ExecuteNonQueryAsync();
    }

    public async Task AwayAsync(string userId)
    {
        if (_database is null) return;
        await using var command = _database.CreateCommand("""DELETE FROM "LivePresence" WHERE "Node" = $1 AND "UserId" = $2""");
        command.Parameters.Add(new() { Value = node.Id });
        command.Parameters.Add(new() { Value = userId });
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Of these people, the ones online on another node.</summary>
    public async Task<HashSet<string>> ElsewhereAsync(IReadOnlyCollection<string> userIds)
    {
        if (_database is null || userIds.Count == 0) return new(StringComparer.Ordinal);
        await using var command = _database.CreateCommand($"""
            SELECT DISTINCT p."UserId" FROM "LivePresence" p JOIN "ClusterNodes" n ON n."Node" = p."Node"
             WHERE p."UserId" = ANY($1) AND {LiveOtherNode}
            """);
        command.Parameters.Add(new() { Value = userIds.ToArray() });
        AddNodeParameters(command);
        return await ReadIdsAsync(command);
    }

    /// <summary>The volunteers (or professionals) online on another node.</summary>
    public async Task<HashSet<string>> ElsewhereWithRoleAsync(bool volunteers)
    {
        if (_database is null) return new(StringComparer.Ordinal);
        await using var command = _database.CreateCommand($"""
            SELECT DISTINCT p."UserId" FROM "LivePresence" p JOIN "ClusterNodes" n ON n."Node" = p."Node"
             WHERE (CASE WHEN $1 THEN p."IsVolunteer" ELSE p."IsProfessional" END) AND {LiveOtherNode}
            """);
        command.Parameters.Add(new() { Value = volunteers });
        AddNodeParameters(command);
        return await ReadIdsAsync(command);
    }

    /// <summary>Nodes that are gone: their people are forgotten; these are the ones who were online there.</summary>
    public async Task<HashSet<string>> ForgetNodesAsync(IReadOnlyList<string> nodes)
    {
        if (_database is null) return new(StringComparer.Ordinal);
        await using var command = _database.CreateCommand("""DELETE FROM "LivePresence" WHERE "Node" = ANY($1) RETURNING "UserId" """);
        command.Parameters.Add(new() { Value = nodes.ToArray() });
        return await ReadIdsAsync(command);
    }

    private const string LiveOtherNode = """p."Node" <> $2 AND n."SeenAt" > now() - $3""";

    private void AddNodeParameters(NpgsqlCommand command)
    {
        command.Parameters.Add(new() { Value = node.Id });
        command.Parameters.Add(new() { Value = PostgresClusterBus.NodeTimeout });
    }

    private static async Task<HashSet<string>> ReadIdsAsync(NpgsqlCommand command)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) ids.Add(reader.GetString(0));
        return ids;
    }
}
