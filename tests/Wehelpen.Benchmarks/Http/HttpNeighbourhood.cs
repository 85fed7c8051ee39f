using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Wehelpen.Benchmarks.Cluster;
using Wehelpen.Web.Data;
using Wehelpen.Web.Features.Accounts;
using Wehelpen.Web.Features.Circles;

namespace Wehelpen.Benchmarks.Http;

/// <summary>
/// The cluster benchmark's neighbourhood (<see cref="NeighbourhoodRows"/>: volunteers, residents' circles, open
/// requests and the alerts of their waves) in a fresh SQLite file, written with the app's own DbContext after its
/// migrations (as the privacy and login seeds do). The people the load signs in as are volunteers spread over the
/// list, each made a member of one of the first circles, a few to a circle, so their pages show a circle of theirs.
/// </summary>
internal static class HttpNeighbourhood
{
    public static async Task<IReadOnlyList<HttpPerson>> WriteAsync(string databasePath, NeighbourhoodData data, HttpSettings settings, DateTimeOffset now, CancellationToken ct)
    {
        await using var db = Open(databasePath);
        await new SqlMigrator(db, new DatabaseOptions(), TimeProvider.System, NullLogger<SqlMigrator>.Instance).MigrateAsync(ct);
        // The roles as the app makes them at its start (AccountsExtensions), so that the volunteers can have theirs now.
        db.Roles.AddRange(Roles.All.Select(role => new IdentityRole(role) { NormalizedName = role.ToUpperInvariant() }));
        await db.SaveChangesAsync(ct);
        var rows = new NeighbourhoodRows(data, now, await db.Roles.ToDictionaryAsync(r => r.Name!, r => r.Id, ct));

        var people = Enumerable.Range(0, settings.Identities).Select(i =>
        {
            var volunteer = (int)((long)i * data.Volunteers.Length / settings.Identities);
            var circle = i % settings.IdentityCircles;
            return new HttpPerson(volunteer, data.Volunteers[volunteer].Id, NeighbourhoodData.VolunteerEmail(volunteer), NeighbourhoodData.VolunteerName(volunteer),
                circle, data.Circles[circle].Id, NeighbourhoodData.CircleName(data.Circles[circle]));
        }).ToList();

        db.ChangeTracker.AutoDetectChangesEnabled = false;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await AddAsync(db, rows.Users(), ct);
        await AddAsync(db, rows.UserRoles(), ct);
        await AddAsync(db, rows.VolunteerProfiles(), ct);
        await AddAsync(db, rows.Circles(), ct);
        await AddAsync(db, rows.Residents(), ct);
        await AddAsync(db, people.Select(p => new CircleMember { CircleId = p.CircleId, UserId = p.Id, Role = CircleRole.Member, JoinedAt = rows.Joined }), ct);
        await AddAsync(db, rows.CircleChats(), ct);
        await AddAsync(db, rows.OpenRequests(), ct);
        await AddAsync(db, AlertWaves.Make(data, now), ct);
        await transaction.CommitAsync(ct);
        return people;
    }

    public static WehelpenDbContext Open(string databasePath) =>
        new(new DbContextOptionsBuilder<WehelpenDbContext>().UseSqlite($"Data Source={databasePath}").Options);

    /// <summary>In slices, each saved and let go: the change tracker slows down with every entity it holds.</summary>
    public static async Task<int> AddAsync<T>(WehelpenDbContext db, IEnumerable<T> entities, CancellationToken ct) where T : class
    {
        var written = 0;
        foreach (var slice in entities.Chunk(5_000))
        {
            db.AddRange(slice);
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            written += slice.Length;
        }
        return written;
    }
}
