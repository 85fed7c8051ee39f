using Microsoft.EntityFrameworkCore;
using Wehelpen.Web.Data;
using Wehelpen.Web.Features.Accounts;
using Wehelpen.Web.Features.Areas;
using Wehelpen.Web.Features.Circles;
using Wehelpen.Web.Features.Profiles;
using Wehelpen.Web.Features.Requests;

namespace Wehelpen.Web.Demo;

/// <summary>
/// Twelve weeks of neighbourhood help behind the demo, so that the buurtteam's figures, map and list have something
/// to show: circles of the generated residents and carers, their requests over the weeks, claimed sooner where more
/// volunteers live, some never claimed (escalated, expired), most of the help confirmed by both sides; and a few
/// requests of this week still waiting for the buurtteam. Written straight into the database like the rest of the
/// demo; the logbook lines that using the app would have written are left out, the request histories are not.
/// </summary>
public sealed class DemoHistorySeeder(WehelpenDbContext db, TimeProvider clock, ILogger<DemoHistorySeeder> logger)
{
    private const int Weeks = 12;
    private static readonly (HelpCategories Category, string Title)[] Tasks =
    [
        (HelpCategories.Shopping, "Boodschappen bij de supermarkt"), (HelpCategories.Shopping, "Medicijnen ophalen bij de apotheek"),
        (HelpCategories.Transport, "Mee naar het ziekenhuis"), (HelpCategories.Transport, "Rit naar de huisarts"),
        (HelpCategories.Company, "Een kopje koffie en een praatje"), (HelpCategories.Company, "Samen een wandeling maken"),
        (HelpCategories.OddJobs, "Lamp vervangen"), (HelpCategories.OddJobs, "Gordijnen ophangen"),
        (HelpCategories.Administration, "Hulp bij een brief van de gemeente"), (HelpCategories.Other, "Planten water geven"),
    ];

    public async Task SeedAsync(CancellationToken ct)
    {
        var generated = $"@{DemoAccounts.Domain}";
        var roleAccounts = DemoAccounts.ForEachRole.Select(a => a.Email).ToList();
        var people = await db.Users.AsNoTracking()
            .Where(u => u.Email!.EndsWith(generated) && !roleAccounts.Contains(u.Email) && u.Pc4 != null)
            .OrderBy(u => u.Email)
            .Select(u => new Person(u.Id, u.DisplayName, u.Postcode!, u.Pc4!, u.Latitude!.Value, u.Longitude!.Value,
                db.UserRoles.Any(r => r.UserId == u.Id && db.Roles.Any(x => x.Id == r.RoleId && x.Name == Roles.Volunteer)),
                db.UserRoles.Any(r => r.UserId == u.Id && db.Roles.Any(x => x.Id == r.RoleId && (x.Name == Roles.Resident || x.Name == Roles.Carer)))))
            .ToListAsync(ct);
        var asking = people.Where(p => p.Asks && AmsterdamAreas.ForPc4(p.Pc4) is not null).ToList();
        if (asking.Count == 0 || await db.Set<CircleMember>().AnyAsync(m => m.UserId == asking[0].Id, ct)) return;

        var random = new Random(2026);
        var now = clock.GetUtcNow();
        var volunteersPerStadsdeel = people.Where(p => p.Helps).GroupBy(p => AmsterdamAreas.ForPc4(p.Pc4)?.Stadsdeel)
            .Where(g => g.Key is not null).ToDictionary(g => g.Key!, g => g.ToList());
        var requests = 0;
        foreach (var person in asking)
        {
            var area = AmsterdamAreas.ForPc4(person.Pc4)!;
            var circle = new Circle { Name = $"Zorgcirkel van {person.Name}", ResidentName = person.Name, CreatedById = person.Id, CreatedAt = now.AddDays(-7 * Weeks - 7) };
            db.Add(circle);
            db.Add(new CircleMember { CircleId = circle.Id, UserId = person.Id, Role = CircleRole.Resident, JoinedAt = circle.CreatedAt });
            var helpers = volunteersPerStadsdeel.GetValueOrDefault(area.Stadsdeel) ?? [];
            // Where few volunteers live, fewer requests are picked up, and later.
            var chance = Math.Min(0.92, 0.3 + 0.04 * helpers.Count);
            var perWeek = 0.6 + area.Number % 4 * 0.35;
            for (var week = Weeks; week >= 0; week--)
            {
                for (var n = 0; n < Poisson(random, perWeek); n++)
                {
                    var createdAt = now.AddDays(-7 * week - random.NextDouble() * 7);
                    if (createdAt > now.AddHours(-1)) continue;
                    db.Add(Request(random, circle, person, helpers, chance, createdAt, now));
                    requests++;
                }
            }
        }
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Demo data: {Circles} circles with {Requests} requests over the last {Weeks} weeks", asking.Count, requests, Weeks);
    }

    private static HelpRequest Request(Random random, Circle circle, Person asker, List<Person> helpers, double chance, DateTimeOffset createdAt, DateTimeOffset now)
    {
        var (category, title) = Tasks[random.Next(Tasks.Length)];
        var startsAt = createdAt.AddDays(2 + random.Next(4)).Date.AddHours(9 + random.Next(8));
        var r = new HelpRequest
        {
            CircleId = circle.Id, RequestedById = asker.Id, Category = category, Title = title, Description = title + ", graag.",
            StartsAt = new DateTimeOffset(startsAt, TimeSpan.Zero), EndsAt = new DateTimeOffset(startsAt.AddHours(2), TimeSpan.Zero),
            Postcode = asker.Postcode, Pc4 = asker.Pc4, Latitude = asker.Latitude, Longitude = asker.Longitude,
            Audience = RequestAudience.Neighbourhood, AudienceSince = createdAt, CreatedAt = createdAt, Status = RequestStatus.Open,
        };
        Event(r, RequestChange.Posted, asker, createdAt);
        // Most are picked up within hours, some after a day or more; never after the task's time.
        var claimedAt = createdAt.AddHours(Math.Exp(random.NextDouble() * 4.5) - 0.5);
        if (helpers.Count > 0 && random.NextDouble() < chance && claimedAt < r.StartsAt && claimedAt < now)
        {
            var helper = helpers[random.Next(helpers.Count)];
            (r.Status, r.ClaimedById, r.ClaimedAt) = (RequestStatus.Claimed, helper.Id, claimedAt);
            Event(r, RequestChange.Claimed, helper, claimedAt);
            if (r.EndsAt < now)
            {
                (r.Status, r.ClosedAt, r.HelperConfirmed) = (RequestStatus.Done, r.EndsAt, true);
                r.RequesterConfirmed = random.NextDouble() < 0.8 ? true : null;
                Event(r, RequestChange.Done, helper, r.EndsAt);
                if (r.RequesterConfirmed == true) Event(r, RequestChange.Confirmed, asker, r.EndsAt.AddHours(5));
            }
            return r;
        }
        var escalatedAt = createdAt.AddHours(24);
        if (escalatedAt < now)
        {
            r.EscalatedAt = escalatedAt;
            Event(r, RequestChange.Escalated, null, escalatedAt);
        }
        else r.WidensAt = escalatedAt;
        if (r.EndsAt < now)
        {
            (r.Status, r.ClosedAt) = (RequestStatus.Expired, r.EndsAt);
            Event(r, RequestChange.Expired, null, r.EndsAt);
        }
        return r;
    }

    private static void Event(HelpRequest r, RequestChange change, Person? actor, DateTimeOffset at) =>
        r.Events.Add(new RequestEvent { RequestId = r.Id, Change = change, ActorId = actor?.Id, ActorName = actor?.Name ?? "", At = at });

    private static int Poisson(Random random, double mean)
    {
        var (limit, k, p) = (Math.Exp(-mean), 0, 1.0);
        while ((p *= random.NextDouble()) > limit) k++;
        return k;
    }

    private sealed record Person(string Id, string Name, string Postcode, string Pc4, double Latitude, double Longitude, bool Helps, bool Asks);
}
