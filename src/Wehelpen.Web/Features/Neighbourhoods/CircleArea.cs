using Microsoft.EntityFrameworkCore;
using Wehelpen.Web.Data;
using Wehelpen.Web.Features.Areas;
using Wehelpen.Web.Features.Circles;
using Wehelpen.Web.Features.Requests;

namespace Wehelpen.Web.Features.Neighbourhoods;

/// <summary>
/// The gebied of a circle: where its hoofdpersoon lives; for a circle whose resident has no account (yet), where its
/// latest request is. Null when neither is known or it lies outside Amsterdam and Weesp.
/// </summary>
public static class CircleArea
{
    public static async Task<Area?> OfAsync(WehelpenDbContext db, Guid circleId, CancellationToken ct)
    {
        // One query for both places; the latest request is found on the (CircleId, CreatedAt) index.
        var places = await db.Set<Circle>().Where(c => c.Id == circleId).Select(c => new
        {
            Resident = db.Set<CircleMember>().Where(m => m.CircleId == c.Id && m.Role == CircleRole.Resident).Select(m => m.User!.Pc4).FirstOrDefault(),
            LatestRequest = db.Set<HelpRequest>().Where(r => r.CircleId == c.Id).OrderByDescending(r => r.CreatedAt).Select(r => r.Pc4).FirstOrDefault(),
        }).FirstOrDefaultAsync(ct);
        return AmsterdamAreas.ForPc4(places?.Resident) ?? AmsterdamAreas.ForPc4(places?.LatestRequest);
    }
}
