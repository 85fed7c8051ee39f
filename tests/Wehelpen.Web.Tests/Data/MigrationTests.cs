using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Wehelpen.Web.Data;

namespace Wehelpen.Web.Tests.Data;

public sealed class MigrationTests
{
    /// <summary>
    /// The schema the SQL migrations build must be the one the EF model describes. When someone changes an entity
    /// and forgets the migration (or the other way round), this fails and prints what differs.
    /// </summary>
    [Theory, BothDatabases]
    public async Task The_migrations_build_exactly_the_schema_of_the_EF_model(DatabaseProvider provider)
    {
        await using var migrated = await TestDatabase.CreateAsync(provider);
        await using var fromModel = await TestDatabase.CreateAsync(provider);

        await using (var db = Context(migrated))
            await new SqlMigrator(db, new DatabaseOptions { Provider = provider }, TimeProvider.System, NullLogger<SqlMigrator>.Instance).MigrateAsync();
        await using (var db = Context(fromModel))
            await db.Database.EnsureCreatedAsync();

        var expected = await DescribeAsync(fromModel);
        var actual = await DescribeAsync(migrated);
        var missing = expected.Except(actual).ToList();
        var extra = actual.Except(expected).ToList();
        Assert.True(missing.Count == 0 && extra.Count == 0,
            $"Migrations and EF model disagree on {provider}.\nIn the model but not built by the migrations:\n  {string.Join("\n  ", missing)}\n" +
            $"Built by the migrations but not in the model:\n  {string.Join("\n  ", extra)}\n" +
            "Add a migration file under src/Wehelpen.Web/Data/Migrations (see docs/development.md, 'Changing the database').");
        Assert.True(expected.Count > 50, "the comparison must actually see the schema");
    }

    [Theory, BothDatabases]
    public async Task Migrations_are_recorded_and_applying_them_again_changes_nothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = Context(database);
        var migrator = new SqlMigrator(db, new DatabaseOptions { Provider = provider }, TimeProvider.System, NullLogger<SqlMigrator>.Instance);

        await migrator.MigrateAsync();
        await migrator.MigrateAsync();

        var applied = await db.Database.SqlQueryRaw<string>("""SELECT "Id" AS "Value" FROM "__WehelpenMigrations" """).ToListAsync();
        Assert.Equal(SqlMigrator.Available(provider).Select(m => m.Id), applied.Order());
    }

    [Theory, BothDatabases]
    public async Task An_applied_migration_that_was_edited_afterwards_stops_the_start(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = Context(database);
        var migrator = new SqlMigrator(db, new DatabaseOptions { Provider = provider }, TimeProvider.System, NullLogger<SqlMigrator>.Instance);
        await migrator.MigrateAsync();
        await db.Database.ExecuteSqlRawAsync("""UPDATE "__WehelpenMigrations" SET "Checksum" = 'edited'""");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => migrator.MigrateAsync());
        Assert.Contains("forward-only", error.Message);
    }

    [Fact]
    public void Both_providers_have_the_same_migrations()
    {
        Assert.Equal(
            SqlMigrator.Available(DatabaseProvider.Sqlite).Select(m => m.Id),
            SqlMigrator.Available(DatabaseProvider.Postgres).Select(m => m.Id));
    }

    [Fact]
    public async Task The_application_migrates_its_SQLite_database_at_start_in_WAL_mode()
    {
        await using var app = WehelpenApplication.StartOn(await TestDatabase.CreateAsync(DatabaseProvider.Sqlite));
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WehelpenDbContext>();

        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", await command.ExecuteScalarAsync());
        Assert.Equal(5, await db.Roles.CountAsync());
    }

    internal static WehelpenDbContext Context(TestDatabase database)
    {
        var options = new DbContextOptionsBuilder<WehelpenDbContext>();
        if (database.Provider == DatabaseProvider.Sqlite) options.UseSqlite(database.ConnectionString);
        else options.UseNpgsql(database.ConnectionString);
        return new WehelpenDbContext(options.Options);
    }

    private static async Task<List<string>> DescribeAsync(TestDatabase database)
    {
        await using var db = Context(database);
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        return await SchemaDescription.ReadAsync(connection, database.Provider);
    }
}
