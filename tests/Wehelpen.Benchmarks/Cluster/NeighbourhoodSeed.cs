using Microsoft.EntityFrameworkCore;
using Npgsql;
using Wehelpen.Web.Data;

namespace Wehelpen.Benchmarks.Cluster;

/// <summary>
/// Writes <see cref="NeighbourhoodData"/> into the cluster's database in one transaction: the rows of
/// <see cref="NeighbourhoodRows"/> (people, roles, volunteer settings, circles with their chats, open neighbourhood
/// requests) and the alerts of the requests' waves (<see cref="AlertWaves"/>); then ANALYZE. The app's roles must
/// exist: a node has started on the database.
/// </summary>
internal static class NeighbourhoodSeed
{
    /// <returns>The rows written, per table, for the progress line.</returns>
    public static async Task<string> WriteAsync(string connectionString, NeighbourhoodData data, DateTimeOffset now, CancellationToken ct)
    {
        var options = new DbContextOptionsBuilder<WehelpenDbContext>().UseNpgsql(connectionString).Options;
        await using var db = new WehelpenDbContext(options);
        var rows = new NeighbourhoodRows(data, now, await db.Roles.ToDictionaryAsync(r => r.Name!, r => r.Id, ct));

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var copy = new EntityCopy(db, connection);
        var users = await copy.WriteAsync(rows.Users(), ct);
        await copy.WriteAsync(rows.UserRoles(), ct);
        await copy.WriteAsync(rows.VolunteerProfiles(), ct);
        await copy.WriteAsync(rows.Circles(), ct);
        await copy.WriteAsync(rows.Residents(), ct);
        await copy.WriteAsync(rows.CircleChats(), ct);
        var requests = await copy.WriteAsync(rows.OpenRequests(), ct);
        var alerts = await copy.WriteAsync(AlertWaves.Make(data, now), ct);
        await transaction.CommitAsync(ct);
        // Statistics, as a database that grew would have them: without, the planner takes every table for nearly empty
        // (a nested loop over all open requests for each "asked of you" list), until autovacuum analyses it some
        // minute into the measurement and the plans change under it.
        await using var analyze = new NpgsqlCommand("ANALYZE", connection) { CommandTimeout = 600 };
        await analyze.ExecuteNonQueryAsync(ct);
        return $"{users} people, {data.Volunteers.Length} volunteers, {data.Circles.Length} circles, {requests} open requests, {alerts} alerts (their waves so far)";
    }
}
