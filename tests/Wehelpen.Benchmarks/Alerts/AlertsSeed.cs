using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Wehelpen.Benchmarks.Live;
using Wehelpen.Web.Data;
using Wehelpen.Web.Features.Accounts;
using Wehelpen.Web.Features.Chat;
using Wehelpen.Web.Features.Circles;
using Wehelpen.Web.Features.Locations;
using Wehelpen.Web.Features.Profiles;

namespace Wehelpen.Benchmarks.Alerts;

/// <param name="Postcode">Where the circle's resident lives, and where its requests are asked: "1055 KL".</param>
internal sealed record AlertCircle(int Index, Guid Id, string Postcode, LoadPerson Coordinator);

/// <param name="Volunteers">People 0 to volunteers-1, in <see cref="LoadPeople.Password"/>'s hands as the live benchmark's.</param>
/// <param name="Circles">Each with its coördinator, people from volunteers on.</param>
internal sealed record AlertsSeeded(IReadOnlyList<LoadPerson> Volunteers, IReadOnlyList<AlertCircle> Circles);

/// <summary>
/// A fresh SQLite database for the alerts benchmark, written with the app's own DbContext and migrations before the
/// app starts (so its matching engine loads the volunteers at start, as after any restart): circles in Amsterdam PC4
/// areas spread over the city, each with its resident (hoofdpersoon, not logged in) and a coördinator who posts the
/// requests; and volunteers, dealt round the circles, living in their circle's PC4 area, with the app's default radius
/// (3 km), every category and no day parts ticked (which matching reads as any time), so each request matches the
/// volunteers of its own circle and of the circles near it. Everyone is confirmed and shares one password hash. The
/// roles are written too: the app would make them at start, which comes after this.
/// </summary>
internal static class AlertsSeed
{
    // Postcode letters as PostNL hands them out (as NeighbourhoodData: no S at all).
    private const string Letters = "ABCDEGHJKLMNPRTVWXZ";

    public static async Task<AlertsSeeded> SeedAsync(string databasePath, int volunteers, int circles, CancellationToken ct)
    {
        await using var db = new WehelpenDbContext(new DbContextOptionsBuilder<WehelpenDbContext>().UseSqlite($"Data Source={databasePath}").Options);
        await new SqlMigrator(db, new DatabaseOptions(), TimeProvider.System, NullLogger<SqlMigrator>.Instance).MigrateAsync(ct);

        var normalizer = new UpperInvariantLookupNormalizer();
        var roles = Roles.All.ToDictionary(r => r, r => new IdentityRole(r) { NormalizedName = normalizer.NormalizeName(r) });
        db.Roles.AddRange(roles.Values);

        var postcodes = PostcodeTable.LoadEmbedded();
        var areas = Areas(postcodes, circles);
        var random = new Random(22);
        var passwordHash = new PasswordHasher<ApplicationUser>().HashPassword(new ApplicationUser(), LoadPeople.Password);
        var joined = DateTimeOffset.UtcNow.AddDays(-30);
        string PostcodeIn(string pc4) => $"{pc4} {Letters[random.Next(Letters.Length)]}{Letters[random.Next(Letters.Length)]}";

        var volunteerPeople = new List<LoadPerson>(volunteers);
        for (var i = 0; i < volunteers; i++)
        {
            var email = $"vrijwilliger{i}@alerts.wehelpen.test";
            var user = ApplicationUser.Confirmed(email, $"Vrijwilliger {i}", passwordHash, normalizer, joined);
            var circle = i % circles;
            user.MoveTo(postcodes.Lookup(PostcodeIn(areas[circle])));
            db.Users.Add(user);
            db.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = roles[Roles.Volunteer].Id });
            db.Add(new VolunteerProfile
            {
                UserId = user.Id,
                Categories = HelpCategory.Each.Aggregate(HelpCategories.None, (all, c) => all | c),
                ServiceRadiusKm = VolunteerProfile.DefaultRadiusKm,
                Availability = new WeeklyAvailability(0),
            });
            volunteerPeople.Add(new LoadPerson(i, user.Id, email, circle));
        }

        var circleRows = new List<AlertCircle>(circles);
        for (var c = 0; c < circles; c++)
        {
            var postcode = PostcodeIn(areas[c]);
            var resident = ApplicationUser.Confirmed($"bewoner{c}@alerts.wehelpen.test", $"Bewoner {c}", passwordHash, normalizer, joined);
            resident.MoveTo(postcodes.Lookup(postcode));
            var coordinatorEmail = $"coordinator{c}@alerts.wehelpen.test";
            var coordinator = ApplicationUser.Confirmed(coordinatorEmail, $"Coördinator {c}", passwordHash, normalizer, joined);
            db.Users.AddRange(resident, coordinator);
            db.UserRoles.Add(new IdentityUserRole<string> { UserId = resident.Id, RoleId = roles[Roles.Resident].Id });
            db.UserRoles.Add(new IdentityUserRole<string> { UserId = coordinator.Id, RoleId = roles[Roles.Carer].Id });
            var circle = new Circle { Name = $"Kring van Bewoner {c}", ResidentName = $"Bewoner {c}", CreatedById = coordinator.Id, CreatedAt = joined };
            circle.Members.Add(new CircleMember { UserId = resident.Id, Role = CircleRole.Resident, JoinedAt = joined });
            circle.Members.Add(new CircleMember { UserId = coordinator.Id, Role = CircleRole.Coordinator, JoinedAt = joined });
            db.Add(circle);
            db.Add(ChatThread.ForCircle(circle.Id, joined));
            circleRows.Add(new AlertCircle(c, circle.Id, postcode, new LoadPerson(volunteers + c, coordinator.Id, coordinatorEmail, c)));
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new AlertsSeeded(volunteerPeople, circleRows);
    }

    /// <summary>So many Amsterdam PC4 areas (1011-1109), evenly picked from the sorted list: spread over the city.</summary>
    private static string[] Areas(PostcodeTable postcodes, int count)
    {
        var amsterdam = postcodes.Areas.Select(a => a.Pc4)
            .Where(pc4 => string.CompareOrdinal(pc4, "1011") >= 0 && string.CompareOrdinal(pc4, "1109") <= 0)
            .Where(pc4 => postcodes.Lookup($"{pc4} AB").IsUsable)
            .Order(StringComparer.Ordinal).ToArray();
        return [.. Enumerable.Range(0, count).Select(i => amsterdam[(int)((long)i * amsterdam.Length / count)])];
    }
}
