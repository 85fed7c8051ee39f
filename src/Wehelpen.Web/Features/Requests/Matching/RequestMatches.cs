using Microsoft.EntityFrameworkCore;
using Wehelpen.Matching;
using Wehelpen.Web.Data;
using Wehelpen.Web.Features.Matching;
using Wehelpen.Web.Features.Profiles;
using Wehelpen.Web.Platform.Audit;

namespace Wehelpen.Web.Features.Requests.Matching;

/// <param name="Waves">Waves asked so far.</param>
/// <param name="Wave">The wave this ranking is for: the next one, or the last when all have been asked.</param>
/// <param name="Eligible">Everyone who could be chosen; <paramref name="OverWeeklyCap"/> more were asked too often this week.</param>
public sealed record RequestMatchesResponse(
    Guid RequestId, int Waves, int Wave, int TotalWaves, double RadiusFactor, int Eligible, int OverWeeklyCap, IReadOnlyList<VolunteerMatchResponse> Matches);

/// <param name="Asked">Asked about this request in an earlier wave.</param>
public sealed record VolunteerMatchResponse(string VolunteerId, string DisplayName, double Score, bool Asked, MatchReasonsResponse Reasons);

public sealed record MatchReasonsResponse(
    double DistanceMetres, bool Widened, bool InChosenArea, HelpCategories Category, IReadOnlyList<AvailabilitySlot> AvailableSlots, bool AnyTime,
    int OpenClaims, int AlertsThisWeek, double Reliability);

/// <summary>
/// For administrators: whom matching would choose for a request now, best first, with the score and its parts, so
/// that a choice can be explained (or a complaint about being asked too often checked). A look names many volunteers
/// with how far they live: it is on the audit log, saved before the answer goes out.
/// </summary>
public sealed class RequestMatches(WehelpenDbContext db, MatchingEngine engine, MatchingMetrics metrics, RequestWaves waves, AuditTrail audit, TimeProvider clock)
{
    public async Task<RequestMatchesResponse?> RankAsync(string adminId, Guid requestId, CancellationToken ct)
    {
        var request = await db.Set<HelpRequest>().AsNoTracking().SingleOrDefaultAsync(r => r.Id == requestId, ct);
        if (request is null) return null;
        var now = clock.GetUtcNow();
        var asked = await waves.AskedAsync(requestId, ct);
        var total = engine.Options.TotalWaves;
        var wave = Math.Min(asked.Waves + 1, total);
        var factor = waves.RadiusFactor(wave);
        var query = waves.Query(request, now) with { Blocked = await waves.BlockedAsync(request.CircleId, ct), RadiusFactor = factor };
        var result = metrics.Time(MatchingMetrics.Match, () => engine.Match(query));
        var ids = result.Top.Select(m => m.VolunteerId).ToList();
        var names = await db.Users.Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        var matches = result.Top.Select(m => new VolunteerMatchResponse(
            m.VolunteerId, names.GetValueOrDefault(m.VolunteerId, ""), m.Score, asked.Volunteers.Contains(m.VolunteerId), Describe(m.Reasons))).ToList();
        audit.Record(adminId, AuditActions.RequestMatchesView, AuditTargets.HelpRequest, requestId.ToString());
        await db.SaveChangesAsync(ct);
        return new RequestMatchesResponse(requestId, asked.Waves, wave, total, factor, result.Eligible, result.OverWeeklyCap, matches);
    }

    private static MatchReasonsResponse Describe(MatchReasons r) =>
        new(r.DistanceMetres, r.Widened, r.InChosenArea, (HelpCategories)r.Category, MatchingFormat.Slots(r.AvailableSlots), r.AnyTime,
            r.OpenClaims, r.AlertsThisWeek, r.Reliability);
}
