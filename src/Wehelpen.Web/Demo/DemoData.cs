using Bogus;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Wehelpen.Web.Data;
using Wehelpen.Web.Features.Accounts;
using Wehelpen.Web.Features.Locations;
using Wehelpen.Web.Features.Neighbourhoods.Buurtteam;
using Wehelpen.Web.Features.Profiles;

namespace Wehelpen.Web.Demo;

/// <summary>The accounts a newcomer can log in with at once, one per role (Development only).</summary>
public static class DemoAccounts
{
    public const string Password = "wehelpen-demo";
    public const string Domain = "demo.wehelpen.nl";

    public sealed record Account(string Role, string Email, string DisplayName, string Postcode);

    public static readonly IReadOnlyList<Account> ForEachRole =
    [
        new(Roles.Resident, $"bewoner@{Domain}", "Truus de Vries", "1055 KL"),
        new(Roles.Carer, $"mantelzorger@{Domain}", "Ahmed el Amrani", "1056 AB"),
        new(Roles.Volunteer, $"vrijwilliger@{Domain}", "Sanne Bakker", "1057 DE"),
        new(Roles.Professional, $"professional@{Domain}", "Marieke Jansen", "1055 RS"),
        new(Roles.Admin, $"beheerder@{Domain}", "Bea Beheer", "1011 AB"),
    ];
}

/// <summary>
/// A believable Amsterdam neighbourhood: the role accounts above and a few hundred people with Dutch names spread
/// over the real Amsterdam PC4 areas. Enabled by DemoData:Enabled (on in Development); runs once per database.
/// </summary>
public sealed class DemoDataSeeder(
    WehelpenDbContext db,
    PostcodeTable postcodes,
    IPasswordHasher<ApplicationUser> hasher,
    ILookupNormalizer normalizer,
    TimeProvider clock,
    ILogger<DemoDataSeeder> logger)
{
    public const int GeneratedPeople = 300;

    public async Task SeedAsync(CancellationToken ct)
    {
        var marker = normalizer.NormalizeEmail(DemoAccounts.ForEachRole[0].Email);
        if (await db.Users.AnyAsync(u => u.NormalizedEmail == marker, ct)) return;

        var roleIds = await db.Roles.ToDictionaryAsync(r => r.Name!, r => r.Id, ct);
        var areas = postcodes.Areas
            .Where(a => a.Usable && a.Place.StartsWith("Amsterdam", StringComparison.Ordinal))
            .OrderBy(a => a.Pc4)
            .ToList();
        Randomizer.Seed = new Random(2026);
        var faker = new Faker("nl");
        // One hash for all: hashing 300 passwords one by one would make the first start slow for nothing.
        var passwordHash = hasher.HashPassword(new ApplicationUser(), DemoAccounts.Password);

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        foreach (var account in DemoAccounts.ForEachRole)
        {
            var user = NewUser(account.Email, account.DisplayName, account.Postcode, passwordHash);
            Add(user, [account.Role], roleIds);
            if (account.Role == Roles.Volunteer)
                db.Add(new VolunteerProfile
                {
                    UserId = user.Id,
                    Categories = HelpCategories.Shopping | HelpCategories.Transport | HelpCategories.Company,
                    ServiceRadiusKm = 3,
                    Availability = WeeklyAvailability.From([(DayOfWeek.Tuesday, DayPart.Morning), (DayOfWeek.Thursday, DayPart.Afternoon), (DayOfWeek.Saturday, DayPart.Morning)]),
                });
            if (account.Role == Roles.Professional) AddBuurtteamWest(user);
        }

        for (var i = 0; i < GeneratedPeople; i++)
        {
            var first = faker.Name.FirstName();
            var last = faker.Name.LastName();
            var area = faker.PickRandom(areas);
            var postcode = $"{area.Pc4} {faker.Random.String2(2, "ABCDEFGHJKLMNPRTVWXZ")}";
            var email = $"{Slug(first)}.{Slug(last)}.{i + 1}@{DemoAccounts.Domain}";
            var user = NewUser(email, $"{first} {last}", postcode, passwordHash);
            // Joined months ago: the figures of past weeks count them as the neighbourhood's volunteers.
            user.CreatedAt = clock.GetUtcNow().AddDays(-faker.Random.Int(100, 700));
            var roles = PickRoles(faker);
            Add(user, roles, roleIds);
            if (roles.Contains(Roles.Volunteer))
                db.Add(new VolunteerProfile
                {
                    UserId = user.Id,
                    Categories = faker.PickRandom(HelpCategory.Each, faker.Random.Int(1, 4)).Aggregate(HelpCategories.None, (a, c) => a | c),
                    ServiceRadiusKm = faker.Random.Int(1, 8),
                    Availability = new WeeklyAvailability(faker.Random.Int(1, WeeklyAvailability.Always.Mask)),
                });
        }
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        logger.LogInformation("Demo data: {Count} people in {Areas} Amsterdam postcode areas; password '{Password}'",
            DemoAccounts.ForEachRole.Count + GeneratedPeople, areas.Count, DemoAccounts.Password);
    }

    /// <summary>The demo professional works for the buurtteam of West, approved for two of its gebieden.</summary>
    private void AddBuurtteamWest(ApplicationUser user)
    {
        var now = clock.GetUtcNow();
        db.Add(new ProfessionalProfile { UserId = user.Id, Organisation = "Buurtteam Amsterdam West", UpdatedAt = now });
        foreach (var area in new[] { "bos-en-lommer", "westerpark" })
            db.Add(new ProfessionalArea { UserId = user.Id, AreaCode = area, RequestedAt = now, ApprovedAt = now });
    }

    private ApplicationUser NewUser(string email, string displayName, string postcode, string passwordHash)
    {
        var user = ApplicationUser.Confirmed(email, displayName, passwordHash, normalizer, clock.GetUtcNow());
        user.MoveTo(postcodes.Lookup(postcode));
        return user;
    }

    private void Add(ApplicationUser user, IEnumerable<string> roles, Dictionary<string, string> roleIds)
    {
        db.Users.Add(user);
        foreach (var role in roles)
            db.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = roleIds[role] });
    }

    /// <summary>Roughly the mix of a neighbourhood: many who ask, many who help, some who do both.</summary>
    private static List<string> PickRoles(Faker faker)
    {
        var roll = faker.Random.Double();
        return roll switch
        {
            < 0.30 => [Roles.Resident],
            < 0.50 => [Roles.Carer],
            < 0.85 => [Roles.Volunteer],
            < 0.95 => [Roles.Carer, Roles.Volunteer],
            _ => [Roles.Resident, Roles.Volunteer],
        };
    }

    private static string Slug(string name) =>
        new string(name.Normalize(System.Text.NormalizationForm.FormD)
            .Where(ch => char.IsAsciiLetter(ch))
            .Select(char.ToLowerInvariant)
            .ToArray());
}

public static class DemoDataExtensions
{
    public static WebApplicationBuilder AddDemoData(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<DemoDataSeeder>();
        builder.Services.AddScoped<DemoCircleSeeder>();
        builder.Services.AddScoped<DemoHistorySeeder>();
        builder.Services.AddScoped<DemoTwoStep>();
        builder.Services.AddScoped<IDemoSignIn>(sp => sp.GetRequiredService<DemoTwoStep>());
        return builder;
    }

    public static async Task SeedDemoDataAsync(this WebApplication app)
    {
        if (!app.Configuration.GetValue<bool>("DemoData:Enabled")) return;
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DemoDataSeeder>().SeedAsync(app.Lifetime.ApplicationStopping);
        await scope.ServiceProvider.GetRequiredService<DemoCircleSeeder>().SeedAsync(app.Lifetime.ApplicationStopping);
        await scope.ServiceProvider.GetRequiredService<DemoHistorySeeder>().SeedAsync(app.Lifetime.ApplicationStopping);
        await scope.ServiceProvider.GetRequiredService<DemoTwoStep>().EnsureAsync(app.Lifetime.ApplicationStopping);
    }
}
