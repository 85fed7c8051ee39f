using Microsoft.AspNetCore.Identity;
using Wehelpen.Web.Data;
using Wehelpen.Web.Features.Accounts;
using Wehelpen.Web.Features.Chat;
using Wehelpen.Web.Features.Circles;
using Wehelpen.Web.Features.Locations;
using Wehelpen.Web.Features.Profiles;
using Wehelpen.Web.Features.Requests;

namespace Wehelpen.Benchmarks.Cluster;

/// <summary>
/// The app's entities for <see cref="NeighbourhoodData"/>: confirmed accounts that share one password hash (a hash
/// carries its own salt; a login still checks it), the volunteer and resident roles, volunteer settings, one circle
/// per resident (the resident as hoofdpersoon, with the circle's chat), and the open neighbourhood requests. The same
/// rows for PostgreSQL (<see cref="NeighbourhoodSeed"/>, by COPY) and SQLite (the http benchmark, by its DbContext).
/// </summary>
internal sealed class NeighbourhoodRows(NeighbourhoodData data, DateTimeOffset now, IReadOnlyDictionary<string, string> roleIds)
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

    private readonly PostcodeTable _postcodes = PostcodeTable.LoadEmbedded();
    private readonly string _passwordHash = new PasswordHasher<ApplicationUser>().HashPassword(new ApplicationUser(), NeighbourhoodData.Password);
    private readonly UpperInvariantLookupNormalizer _normalizer = new();

    /// <summary>When everyone joined: a month ago.</summary>
    public DateTimeOffset Joined { get; } = now.AddDays(-30).ToUniversalTime();

    public IEnumerable<ApplicationUser> Users() =>
        data.Volunteers.Select((v, i) => Person(v.Id, NeighbourhoodData.VolunteerEmail(i), NeighbourhoodData.VolunteerName(i), v.Postcode))
            .Concat(data.Circles.Select((c, i) => Person(c.ResidentId, NeighbourhoodData.ResidentEmail(i), c.ResidentName, c.Postcode)));

    public IEnumerable<IdentityUserRole<string>> UserRoles() =>
        data.Volunteers.Select(v => new IdentityUserRole<string> { UserId = v.Id, RoleId = roleIds[Roles.Volunteer] })
            .Concat(data.Circles.Select(c => new IdentityUserRole<string> { UserId = c.ResidentId, RoleId = roleIds[Roles.Resident] }));

    public IEnumerable<VolunteerProfile> VolunteerProfiles() => data.Volunteers.Select(v => new VolunteerProfile
    {
        UserId = v.Id, Categories = (HelpCategories)v.Categories, ServiceRadiusKm = v.RadiusKm, Availability = new WeeklyAvailability(v.Availability),
    });

    public IEnumerable<Circle> Circles() =>
        data.Circles.Select(c => new Circle { Id = c.Id, Name = NeighbourhoodData.CircleName(c), ResidentName = c.ResidentName, CreatedById = c.ResidentId, CreatedAt = Joined });

    public IEnumerable<CircleMember> Residents() =>
        data.Circles.Select(c => new CircleMember { CircleId = c.Id, UserId = c.ResidentId, Role = CircleRole.Resident, JoinedAt = Joined });

    public IEnumerable<ChatThread> CircleChats() => data.Circles.Select(c => ChatThread.ForCircle(c.Id, Joined));

    public IEnumerable<HelpRequest> OpenRequests() => data.Requests.Select(r =>
    {
        var circle = data.Circles[r.Circle];
        var place = _postcodes.Lookup(circle.Postcode);
        var (title, description) = Texts[r.Category];
        return new HelpRequest
        {
            Id = r.Id, CircleId = circle.Id, RequestedById = circle.ResidentId, Category = (HelpCategories)r.Category,
            Title = title, Description = description, StartsAt = r.StartsAt, EndsAt = r.EndsAt,
            Postcode = place.Postcode!.ToString(), Pc4 = place.Area!.Pc4, Latitude = place.Area.Centre.Latitude, Longitude = place.Area.Centre.Longitude,
            Address = "Dorpsstraat 1", Audience = RequestAudience.Neighbourhood, AudienceSince = r.PostedAt, Status = RequestStatus.Open,
            CreatedAt = r.PostedAt,
        };
    });

    private ApplicationUser Person(string id, string email, string name, string postcode)
    {
        var user = ApplicationUser.Confirmed(email, name, _passwordHash, _normalizer, Joined);
        user.Id = id;
        user.MoveTo(_postcodes.Lookup(postcode));
        return user;
    }
}
