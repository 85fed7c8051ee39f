using Microsoft.EntityFrameworkCore;
using Wehelpen.Matching;
using Wehelpen.Web.Data;
using Wehelpen.Web.Features.Accounts;
using Wehelpen.Web.Features.Circles;
using Wehelpen.Web.Features.Locations;
using Wehelpen.Web.Features.Matching;
using Wehelpen.Web.Features.Requests.Matching;
using Wehelpen.Web.Features.Areas;
using Wehelpen.Web.Features.Profiles;

namespace Wehelpen.Web.Features.Requests;

/// <summary>The lists: a circle's requests, the neighbourhood requests near a volunteer, a helper's tasks and history.</summary>
public sealed class RequestQueries(WehelpenDbContext db, RequestDescriptions descriptions, MatchingEngine engine, MatchingMetrics matching, AskedOfYou askedOfYou, PersonRows people,
    TimeProvider clock)
{
    public const int ClosedShown = 30;

    public async Task<CircleRequestsResponse> ForCircleAsync(CircleMembership me, CancellationToken ct)
    {
        var requests = db.Set<HelpRequest>().AsNoTracking().Include(r => r.Circle).Include(r => r.ClaimedBy).Include(r => r.AddressedTo)
            .Where(r => r.CircleId == me.CircleId);
        var current = await requests.Where(r => r.Status == RequestStatus.Open || r.Status == RequestStatus.Claimed)
            .OrderBy(r => r.EndsAt).ToListAsync(ct);
        var closed = await requests.Where(r => r.Status != RequestStatus.Open && r.Status != RequestStatus.Claimed)
            .OrderByDescending(r => r.ClosedAt).Take(ClosedShown).ToListAsync(ct);
        return new CircleRequestsResponse(
            current.Select(r => descriptions.Summarise(r, null, showClaimer: true)).ToList(),
            closed.Select(r => descriptions.Summarise(r, null, showClaimer: true)).ToList());
    }

    /// <summary>The circle's open requests that end soonest, for its front page.</summary>
    public async Task<IReadOnlyList<RequestSummary>> OpenForCircleAsync(CircleMembership me, int count, CancellationToken ct) =>
        (await db.Set<HelpRequest>().AsNoTracking().Include(r => r.Circle).Include(r => r.ClaimedBy).Include(r => r.AddressedTo)
            .Where(r => r.CircleId == me.CircleId && r.Status == RequestStatus.Open)
            .OrderBy(r => r.EndsAt).Take(count).ToListAsync(ct))
        .Select(r => descriptions.Summarise(r, null, showClaimer: true)).ToList();

    /// <summary>
    /// Open neighbourhood requests within the volunteer's radius, in their categories, at times they said they can,
    /// not of circles that blocked them, not their own: found by matching, described from the database. With the
    /// open requests matching asked them about.
    /// </summary>
    public async Task<NearbyResponse> NearbyAsync(string userId, NearbySort sort, CancellationToken ct)
    {
        var person = await people.GetAsync(userId, ct) ?? throw new InvalidOperationException("A signed-in person without an account row.");
        var radiusKm = person.Volunteer?.ServiceRadiusKm ?? VolunteerProfile.DefaultRadiusKm;
        if (!person.IsVolunteer || person.Volunteer is not { } profile) return new NearbyResponse([], sort, radiusKm, "NotVolunteer", []);
        if (person.User.Location is not { } home) return new NearbyResponse([], sort, radiusKm, "NoPlace", []);

        var now = clock.GetUtcNow();
        var found = await OpenNearMe(userId, now).Include(r => r.Circle).ToListAsync(ct);
        var near = found.Select(r => descriptions.Summarise(r, home, showClaimer: false));
        var sorted = sort == NearbySort.Date
            ? near.OrderBy(s => s.StartsAt ?? s.EndsAt).ThenBy(s => s.DistanceMetres)
            : near.OrderBy(s => s.DistanceMetres).ThenBy(s => s.StartsAt ?? s.EndsAt);
        var asked = await askedOfYou.ListAsync(userId, home, profile.Availability, now, ct);
        return new NearbyResponse(sorted.ToList(), sort, radiusKm, null, asked);
    }

    /// <summary>
    /// How many requests <see cref="NearbyAsync"/> would list for the volunteer now (the digest counts with it): the
    /// same people, the same filters, so a digest never counts what the volunteer may not see.
    /// </summary>
    public async Task<int> NearbyCountAsync(string userId, CancellationToken ct)
    {
        var me = await db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new { HasPlace = u.Latitude != null, IsProfiled = db.Set<VolunteerProfile>().Any(v => v.UserId == u.Id) }).SingleOrDefaultAsync(ct);
        var isVolunteer = await db.UserRoles.AnyAsync(ur => ur.UserId == userId
            && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.Volunteer), ct);
        if (me is null || !isVolunteer || !me.IsProfiled || !me.HasPlace) return 0;
        return await OpenNearMe(userId, clock.GetUtcNow()).CountAsync(ct);
    }

    /// <summary>
    /// The open neighbourhood requests matching finds near the volunteer, checked against the database. The circles
    /// that blocked them are left out by the same query rather than read first and handed to matching: one statement
    /// less on every page that lists requests, and the list is the same (matching does not cap what it finds).
    /// </summary>
    private IQueryable<HelpRequest> OpenNearMe(string userId, DateTimeOffset now)
    {
        var ids = matching.Time(MatchingMetrics.NearMe, () => engine.NearMe(userId, now, NoBlocks)).Select(n => n.RequestId).ToList();
        return db.Set<HelpRequest>().AsNoTracking()
            .Where(r => ids.Contains(r.Id) && r.Status == RequestStatus.Open && r.Audience == RequestAudience.Neighbourhood && r.EndsAt > now
                && !db.Set<VolunteerBlock>().Any(b => b.VolunteerId == userId && b.CircleId == r.CircleId));
    }

    private static readonly IReadOnlySet<Guid> NoBlocks = new HashSet<Guid>();

    /// <summary>What I took on and still have to do, and what I helped with before.</summary>
    public async Task<MyTasksResponse> MineAsync(string userId, CancellationToken ct)
    {
        var home = await db.Users.Where(u => u.Id == userId).Select(u => u.Latitude == null ? (GeoPoint?)null : new GeoPoint(u.Latitude.Value, u.Longitude!.Value)).SingleAsync(ct);
        var mine = db.Set<HelpRequest>().AsNoTracking().Include(r => r.Circle).Where(r => r.ClaimedById == userId);
        var claimed = await mine.Where(r => r.Status == RequestStatus.Claimed).OrderBy(r => r.StartsAt ?? r.EndsAt).ToListAsync(ct);
        var history = await mine.Where(r => r.Status != RequestStatus.Claimed).OrderByDescending(r => r.ClosedAt).Take(ClosedShown).ToListAsync(ct);
        var confirmed = await mine.CountAsync(r => r.Status == RequestStatus.Done && r.HelperConfirmed == true && r.RequesterConfirmed == true, ct);
        return new MyTasksResponse(
            claimed.Select(r => descriptions.Summarise(r, home, showClaimer: false)).ToList(),
            history.Select(r => descriptions.Summarise(r, home, showClaimer: false)).ToList(),
            confirmed);
    }

    /// <summary>
    /// For the circle's workload: per member, the circle's requests they have taken on now, or did since
    /// <paramref name="fromUtc"/>. Done counts whether or not it was confirmed: the workload is the circle's own view.
    /// </summary>
    public async Task<Dictionary<string, int>> TakenOnByMemberAsync(Guid circleId, DateTimeOffset fromUtc, CancellationToken ct) =>
        await db.Set<HelpRequest>()
            .Where(r => r.CircleId == circleId && r.ClaimedById != null
                && (r.Status == RequestStatus.Claimed || (r.Status == RequestStatus.Done && r.ClosedAt >= fromUtc)))
            .GroupBy(r => r.ClaimedById!)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, ct);

    /// <summary>Requests nobody in the neighbourhood took on, in the given gebieden: for their buurtteam, longest waiting first.</summary>
    public async Task<IReadOnlyList<RequestSummary>> EscalatedAsync(IReadOnlyList<Area> areas, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var pc4s = AmsterdamAreas.Pc4sOf(areas.Select(a => a.Code));
        var waiting = await db.Set<HelpRequest>().AsNoTracking().Include(r => r.Circle)
            .Where(r => r.Status == RequestStatus.Open && r.EscalatedAt != null && r.EndsAt > now && pc4s.Contains(r.Pc4))
            .OrderBy(r => r.EscalatedAt).ToListAsync(ct);
        return waiting.Select(r => descriptions.Summarise(r, null, showClaimer: false)).ToList();
    }
}
