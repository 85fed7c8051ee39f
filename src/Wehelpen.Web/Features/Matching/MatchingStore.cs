using Wehelpen.Web.Features.Locations;
using Microsoft.EntityFrameworkCore;
using Wehelpen.Matching;
using Wehelpen.Web.Data;
using Wehelpen.Web.Features.Accounts;
using Wehelpen.Web.Features.Profiles;

namespace Wehelpen.Web.Features.Matching;

/// <summary>
/// Fills the matching engine from the database, the source of truth: everything at start-up, and again the rows of
/// the volunteers and requests a save changed (the saving feature calls <see cref="MatchingRefresher"/>). Re-reading
/// rather than applying the change keeps one definition of who is a volunteer and which request is open. Volunteers
/// are read here; open requests and the volunteers' record with them come from Requests (<see cref="IRequestSource"/>).
/// </summary>
public sealed class MatchingStore(WehelpenDbContext db, MatchingEngine engine, IRequestSource requests, Pc4Areas pc4Areas, TimeProvider clock)
{
    public async Task LoadAllAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var volunteers = await VolunteersAsync(null, ct);
        var stats = await requests.StatsAsync(null, now, ct);
        var open = await requests.OpenRequestsAsync(null, now, ct);
        engine.Load(volunteers.Select(v => (v, stats.GetValueOrDefault(v.Id, VolunteerStats.None))), open);
    }

    /// <summary>Takes in these people as they are now: a volunteer who can be matched is (re)placed, anyone else removed.</summary>
    public async Task RefreshVolunteersAsync(IReadOnlyCollection<string> ids, CancellationToken ct)
    {
        if (ids.Count == 0) return;
        var volunteers = await VolunteersAsync(ids, ct);
        var stats = await requests.StatsAsync(ids, clock.GetUtcNow(), ct);
        foreach (var volunteer in volunteers) engine.Upsert(volunteer, stats.GetValueOrDefault(volunteer.Id, VolunteerStats.None));
        foreach (var gone in ids.Except(volunteers.Select(v => v.Id))) engine.Remove(gone);
    }

    /// <summary>Takes in these requests as they are now: only open neighbourhood requests stay in the volunteers' lists.</summary>
    public async Task RefreshRequestsAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct)
    {
        if (ids.Count == 0) return;
        var open = await requests.OpenRequestsAsync(ids, clock.GetUtcNow(), ct);
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
}
