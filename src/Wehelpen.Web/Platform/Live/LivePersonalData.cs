using Microsoft.EntityFrameworkCore;
using Wehelpen.Web.Data;
using Wehelpen.Web.Platform.PersonalData;

namespace Wehelpen.Web.Platform.Live;

/// <summary>
/// Who is online on which node (PostgreSQL only): a row per live connection's person, kept while they are
/// connected. Nothing to export: it says only that they are online at this moment.
/// </summary>
internal sealed class LivePersonalData(WehelpenDbContext db, DatabaseOptions database) : IPersonalData
{
    public IEnumerable<PersonalColumn> Columns => [new("LivePresence", "UserId", "who is online right now, gone when they close the page")];

    public IEnumerable<ExportSection> Export(string userId) => [];

    public async Task EraseAsync(PersonErasure erasure, CancellationToken ct)
    {
        if (database.Provider != DatabaseProvider.Postgres) return;
        await db.Database.ExecuteSqlInterpolatedAsync($"""DELETE FROM "LivePresence" WHERE "UserId" = {erasure.UserId}""", ct);
    }
}
