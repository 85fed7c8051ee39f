using Wehelpen.Web.Features.Locations;
using Microsoft.EntityFrameworkCore;
using Wehelpen.Matching;
using Wehelpen.Web.Data;
using Wehelpen.Web.Features.Accounts;
using Wehelpen.Web.Features.Profiles;
using Wehelpen.Web.Features.Requests;

namespace Wehelpen.Web.Features.Matching;

/// <summary>
/// Fills the matching engine from the database, the source of truth: everything at start-up, and again the rows of
/// the volunteers and requests a save changed. Re-reading rather than applying the change keeps one definition of
/// who is a volunteer and which request is open: this one.
/// </summary>
public sealed class MatchingStore(WehelpenDbContext db, MatchingEngine engine, Pc4Areas pc4Areas, TimeProvider clock)
{
    public async Task LoadAllAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var volunteers = await VolunteersAsync(null, ct);
        var stats = await StatsAsync(null, now, ct);
        var requests = await OpenRequestsAsync(null, now, ct);
        engine.Load(volunteers.Select(v => (v, stats.GetValueOrDefault(v.Id, VolunteerStats.None))), requests);
    }

    /// <summary>Takes in these people as they are now: a volunteer who can be matched is (re)placed, anyone else removed.</summary>
    public async Task RefreshVolunteersAsync(IReadOnlyCollection<string> ids, CancellationToken ct)
    {
        if (ids.Count == 0) return;
        var volunteers = await VolunteersAsync(ids, ct);
        var stats = await StatsAsync(ids, clock.GetUtcNow(), ct);
        foreach (var volunteer in volunteers) engine.Upsert(volunteer, stats.GetValueOrDefault(volunteer.Id, VolunteerStats.None));
        foreach (var gone in ids.Except(volunteers.Select(v => v.Id))) engine.Remove(gone);
    }

    /// <summary>Takes in these requests as they are now: only open neighbourhood requests stay in the volunteers' lists.</summary>
    public async Task RefreshRequestsAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct)
    {
        if (ids.Count == 0) return;
        var open = await OpenRequestsAsync(ids, clock.GetUtcNow(), ct);
        foreach (var request in open) engine.UpsertRequest(request);
        foreach (var gone in ids.Except(open.Select(r => r.Id))) engine.RemoveRequest(gone);
    }

    /// <summary>
    /// People with the volunteer role, volunteer settings with at least one category, and a place. Only the columns
    /// matching uses are read: at a million volunteers, whole accounts (names, addresses, hashes, stamps) made a node's
    /// start read and materialise gigabytes it threw away at once.
    /// </summary>
    private async Task<List<Volunteer>> VolunteersAsync(IReadOnlyCollection<string>? ids, CancellationToken ct)
    {
        var volunteerRole = db.Roles.Where(r => r.Name == Roles.Volunteer).Select(r => r.Id);
        var users = db.Users.AsNoTracking()
            .Where(u => u.Latitude != null && u.Longitude != null)
            .Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && volunteerRole.Contains(ur.RoleId)));
        if (ids is not null) users = users.Where(u => ids.Contains(u.Id));
        var rows = await users.Join(db.Set<VolunteerProfile>().AsNoTracking(), u => u.Id, v => v.UserId,
            (u, v) => new { u.Id, Latitude = u.Latitude!.Value, Longitude = u.Longitude!.Value, Profile = v }).ToListAsync(ct);
        return rows
            .Select(r => VolunteerAreas.VolunteerFor(r.Id, new GeoPoint(r.Latitude, r.Longitude), r.Profile, pc4Areas))
            .OfType<Volunteer>()
            .ToList();
    }

    /// <summary>Load (claimed now), reliability (claims made, requests done) and the alerts of the fairness window.</summary>
    private async Task<Dictionary<string, VolunteerStats>> StatsAsync(IReadOnlyCollection<string>? ids, DateTimeOffset now, CancellationToken ct)
    {
        var claimed = db.Set<HelpRequest>().Where(r => r.ClaimedById != null);
        var claims = db.Set<RequestEvent>().Where(e => e.Change == RequestChange.Claimed && e.ActorId != null);
        var since = now - VolunteerStats.FairnessWindow;
        var alerts = db.Set<RequestAlert>().Where(a => a.AlertedAt > since);
        if (ids is not null)
        {
            claimed = claimed.Where(r => ids.Contains(r.ClaimedById!));
            claims = claims.Where(e => ids.Contains(e.ActorId!));
            alerts = alerts.Where(a => ids.Contains(a.VolunteerId));
        }
        var load = await claimed.GroupBy(r => r.ClaimedById!)
            .Select(g => new { Id = g.Key, Open = g.Count(r => r.Status == RequestStatus.Claimed), Done = g.Count(r => r.Status == RequestStatus.Done) })
            .ToDictionaryAsync(x => x.Id, ct);
        var made = await claims.GroupBy(e => e.ActorId!).Select(g => new { Id = g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Id, x => x.Count, ct);
        var recent = (await alerts.Select(a => new { a.VolunteerId, a.AlertedAt }).ToListAsync(ct))
            .ToLookup(a => a.VolunteerId, a => a.AlertedAt);

        var stats = new Dictionary<string, VolunteerStats>(StringComparer.Ordinal);
        foreach (var id in load.Keys.Concat(made.Keys).Concat(recent.Select(g => g.Key)).Distinct())
        {
            var (open, done) = load.TryGetValue(id, out var l) ? (l.Open, l.Done) : (0, 0);
            stats[id] = new VolunteerStats(open, made.GetValueOrDefault(id), done, recent[id].ToList());
        }
        return stats;
    }

    /// <summary>Open neighbourhood requests whose time has not passed: what volunteers see near them.</summary>
    private async Task<List<OpenRequest>> OpenRequestsAsync(IReadOnlyCollection<Guid>? ids, DateTimeOffset now, CancellationToken ct)
    {
        var requests = db.Set<HelpRequest>().AsNoTracking()
            .Where(r => r.Status == RequestStatus.Open && r.Audience == RequestAudience.Neighbourhood && r.EndsAt > now);
        if (ids is not null) requests = requests.Where(r => ids.Contains(r.Id));
        var rows = await requests
            .Select(r => new { r.Id, r.Latitude, r.Longitude, r.Category, r.StartsAt, r.EndsAt, r.RequestedById, r.CircleId })
            .ToListAsync(ct);
        return rows.Select(r => new OpenRequest(r.Id, r.Latitude, r.Longitude, (int)r.Category, r.StartsAt, r.EndsAt, r.RequestedById, r.CircleId)).ToList();
    }
}
