using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Wehelpen.Web.Data;

/// <summary>
/// Forward-only schema migrations written as plain SQL, one folder per provider
/// (Data/Migrations/Sqlite, Data/Migrations/Postgres), applied in file-name order, each in its own transaction,
/// and recorded with a checksum in __WehelpenMigrations. The EF design tools are not available here; this needs
/// none of them. See docs/development.md "Changing the database".
/// </summary>
public sealed class SqlMigrator(WehelpenDbContext db, DatabaseOptions options, TimeProvider clock, ILogger<SqlMigrator> logger)
{
    private const string HistoryTable = "__WehelpenMigrations";
    // Any constant works: it only has to be the same on every node so that they migrate one at a time.
    private const long PostgresLockKey = 0x57454850454C50;

    public static IReadOnlyList<SqlMigration> Available(DatabaseProvider provider)
    {
        var assembly = typeof(SqlMigrator).Assembly;
        var prefix = $"Wehelpen.Web.Data.Migrations.{provider}.";
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(n =>
            {
                using var reader = new StreamReader(assembly.GetManifestResourceStream(n)!);
                var sql = reader.ReadToEnd();
                return new SqlMigration(n[prefix.Length..^4], sql, Checksum(sql));
            })
            .ToList();
    }

    public async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        var migrations = Available(options.Provider);
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            if (connection is SqliteConnection sqlite)
            {
                await ExecuteAsync(connection, "PRAGMA journal_mode = WAL;", cancellationToken);
                // PostgreSQL has encode(sha256(convert_to(x, 'UTF8')), 'hex'); SQLite has nothing like it, so migrations
                // get the same from here (0020 hashes the calendar feeds' secrets with it).
                sqlite.CreateFunction("sha256_hex", (string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text))), isDeterministic: true);
            }
            else
                await ExecuteAsync(connection, $"SELECT pg_advisory_lock({PostgresLockKey});", cancellationToken);

            await ExecuteAsync(connection,
                $"""CREATE TABLE IF NOT EXISTS "{HistoryTable}" ("Id" TEXT NOT NULL PRIMARY KEY, "Checksum" TEXT NOT NULL, "AppliedAt" TEXT NOT NULL);""",
                cancellationToken);
            var applied = await ReadAppliedAsync(connection, cancellationToken);
            Verify(migrations, applied);

            var pending = migrations.Where(m => !applied.ContainsKey(m.Id)).ToList();
            foreach (var migration in pending)
            {
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                await using (var command = connection.CreateCommand())
                {
                    command.Transaction = transaction;
                    command.CommandText = migration.Sql;
                    await command.ExecuteNonQueryAsync(cancellationToken);
                }
                await using (var record = connection.CreateCommand())
                {
                    record.Transaction = transaction;
                    record.CommandText = $"""INSERT INTO "{HistoryTable}" ("Id", "Checksum", "AppliedAt") VALUES (@id, @checksum, @at);""";
                    AddParameter(record, "@id", migration.Id);
                    AddParameter(record, "@checksum", migration.Checksum);
                    AddParameter(record, "@at", clock.GetUtcNow().ToString("O"));
                    await record.ExecuteNonQueryAsync(cancellationToken);
                }
                await transaction.CommitAsync(cancellationToken);
                logger.LogInformation("Applied migration {Migration} ({Provider})", migration.Id, options.Provider);
            }
            // What a migration overwrote (0020: the feeds' plain secrets) is not left behind in SQLite's write-ahead log.
            if (pending.Count > 0 && options.Provider == DatabaseProvider.Sqlite)
                await ExecuteAsync(connection, "PRAGMA wal_checkpoint(TRUNCATE);", cancellationToken);
        }
        finally
        {
            if (options.Provider == DatabaseProvider.Postgres)
                await ExecuteAsync(connection, $"SELECT pg_advisory_unlock({PostgresLockKey});", CancellationToken.None);
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>An applied migration must never change, and the database must not be ahead of the code.</summary>
    private static void Verify(IReadOnlyList<SqlMigration> migrations, Dictionary<string, string> applied)
    {
        var known = migrations.ToDictionary(m => m.Id);
        foreach (var (id, checksum) in applied)
        {
            if (!known.TryGetValue(id, out var migration))
                throw new InvalidOperationException(
                    $"The database has migration '{id}', which this version of Wehelpen does not know. Is an older version running against a newer database?");
            if (migration.Checksum != checksum)
                throw new InvalidOperationException(
                    $"Migration '{id}' was changed after it was applied. Migrations are forward-only: add a new file instead of editing an old one.");
        }
    }

    private static async Task<Dictionary<string, string>> ReadAppliedAsync(DbConnection connection, CancellationToken ct)
    {
        var applied = new Dictionary<string, string>();
        await using var command = connection.CreateCommand();
        command.CommandText = $"""SELECT "Id", "Checksum" FROM "{HistoryTable}";""";
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) applied[reader.GetString(0)] = reader.GetString(1);
        return applied;
    }

    private static async Task ExecuteAsync(DbConnection connection, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(ct);
    }

    private static void AddParameter(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    // Line endings are normalised so that a checkout with CRLF does not look like an edited migration.
    private static string Checksum(string sql) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(sql.Replace("\r\n", "\n"))));
}

public sealed record SqlMigration(string Id, string Sql, string Checksum);
