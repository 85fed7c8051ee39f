using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Wehelpen.Web.Data;

/// <summary>
/// What deleting leaves in the database's files. On SQLite every connection deletes with <c>secure_delete</c>
/// (<see cref="SqlitePragmas"/>), so deleted rows are overwritten in the file; but the write-ahead log still holds
/// earlier versions of the pages, until a checkpoint that truncates it. PostgreSQL keeps dead rows until VACUUM, and
/// its WAL and backups for as long as they are configured to be kept (docs/privacy/register.md).
/// </summary>
public sealed class DatabaseFiles(DatabaseOptions options, IServiceScopeFactory scopes, ILogger<DatabaseFiles> logger)
{
    private static readonly TimeSpan[] Pauses = [TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(1)];

    /// <summary>After an erasure: empties SQLite's write-ahead log into the database file and truncates it to nothing.</summary>
    public async Task<bool> ForgetDeletedAsync(CancellationToken ct)
    {
        if (options.Provider != DatabaseProvider.Sqlite) return true;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WehelpenDbContext>();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            // A reader in the middle of a long read (an export) keeps the log from being truncated: try again a few times.
            foreach (var pause in Pauses.Prepend(TimeSpan.Zero))
            {
                await Task.Delay(pause, ct);
                await using var command = db.Database.GetDbConnection().CreateCommand();
                command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
                await using var reader = await command.ExecuteReaderAsync(ct);
                // busy, log frames, checkpointed frames: busy = 0 means the log is empty now.
                if (await reader.ReadAsync(ct) && reader.GetInt32(0) == 0) return true;
            }
            logger.LogWarning("The SQLite write-ahead log could not be truncated after an erasure; the next checkpoint will");
            return false;
        }
        catch (SqliteException e)
        {
            logger.LogWarning(e, "The SQLite write-ahead log could not be truncated after an erasure");
            return false;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
