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
        var residentPc4 = await db.Set<CircleMember>()
            .Where(m => m.CircleId == circleId && m.Role == CircleRole.Resident)
            .Select(m => m.User!.Pc4).FirstOrDefaultAsync(ct);
        if (AmsterdamAreas.ForPc4(residentPc4) is { } home) return home;
        var requestPc4 = await db.Set<HelpRequest>()
            .Where(r => r.CircleId == circleId).OrderByDescending(r => r.CreatedAt)
            .Select(r => r.Pc4).FirstOrDefaultAsync(ct);
        return AmsterdamAreas.ForPc4(requestPc4);
    }
}
