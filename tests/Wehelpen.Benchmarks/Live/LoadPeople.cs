using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Wehelpen.Web.Data;
using Wehelpen.Web.Features.Chat;
using Wehelpen.Web.Features.Circles;

namespace Wehelpen.Benchmarks.Live;

/// <param name="Circle">Index into <see cref="LoadPeople.Seeded.Circles"/>.</param>
internal sealed record LoadPerson(int Index, string UserId, string Email, int Circle);

/// <summary>A circle's id and the chat target that names it, made once and sent with every message.</summary>
internal sealed record LoadCircle(int Index, Guid Id, ChatTargetArgument Target);

/// <summary>The hub's ChatTarget as it goes over the wire.</summary>
internal sealed record ChatTargetArgument(string Kind, Guid Id);

/// <summary>
/// People with confirmed accounts and circles of <see cref="LiveSettings.CircleSize"/> (a coördinator and members,
/// joined a day ago) with their chats, written straight into a fresh database with the app's own DbContext (and migrations), in one
/// transaction: registering thousands through the API would mean thousands of confirmation mails and password hashes.
/// Everyone shares one password hash (a hash carries its own salt); logging in still costs the server one hash check each.
/// </summary>
internal static class LoadPeople
{
    public const string Password = "wehelpen-load-test";

    public sealed record Seeded(IReadOnlyList<LoadPerson> People, IReadOnlyList<LoadCircle> Circles);

    /// <summary>Into a fresh SQLite file, which this migrates first.</summary>
    public static async Task<Seeded> SeedAsync(string databasePath, int people, CancellationToken ct)
    {
        var options = new DbContextOptionsBuilder<WehelpenDbContext>().UseSqlite($"Data Source={databasePath}").Options;
        await using var db = new WehelpenDbContext(options);
        await new SqlMigrator(db, new DatabaseOptions(), TimeProvider.System, NullLogger<SqlMigrator>.Instance).MigrateAsync(ct);
        return await SeedAsync(db, people, ct);
    }

    /// <summary>Into a cluster's PostgreSQL database, which its first node has migrated.</summary>
    public static async Task<Seeded> SeedPostgresAsync(string connectionString, int people, CancellationToken ct)
    {
        await using var db = new WehelpenDbContext(new DbContextOptionsBuilder<WehelpenDbContext>().UseNpgsql(connectionString).Options);
        return await SeedAsync(db, people, ct);
    }

    private static async Task<Seeded> SeedAsync(WehelpenDbContext db, int people, CancellationToken ct)
    {

        var passwordHash = new PasswordHasher<ApplicationUser>().HashPassword(new ApplicationUser(), Password);
        var normalizer = new UpperInvariantLookupNormalizer();
        var joined = DateTimeOffset.UtcNow.AddDays(-1);
        var circles = new List<LoadCircle>();
        var persons = new List<LoadPerson>(people);
        Circle? circle = null;
        for (var i = 0; i < people; i++)
        {
            var email = $"deelnemer{i}@load.wehelpen.test";
            var user = ApplicationUser.Confirmed(email, $"Deelnemer {i}", passwordHash, normalizer, joined);
            db.Users.Add(user);
            var coordinator = i % LiveSettings.CircleSize == 0;
            if (coordinator)
            {
                circle = new Circle { Name = $"Kring {circles.Count}", ResidentName = $"Bewoner {circles.Count}", CreatedById = user.Id, CreatedAt = joined };
                db.Add(circle);
                db.Add(ChatThread.ForCircle(circle.Id, joined));
                circles.Add(new LoadCircle(circles.Count, circle.Id, new ChatTargetArgument("circle", circle.Id)));
            }
            circle!.Members.Add(new CircleMember { UserId = user.Id, Role = coordinator ? CircleRole.Coordinator : CircleRole.Member, JoinedAt = joined });
            persons.Add(new LoadPerson(i, user.Id, email, circles.Count - 1));
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new Seeded(persons, circles);
    }
}
