using Microsoft.EntityFrameworkCore;
using Wehelpen.Web.Data;
using Wehelpen.Web.Platform.PersonalData;

namespace Wehelpen.Web.Platform.Cluster;

/// <summary>
/// The nodes' bus (PostgreSQL) keeps every message a few minutes for a node that has to catch up: chat messages and
/// live events on their way, with names and texts in them. An erasure takes out those that concern the person or
/// the circle; a node that catches up later misses only what no longer exists.
/// </summary>
internal sealed class ClusterPersonalData(WehelpenDbContext db, DatabaseOptions database) : IPersonalData
{
    public int Order => ErasureOrder.Account - 1;

    public IEnumerable<PersonalColumn> Columns => [];

    public IEnumerable<ExportSection> Export(string userId) => [];

    public Task EraseAsync(PersonErasure erasure, CancellationToken ct) => ForgetAsync(erasure.UserId, ct);

    public Task EraseCircleAsync(CircleErasure erasure, CancellationToken ct) => ForgetAsync(erasure.CircleId.ToString(), ct);

    private async Task ForgetAsync(string id, CancellationToken ct)
    {
        if (database.Provider != DatabaseProvider.Postgres) return;
        await db.Database.ExecuteSqlInterpolatedAsync($"""DELETE FROM "ClusterMessages" WHERE strpos("Payload", {id}) > 0""", ct);
    }
}
