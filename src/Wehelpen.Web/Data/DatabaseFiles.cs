using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Wehelpen.Web.Data;

/// <summary>
/// What deleting leaves in the database's files. On SQLite every connection deletes with <c>secure_delete</c>
/// (<see cref="SqlitePragmas"/>), so deleted rows are overwritten in the file; but the write-ahead log still holds
/// earlier versions of the pages, until a checkpoint that truncates it. PostgreSQL keeps dead rows until VACUUM, and
/// its WAL and backups for as long as they are configured to be kept (docs/privacy/register.md).
/// </summary>
public sealed class DatabaseFiles(DatabaseOptions options, IServiceScopeFactory scopes, IHostApplicationLifetime lifetime, ILogger<DatabaseFiles> logger)
{
    private static readonly TimeSpan[] Pauses = [TimeSpan.Zero, TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(1)];
    private static readonly TimeSpan Later = TimeSpan.FromSeconds(5);
    private const int LaterAttempts = 24;

    /// <summary>
    /// After an erasure: empties SQLite's write-ahead log into the database file and truncates it to nothing. A reader
    /// in the middle of a long read (someone's export) keeps the log from being truncated: then this tries again a few
    /// times at once, and after that in the background for two minutes, so the erasure's answer does not wait for it.
    /// </summary>
    public async Task<bool> ForgetDeletedAsync(CancellationToken ct)
    {
        if (options.Provider != DatabaseProvider.Sqlite) return true;
        foreach (var pause in Pauses)
        {
            await Task.Delay(pause, ct);
            if (await TruncateLogAsync(ct)) return true;
        }
        _ = Task.Run(() => KeepTryingAsync(lifetime.ApplicationStopping), CancellationToken.None);
        return false;
    }

    private async Task KeepTryingAsync(CancellationToken ct)
    {
        try
        {
            for (var attempt = 0; attempt < LaterAttempts; attempt++)
            {
                await Task.Delay(Later, ct);
                if (await TruncateLogAsync(ct)) return;
            }
            logger.LogWarning("The SQLite write-ahead log stayed in use for two minutes after an erasure; the next truncation (the retention job's, daily) empties it");
        }
        catch (OperationCanceledException)
        {
            // Stopping: the log is checkpointed when the last connection closes.
        }
    }

    /// <summary>True when the log is empty now. Never waits for a reader: busy is an answer, not a wait.</summary>
    private async Task<bool> TruncateLogAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WehelpenDbContext>();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            // This connection only, and only for now: it goes back to the pool with its usual timeout (finally).
            await db.Database.ExecuteSqlRawAsync("PRAGMA busy_timeout = 0;", ct);
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
            await using var reader = await command.ExecuteReaderAsync(ct);
            // busy, log frames, checkpointed frames: busy = 0 means it went through and the log is empty.
            return await reader.ReadAsync(ct) && reader.GetInt32(0) == 0;
        }
        catch (SqliteException e)
        {
            logger.LogWarning(e, "The SQLite write-ahead log could not be truncated");
            return false;
        }
        finally
        {
            await db.Database.ExecuteSqlRawAsync(SqlitePragmas.BusyTimeout, CancellationToken.None);
            await db.Database.CloseConnectionAsync();
        }
    }
}
