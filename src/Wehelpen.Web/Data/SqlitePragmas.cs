using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Wehelpen.Web.Data;

/// <summary>
/// Per-connection SQLite settings. WAL (set once by the migrator, kept in the file) lets readers go on while one
/// writer writes; the busy timeout makes a second writer wait for the lock instead of failing at once. Deleted and
/// overwritten rows are zeroed in the file (secure_delete), so that an erased person is not left in its free space.
/// </summary>
internal sealed class SqlitePragmas : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA busy_timeout = 5000; PRAGMA foreign_keys = ON; PRAGMA secure_delete = ON;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
