using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Wehelpen.Web.Features.Chat;
using Wehelpen.Web.Features.Circles;

namespace Wehelpen.Web.Tests.Chat;

public sealed class ChatMigrationTests
{
    /// <summary>A circle's chat is made with the circle; circles that were there before the chat get theirs from migration 0010.</summary>
    [Theory, BothDatabases]
    public async Task A_circle_made_before_the_chat_existed_gets_its_chat_from_the_migration(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = Data.MigrationTests.Context(database);
        await ApplyUpToAsync(db, provider, "0010");
        // The account as that version wrote it: today's ApplicationUser has columns that later migrations add.
        var carerId = Guid.NewGuid().ToString();
        object createdAt = provider == DatabaseProvider.Sqlite ? 0L : DateTimeOffset.UtcNow;
        await db.Database.ExecuteSqlRawAsync("""
            INSERT INTO "AspNetUsers" ("Id", "DisplayName", "PreferredLanguage", "CreatedAt", "UserName", "Email",
                "EmailConfirmed", "PhoneNumberConfirmed", "TwoFactorEnabled", "LockoutEnabled", "AccessFailedCount")
            VALUES ({0}, 'Carla', 'nl', {1}, 'carla@example.nl', 'carla@example.nl', {2}, {2}, {2}, {2}, 0)
            """, carerId, createdAt, false);
        var circle = new Circle { Name = "Zorgcirkel van Jan", ResidentName = "Jan", CreatedById = carerId, CreatedAt = DateTimeOffset.UtcNow };
        db.Add(circle);
        await db.SaveChangesAsync();

        await new SqlMigrator(db, new DatabaseOptions { Provider = provider }, TimeProvider.System, NullLogger<SqlMigrator>.Instance).MigrateAsync();

        var thread = await db.Set<ChatThread>().AsNoTracking().SingleAsync();
        Assert.Equal((circle.Id, circle.Id, null, null, 0L), (thread.Id, thread.CircleId, thread.RequestId, thread.HelperId, thread.LastSeq));
        Assert.Equal(circle.CreatedAt.ToUnixTimeMilliseconds(), thread.CreatedAt.ToUnixTimeMilliseconds());
    }

    /// <summary>The database as an older version of the app left it: the migrations before <paramref name="first"/>, recorded.</summary>
    private static async Task ApplyUpToAsync(WehelpenDbContext db, DatabaseProvider provider, string first)
    {
        await db.Database.ExecuteSqlRawAsync("""CREATE TABLE "__WehelpenMigrations" ("Id" TEXT NOT NULL PRIMARY KEY, "Checksum" TEXT NOT NULL, "AppliedAt" TEXT NOT NULL);""");
        foreach (var migration in SqlMigrator.Available(provider).TakeWhile(m => string.CompareOrdinal(m.Id, first) < 0))
        {
            await db.Database.ExecuteSqlRawAsync(migration.Sql.Replace("{", "{{").Replace("}", "}}"));
            await db.Database.ExecuteSqlRawAsync("""INSERT INTO "__WehelpenMigrations" ("Id", "Checksum", "AppliedAt") VALUES ({0}, {1}, {2})""",
                migration.Id, migration.Checksum, DateTimeOffset.UtcNow.ToString("O"));
        }
    }
}
