using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Wehelpen.Web.Data;

namespace Wehelpen.Web.Tests;

/// <summary>
/// A database for one test: a SQLite file in a temporary folder, or a new database on the PostgreSQL server named by
/// WEHELPEN_TEST_POSTGRES (the README's test command starts one). A PostgreSQL test without that server fails; it is
/// never skipped. <see cref="CreateAsync"/> gives an empty one (for tests of the migrations and of older schemas);
/// <see cref="CreateMigratedAsync"/> a copy of a template the migrations built once per test run.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string PostgresVariable = "WEHELPEN_TEST_POSTGRES";

    private const string SqliteFile = "wehelpen.db";

    // Built on first use, once per test process; Lazy makes parallel tests wait for the one that builds it.
    private static readonly Lazy<Task<string>> SqliteTemplate = new(BuildSqliteTemplateAsync);
    private static readonly Lazy<Task<string>> PostgresTemplate = new(BuildPostgresTemplateAsync);

    private readonly string? _postgresAdmin;
    private readonly string? _postgresName;

    private TestDatabase(DatabaseProvider provider, string connectionString, string folder, string? postgresAdmin, string? postgresName)
    {
        Provider = provider;
        ConnectionString = connectionString;
        Folder = folder;
        _postgresAdmin = postgresAdmin;
        _postgresName = postgresName;
    }

    public DatabaseProvider Provider { get; }
    public string ConnectionString { get; }

    /// <summary>A temporary folder that lives as long as the database (mail goes here too).</summary>
    public string Folder { get; }

    /// <summary>A fresh, empty database.</summary>
    public static Task<TestDatabase> CreateAsync(DatabaseProvider provider) => CreateAsync(provider, template: null);

    /// <summary>
    /// A fresh database with every migration applied and recorded (with its checksum in __WehelpenMigrations), so the
    /// app's migrator finds nothing to do: a copy of the template, which is what migrating an empty one would give.
    /// </summary>
    public static async Task<TestDatabase> CreateMigratedAsync(DatabaseProvider provider) =>
        await CreateAsync(provider, await (provider == DatabaseProvider.Sqlite ? SqliteTemplate : PostgresTemplate).Value);

    private static async Task<TestDatabase> CreateAsync(DatabaseProvider provider, string? template)
    {
        var folder = Directory.CreateTempSubdirectory("wehelpen-test-").FullName;
        if (provider == DatabaseProvider.Sqlite)
        {
            var file = Path.Combine(folder, SqliteFile);
            if (template is not null) File.Copy(template, file);
            return new TestDatabase(provider, $"Data Source={file}", folder, null, null);
        }

        var admin = PostgresAdmin();
        var name = "wehelpen_test_" + Guid.NewGuid().ToString("N")[..16];
        await ExecuteAsync(admin, template is null ? $"CREATE DATABASE \"{name}\"" : $"CREATE DATABASE \"{name}\" TEMPLATE \"{template}\"");
        var builder = new NpgsqlConnectionStringBuilder(admin) { Database = name };
        return new TestDatabase(provider, builder.ConnectionString, folder, admin, name);
    }

    public async ValueTask DisposeAsync()
    {
        if (_postgresAdmin is not null)
        {
            // The app's pooled connections to it are closed first: the drop would end them anyway, but the pool
            // would keep their dead sockets for the rest of the run.
            await using (var pooled = new NpgsqlConnection(ConnectionString)) NpgsqlConnection.ClearPool(pooled);
            await ExecuteAsync(_postgresAdmin, $"DROP DATABASE IF EXISTS \"{_postgresName}\" WITH (FORCE)");
        }
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(Folder, recursive: true); } catch (IOException) { /* a file still open on a slow machine; temp is cleaned later */ }
    }

    /// <summary>The migrated SQLite file, checkpointed and closed: a plain copy of it is a complete database (still WAL).</summary>
    private static async Task<string> BuildSqliteTemplateAsync()
    {
        var folder = Directory.CreateTempSubdirectory("wehelpen-template-").FullName;
        AppDomain.CurrentDomain.ProcessExit += (_, _) => { try { Directory.Delete(folder, recursive: true); } catch (IOException) { } };
        var file = Path.Combine(folder, SqliteFile);
        // Unpooled, so that closing really closes the file and SQLite folds the write-ahead log back into it.
        await MigrateAsync(DatabaseProvider.Sqlite, new SqliteConnectionStringBuilder { DataSource = file, Pooling = false }.ConnectionString);
        if (File.Exists(file + "-wal")) throw new InvalidOperationException($"The template {file} still has a write-ahead log.");
        return file;
    }

    /// <summary>
    /// A migrated database of this process (another process on the same server has its own), copied with
    /// CREATE DATABASE ... TEMPLATE, which needs it to have no connections: it has none after this (unpooled).
    /// </summary>
    private static async Task<string> BuildPostgresTemplateAsync()
    {
        var admin = PostgresAdmin();
        var name = "wehelpen_template_" + Guid.NewGuid().ToString("N")[..16];
        await ExecuteAsync(admin, $"CREATE DATABASE \"{name}\"");
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try { ExecuteAsync(admin, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)").GetAwaiter().GetResult(); }
            catch (NpgsqlException) { /* the throwaway server is gone already */ }
        };
        await MigrateAsync(DatabaseProvider.Postgres, new NpgsqlConnectionStringBuilder(admin) { Database = name, Pooling = false }.ConnectionString);
        return name;
    }

    private static async Task MigrateAsync(DatabaseProvider provider, string connectionString)
    {
        var options = new DbContextOptionsBuilder<WehelpenDbContext>();
        if (provider == DatabaseProvider.Sqlite) options.UseSqlite(connectionString);
        else options.UseNpgsql(connectionString);
        await using var db = new WehelpenDbContext(options.Options);
        await new SqlMigrator(db, new DatabaseOptions { Provider = provider }, TimeProvider.System, NullLogger<SqlMigrator>.Instance).MigrateAsync();
    }

    private static string PostgresAdmin()
    {
        var admin = Environment.GetEnvironmentVariable(PostgresVariable);
        if (string.IsNullOrWhiteSpace(admin))
            throw new InvalidOperationException(
                $"{PostgresVariable} is not set. Run the tests with the README's test command (./test.sh), which starts a PostgreSQL server for them.");
        return admin;
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
