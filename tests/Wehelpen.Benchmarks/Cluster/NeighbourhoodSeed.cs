using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Wehelpen.Web.Data;
using Wehelpen.Web.Features.Accounts;
using Wehelpen.Web.Features.Chat;
using Wehelpen.Web.Features.Circles;
using Wehelpen.Web.Features.Locations;
using Wehelpen.Web.Features.Matching;
using Wehelpen.Web.Features.Profiles;
using Wehelpen.Web.Features.Requests;

namespace Wehelpen.Benchmarks.Cluster;

/// <summary>
/// Writes <see cref="NeighbourhoodData"/> into the cluster's database in one transaction: confirmed accounts that
/// share one password hash (a hash carries its own salt; a login still checks it), the volunteer and resident roles,
/// volunteer settings, one circle per resident (the resident as hoofdpersoon, with the circle's chat), open
/// neighbourhood requests and the alerts of their waves (<see cref="AlertWaves"/>); then ANALYZE. The app's roles must
/// exist: a node has started on the database.
/// </summary>
internal static class NeighbourhoodSeed
{
    private static readonly Dictionary<int, (string Title, string Description)> Texts = new()
    {
        [1] = ("Boodschappen bij de supermarkt", "Een kleine lijst: brood, melk, fruit en koffie. Betalen contant bij de deur."),
        [2] = ("Vervoer naar het ziekenhuis", "Heen en terug; de rollator moet in de kofferbak."),
        [4] = ("Een kopje koffie en een praatje", "Het is vaak stil in huis; een uurtje gezelschap zou fijn zijn."),
        [8] = ("Lamp ophangen in de gang", "De trap is te hoog geworden; gereedschap is er."),
        [16] = ("Hulp bij post en formulieren", "Brieven van de gemeente en de zorgverzekeraar doornemen."),
        [32] = ("Hond uitlaten", "Een rustige oude hond, een half uur in het park."),
    };

    /// <returns>The rows written, per table, for the progress line.</returns>
    public static async Task<string> WriteAsync(string connectionString, NeighbourhoodData data, DateTimeOffset now, CancellationToken ct)
    {
        var options = new DbContextOptionsBuilder<WehelpenDbContext>().UseNpgsql(connectionString).Options;
        await using var db = new WehelpenDbContext(options);
        var roles = await db.Roles.ToDictionaryAsync(r => r.Name!, r => r.Id, ct);
        var postcodes = PostcodeTable.LoadEmbedded();
        var passwordHash = new PasswordHasher<ApplicationUser>().HashPassword(new ApplicationUser(), NeighbourhoodData.Password);
        var normalizer = new UpperInvariantLookupNormalizer();
        var joined = now.AddDays(-30).ToUniversalTime();

        ApplicationUser Person(string id, string email, string name, string postcode)
        {
            var user = ApplicationUser.Confirmed(email, name, passwordHash, normalizer, joined);
            user.Id = id;
            user.MoveTo(postcodes.Lookup(postcode));
            return user;
        }

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var copy = new EntityCopy(db, connection);
        var volunteers = data.Volunteers;
        var circles = data.Circles;
        var users = await copy.WriteAsync(volunteers.Select((v, i) => Person(v.Id, NeighbourhoodData.VolunteerEmail(i), $"Vrijwilliger {i}", v.Postcode))
            .Concat(circles.Select((c, i) => Person(c.ResidentId, NeighbourhoodData.ResidentEmail(i), c.ResidentName, c.Postcode))), ct);
        await copy.WriteAsync(volunteers.Select(v => new IdentityUserRole<string> { UserId = v.Id, RoleId = roles[Roles.Volunteer] })
            .Concat(circles.Select(c => new IdentityUserRole<string> { UserId = c.ResidentId, RoleId = roles[Roles.Resident] })), ct);
        await copy.WriteAsync(volunteers.Select(v => new VolunteerProfile
        {
            UserId = v.Id, Categories = (HelpCategories)v.Categories, ServiceRadiusKm = v.RadiusKm, Availability = new WeeklyAvailability(v.Availability),
        }), ct);
        await copy.WriteAsync(circles.Select(c => new Circle { Id = c.Id, Name = $"Kring van {c.ResidentName}", ResidentName = c.ResidentName, CreatedById = c.ResidentId, CreatedAt = joined }), ct);
        await copy.WriteAsync(circles.Select(c => new CircleMember { CircleId = c.Id, UserId = c.ResidentId, Role = CircleRole.Resident, JoinedAt = joined }), ct);
        await copy.WriteAsync(circles.Select(c => ChatThread.ForCircle(c.Id, joined)), ct);
        var requests = await copy.WriteAsync(data.Requests.Select(r =>
        {
            var circle = circles[r.Circle];
            var place = postcodes.Lookup(circle.Postcode);
            var (title, description) = Texts[r.Category];
            return new HelpRequest
            {
                Id = r.Id, CircleId = circle.Id, RequestedById = circle.ResidentId, Category = (HelpCategories)r.Category,
                Title = title, Description = description, StartsAt = r.StartsAt, EndsAt = r.EndsAt,
                Postcode = place.Postcode!.ToString(), Pc4 = place.Area!.Pc4, Latitude = place.Area.Centre.Latitude, Longitude = place.Area.Centre.Longitude,
                Address = "Dorpsstraat 1", Audience = RequestAudience.Neighbourhood, AudienceSince = r.PostedAt, Status = RequestStatus.Open,
                CreatedAt = r.PostedAt,
            };
        }), ct);
        var alerts = await copy.WriteAsync(AlertWaves.Make(data, now), ct);
        await transaction.CommitAsync(ct);
        // Statistics, as a database that grew would have them: without, the planner takes every table for nearly empty
        // (a nested loop over all open requests for each "asked of you" list), until autovacuum analyses it some
        // minute into the measurement and the plans change under it.
        await using var analyze = new NpgsqlCommand("ANALYZE", connection) { CommandTimeout = 600 };
        await analyze.ExecuteNonQueryAsync(ct);
        return $"{users} people, {volunteers.Length} volunteers, {circles.Length} circles, {requests} open requests, {alerts} alerts (their waves so far)";
    }
}
