using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Ical.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Microsoft.Extensions.DependencyInjection;
using Wehelpen.Web.Data;
using Wehelpen.Web.Features.Agenda;
using Wehelpen.Web.Tests.Chat;
using Wehelpen.Web.Tests.Circles;
using Wehelpen.Web.Tests.Data;

namespace Wehelpen.Web.Tests.Agenda;

/// <summary>
/// The feed's secret is stored as a hash: a copy of the database opens no one's agenda, and links made before the
/// change (migration 0020) keep working.
/// </summary>
public sealed class CalendarFeedSecretTests
{
    [Theory, BothDatabases]
    public async Task The_database_holds_no_secret_and_what_it_holds_opens_no_feed(DatabaseProvider provider)
    {
        await using var app = await AgendaSteps.StartAsync(provider);
        var c = await app.TwoCirclesAsync();
        await c.Coordinator.PlannedAsync(c.CircleId, new { title = "Ziekenhuis", date = "2026-04-14", startTime = "10:00", endTime = "11:30" });
        using var phone = app.CreateClient();

        var first = Token(await c.Coordinator.GetFromJsonAsync<JsonElement>("/api/v1/calendar-feed"));
        var current = Token(await (await c.Coordinator.PostAsync("/api/v1/calendar-feed/reset", null)).Content.ReadFromJsonAsync<JsonElement>());
        var strangers = Token(await c.Stranger.GetFromJsonAsync<JsonElement>("/api/v1/calendar-feed"));
        await c.Stranger.PostAsync("/api/v1/calendar-feed/reset", null);

        var row = await RowAsync(app, c.CoordinatorId);
        Assert.DoesNotContain(row, value => value.Contains(first) || value.Contains(current));
        Assert.Contains(CalendarFeed.Hash(current), row);
        if (provider == DatabaseProvider.Sqlite) Assert.False(await FilesContainAsync(app, first, current, strangers));

        // Someone with a backup has the hash: it is no link. A stranger's reset leaves my link alone.
        Assert.Equal(HttpStatusCode.NotFound, (await phone.GetAsync(CalendarFeeds.FeedPath(CalendarFeed.Hash(current)))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await phone.GetAsync(CalendarFeeds.FeedPath(strangers))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await phone.GetAsync(CalendarFeeds.FeedPath(first))).StatusCode);
        var mine = Calendar.Load(await phone.GetStringAsync(CalendarFeeds.FeedPath(current)))!;
        Assert.Equal(["Zorgcirkel van Jan de Vries: Ziekenhuis"], mine.Events.Select(e => e.Summary));
    }

    [Theory, BothDatabases]
    public async Task A_link_made_before_the_secrets_were_hashed_still_works_after_the_upgrade(DatabaseProvider provider)
    {
        // The database as the version before 0020 left it: a person with a feed whose secret is stored as it is.
        var database = await TestDatabase.CreateAsync(provider);
        var oldToken = CalendarFeed.NewToken();
        var madeAt = new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);
        const string email = "carla.coordinator@example.nl";
        var userId = Guid.NewGuid().ToString();
        await using (var db = MigrationTests.Context(database))
        {
            await ChatMigrationTests.ApplyUpToAsync(db, provider, "0020");
            object At(DateTimeOffset moment) => provider == DatabaseProvider.Sqlite ? new DateTimeOffsetToBinaryConverter().ConvertToProvider(moment)! : moment;
            var password = new PasswordHasher<ApplicationUser>().HashPassword(new ApplicationUser(), WehelpenApplication.Password);
            await db.Database.ExecuteSqlRawAsync("""
                INSERT INTO "AspNetUsers" ("Id", "DisplayName", "PreferredLanguage", "CreatedAt", "UserName", "NormalizedUserName", "Email",
                    "NormalizedEmail", "EmailConfirmed", "PasswordHash", "SecurityStamp", "ConcurrencyStamp", "PhoneNumberConfirmed",
                    "TwoFactorEnabled", "LockoutEnabled", "AccessFailedCount")
                VALUES ({0}, 'Carla Coördinator', 'nl', {1}, {2}, {3}, {2}, {3}, {4}, {5}, {6}, {6}, {7}, {7}, {4}, 0)
                """, userId, At(madeAt), email, email.ToUpperInvariant(), true, password, Guid.NewGuid().ToString(), false);
            await db.Database.ExecuteSqlRawAsync("""INSERT INTO "CalendarFeeds" ("UserId", "Token", "CreatedAt") VALUES ({0}, {1}, {2})""",
                userId, oldToken, At(madeAt));
        }

        await using var app = WehelpenApplication.StartOn(database, services: s => s.AddSingleton<TimeProvider>(new TestClock(AgendaSteps.Now)));
        using var carer = await app.LoginAsync(email);
        var circleId = await carer.CreateCircleAsync();
        await carer.PlannedAsync(circleId, new { title = "Ziekenhuis", date = "2026-04-14", startTime = "10:00", endTime = "11:30" });
        using var phone = app.CreateClient();

        var calendar = Calendar.Load(await phone.GetStringAsync(CalendarFeeds.FeedPath(oldToken)))!;
        Assert.Equal(["Zorgcirkel van Jan de Vries: Ziekenhuis"], calendar.Events.Select(e => e.Summary));
        var feed = await carer.GetFromJsonAsync<JsonElement>("/api/v1/calendar-feed");
        Assert.Equal(JsonValueKind.Null, feed.GetProperty("url").ValueKind);
        Assert.Equal(madeAt, feed.GetProperty("createdAt").GetDateTimeOffset());
        var row = await RowAsync(app, userId);
        Assert.Contains(CalendarFeed.Hash(oldToken), row);
        Assert.DoesNotContain(row, value => value.Contains(oldToken));
        if (provider == DatabaseProvider.Sqlite) Assert.False(await FilesContainAsync(app, oldToken));

        // A new link replaces the old one as for anyone.
        await carer.PostAsync("/api/v1/calendar-feed/reset", null);
        Assert.Equal(HttpStatusCode.NotFound, (await phone.GetAsync(CalendarFeeds.FeedPath(oldToken))).StatusCode);
    }

    private static string Token(JsonElement feed)
    {
        var path = new Uri(feed.GetProperty("url").GetString()!).AbsolutePath;
        return path["/calendar/".Length..^".ics".Length];
    }

    /// <summary>Every column of the person's feed row, as text.</summary>
    private static Task<List<string>> RowAsync(WehelpenApplication app, string userId) => app.QueryAsync(async db =>
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """SELECT * FROM "CalendarFeeds" WHERE "UserId" = @id""";
        var id = command.CreateParameter();
        id.ParameterName = "@id";
        id.Value = userId;
        command.Parameters.Add(id);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        var values = Enumerable.Range(0, reader.FieldCount).Select(i => Convert.ToString(reader.GetValue(i)) ?? "").ToList();
        Assert.False(await reader.ReadAsync());
        return values;
    });

    /// <summary>Whether the SQLite file or its write-ahead log holds any of the texts anywhere, free pages included.</summary>
    private static async Task<bool> FilesContainAsync(WehelpenApplication app, params string[] texts)
    {
        var file = new SqliteConnectionStringBuilder(app.ConnectionString).DataSource;
        Assert.True(File.Exists(file), file);
        foreach (var path in new[] { file, file + "-wal" }.Where(File.Exists))
        {
            await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var copy = new MemoryStream();
            await stream.CopyToAsync(copy);
            var bytes = copy.ToArray();
            if (texts.Any(t => bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(t)) >= 0)) return true;
        }
        return false;
    }
}
