using Microsoft.EntityFrameworkCore;
using Wehelpen.Web.Data;
using Wehelpen.Web.Features.Accounts;
using Wehelpen.Web.Features.Profiles;
using Wehelpen.Web.Features.Requests;

namespace Wehelpen.Web.Features.Neighbourhoods.Figures;

/// <summary>A request asked in the period, with when it was first claimed (null: never).</summary>
internal sealed record AskedRow(string Pc4, DateTimeOffset CreatedAt, DateTimeOffset? FirstClaimAt);

/// <summary>A volunteer who lives in one of the postcodes (their home PC4 today), with an account since then.</summary>
internal sealed record ResidentRow(string UserId, string Pc4, DateTimeOffset Since);

/// <summary>Someone claimed a request located in one of the postcodes.</summary>
internal sealed record ClaimRow(string UserId, string Pc4, DateTimeOffset At);

/// <summary>Everything the figures of some postcodes over a period need, read with few narrow queries.</summary>
internal sealed record FigureRows(
    IReadOnlyList<AskedRow> Asked,
    IReadOnlyList<(string Pc4, DateTimeOffset ClosedAt)> Confirmed,
    IReadOnlyDictionary<string, int> ResidentsBefore,
    IReadOnlyList<ResidentRow> NewResidents,
    IReadOnlyList<ClaimRow> Claims,
    IReadOnlyDictionary<string, ResidentRow> ClaimerHomes)
{
    /// <summary>
    /// Filters by date range and postcodes in SQL; dates are only compared there (on SQLite they are binary ticks, so
    /// date parts cannot be taken in SQL): grouping by Amsterdam week happens in memory.
    /// </summary>
    public static async Task<FigureRows> ReadAsync(WehelpenDbContext db, IReadOnlyList<string> pc4s, DateTimeOffset from, DateTimeOffset until, CancellationToken ct)
    {
        var requests = db.Set<HelpRequest>().AsNoTracking();
        var asked = requests.Where(r => pc4s.Contains(r.Pc4) && r.CreatedAt >= from && r.CreatedAt < until);
        var askedRows = await asked.Select(r => new { r.Id, r.Pc4, r.CreatedAt }).ToListAsync(ct);
        // The first claim: ClaimedAt is cleared when a request is given back, the event stays.
        var claimEvents = await db.Set<RequestEvent>().AsNoTracking()
            .Where(e => e.Change == RequestChange.Claimed && asked.Any(r => r.Id == e.RequestId))
            .Select(e => new { e.RequestId, e.At }).ToListAsync(ct);
        var firstClaim = claimEvents.GroupBy(e => e.RequestId).ToDictionary(g => g.Key, g => g.Min(e => e.At));

        var confirmed = await requests
            .Where(r => pc4s.Contains(r.Pc4) && r.ClosedAt != null && r.ClosedAt >= from && r.ClosedAt < until
                && r.Status == RequestStatus.Done && r.HelperConfirmed == true && r.RequesterConfirmed == true)
            .Select(r => new { r.Pc4, ClosedAt = r.ClosedAt!.Value }).ToListAsync(ct);

        // Volunteers living in the postcodes: counted per postcode in SQL (there may be very many), one by one only
        // for those who joined during the period and for those who claimed something (to count nobody twice).
        var volunteerRole = db.Roles.Where(r => r.Name == Roles.Volunteer).Select(r => r.Id);
        var residents = db.Users.AsNoTracking()
            .Where(u => u.Pc4 != null && pc4s.Contains(u.Pc4) && db.Set<VolunteerProfile>().Any(v => v.UserId == u.Id && v.Categories != HelpCategories.None))
            .Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && volunteerRole.Contains(ur.RoleId)));
        var before = await residents.Where(u => u.CreatedAt < from).GroupBy(u => u.Pc4!)
            .Select(g => new { Pc4 = g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Pc4, g => g.Count, ct);
        var newResidents = await residents.Where(u => u.CreatedAt >= from && u.CreatedAt < until)
            .Select(u => new ResidentRow(u.Id, u.Pc4!, u.CreatedAt)).ToListAsync(ct);

        var claimsFrom = from - FigureCalculator.ActiveWindow;
        var claims = await db.Set<RequestEvent>().AsNoTracking()
            .Where(e => e.Change == RequestChange.Claimed && e.ActorId != null && e.At >= claimsFrom && e.At < until)
            .Join(requests.Where(r => pc4s.Contains(r.Pc4)), e => e.RequestId, r => r.Id, (e, r) => new ClaimRow(e.ActorId!, r.Pc4, e.At))
            .ToListAsync(ct);
        var claimerIds = claims.Select(c => c.UserId).Distinct().ToList();
        var claimerHomes = claimerIds.Count == 0 ? [] : await residents.Where(u => claimerIds.Contains(u.Id))
            .Select(u => new ResidentRow(u.Id, u.Pc4!, u.CreatedAt)).ToDictionaryAsync(r => r.UserId, ct);

        return new FigureRows(
            askedRows.Select(r => new AskedRow(r.Pc4, r.CreatedAt, firstClaim.TryGetValue(r.Id, out var at) ? at : null)).ToList(),
            confirmed.Select(c => (c.Pc4, c.ClosedAt)).ToList(),
            before, newResidents, claims, claimerHomes);
    }
}
