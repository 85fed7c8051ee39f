using Microsoft.EntityFrameworkCore;
using Wehelpen.Matching;
using Wehelpen.Web.Data;
using Wehelpen.Web.Features.Matching;

namespace Wehelpen.Web.Features.Requests.Matching;

/// <summary>The requests and the volunteers' record with them, as the matching engine takes them in.</summary>
internal sealed class RequestSource(WehelpenDbContext db) : IRequestSource
{
    /// <summary>Open neighbourhood requests whose time has not passed: what volunteers see near them.</summary>
    public async Task<List<OpenRequest>> OpenRequestsAsync(IReadOnlyCollection<Guid>? ids, DateTimeOffset now, CancellationToken ct)
    {
        var requests = db.Set<HelpRequest>().AsNoTracking()
            .Where(r => r.Status == RequestStatus.Open && r.Audience == RequestAudience.Neighbourhood && r.EndsAt > now);
        if (ids is not null) requests = requests.Where(r => ids.Contains(r.Id));
        var rows = await requests
            .Select(r => new { r.Id, r.Latitude, r.Longitude, r.Category, r.StartsAt, r.EndsAt, r.RequestedById, r.CircleId })
            .ToListAsync(ct);
        return rows.Select(r => new OpenRequest(r.Id, r.Latitude, r.Longitude, (int)r.Category, r.StartsAt, r.EndsAt, r.RequestedById, r.CircleId)).ToList();
    }

    /// <summary>Load (claimed now), reliability (claims made, requests done) and the alerts of the fairness window.</summary>
    public async Task<Dictionary<string, VolunteerStats>> StatsAsync(IReadOnlyCollection<string>? ids, DateTimeOffset now, CancellationToken ct)
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
}
