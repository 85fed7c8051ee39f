using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Wehelpen.Benchmarks.Privacy;
using Wehelpen.Web.Data;
using Wehelpen.Web.Features.Circles;
using Wehelpen.Web.Features.Profiles;
using Wehelpen.Web.Features.Requests;

namespace Wehelpen.Benchmarks.Overview;

/// <summary>A volunteer and how many of their done tasks fall in this year and in all their years.</summary>
internal sealed record SeededVolunteer(string Email, int ThisYearsTasks, int AllTasks);

/// <summary>
/// Volunteers with a history of done help, written straight into the database with the app's own DbContext (as the
/// privacy benchmark does): the same tasks this year for each, and for the longer histories the same number in each
/// year before. Every fifth task is flexible (no start, done on its day); each volunteer helps a circle of their own.
/// </summary>
internal static class OverviewSeed
{
    public static async Task<SeededVolunteer> VolunteerAsync(string databasePath, string name, int years, int perYear, CancellationToken ct)
    {
        await using var db = new WehelpenDbContext(new DbContextOptionsBuilder<WehelpenDbContext>().UseSqlite($"Data Source={databasePath}").Options);
        var hash = new PasswordHasher<ApplicationUser>().HashPassword(new ApplicationUser(), PrivacySeed.Password);
        var normalizer = new UpperInvariantLookupNormalizer();
        var now = DateTimeOffset.UtcNow;
        var email = $"{name.ToLowerInvariant()}@overview.wehelpen.test";
        var volunteer = ApplicationUser.Confirmed(email, $"{name} Benchmark", hash, normalizer, now.AddYears(-years));
        var resident = ApplicationUser.Confirmed($"bewoner.{email}", $"Bewoner van {name}", hash, normalizer, now.AddYears(-years));
        db.Users.AddRange(volunteer, resident);
        var circle = new Circle { Name = $"Kring van {name}", ResidentName = resident.DisplayName, CreatedById = resident.Id, CreatedAt = resident.CreatedAt };
        circle.Members.Add(new CircleMember { UserId = resident.Id, Role = CircleRole.Resident, JoinedAt = resident.CreatedAt });
        db.Add(circle);

        var thisYear = now.Year;
        var sinceNewYear = now - new DateTimeOffset(thisYear, 1, 1, 0, 0, 0, TimeSpan.Zero);
        for (var year = thisYear - years + 1; year <= thisYear; year++)
        {
            var newYear = new DateTimeOffset(year, 1, 1, 9, 0, 0, TimeSpan.Zero);
            for (var i = 0; i < perYear; i++)
            {
                // Spread over the part of each year that has passed this year, so that every year holds the same days.
                var start = newYear + sinceNewYear * i / perYear;
                var flexible = i % 5 == 4;
                db.Add(new HelpRequest
                {
                    CircleId = circle.Id, RequestedById = resident.Id, Category = HelpCategory.Each[i % HelpCategory.Each.Count], Title = $"Hulp {year}-{i}",
                    Description = "Brood en melk", StartsAt = flexible ? null : start, EndsAt = start.AddHours(flexible ? 48 : 2),
                    Postcode = "1055 KL", Pc4 = "1055", Latitude = 52.38, Longitude = 4.85, Address = "Bos en Lommerweg 1",
                    Audience = RequestAudience.Neighbourhood, AudienceSince = start.AddDays(-3), Status = RequestStatus.Done,
                    ClaimedById = volunteer.Id, ClosedAt = start.AddHours(2), CreatedAt = start.AddDays(-3),
                });
            }
        }
        await db.SaveChangesAsync(ct);
        return new SeededVolunteer(email, perYear, perYear * years);
    }
}
