using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Wehelpen.Web.Data;

/// <summary>
/// Per-connection SQLite settings. WAL (set once by the migrator, kept in the file) lets readers go on while one
/// writer writes; the busy timeout makes a second writer wait for the lock instead of failing at once. Deleted and
/// overwritten rows are zeroed in the file (secure_delete), so that an erased person is not left in its free space.
/// The settings belong to the database connection underneath (sqlite3), which Microsoft.Data.Sqlite pools and hands
/// out again at every Open: they are set the first time a connection is opened, not at every Open of the pool's.
/// </summary>
internal sealed class SqlitePragmas : DbConnectionInterceptor
{
    /// <summary>Whoever changes the busy timeout for a while sets this again before the connection goes back to the pool.</summary>
    public const string BusyTimeout = "PRAGMA busy_timeout = 5000;";
    private const string Pragmas = BusyTimeout + " PRAGMA foreign_keys = ON; PRAGMA secure_delete = ON;";
    private static readonly object Done = new();

    // Weak: a connection the pool closes for good is forgotten with it.
    private readonly ConditionalWeakTable<object, object> _configured = new();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (Configured(connection)) return;
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
        Remember(connection);
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (Configured(connection)) return;
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
        Remember(connection);
    }

    private bool Configured(DbConnection connection) =>
        connection is SqliteConnection { Handle: { } handle } && _configured.TryGetValue(handle, out _);

    private void Remember(DbConnection connection)
    {
        if (connection is SqliteConnection { Handle: { } handle }) _configured.AddOrUpdate(handle, Done);
    }
}
