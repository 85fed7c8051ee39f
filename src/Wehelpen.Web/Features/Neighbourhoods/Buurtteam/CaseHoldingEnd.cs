using Microsoft.EntityFrameworkCore;
using Wehelpen.Web.Data;
using Wehelpen.Web.Features.Circles;

namespace Wehelpen.Web.Features.Neighbourhoods.Buurtteam;

/// <summary>A klanthouder removed or leaving like any member: the record of their invitation says it ended too.</summary>
internal sealed class CaseHoldingEnd(WehelpenDbContext db, TimeProvider clock) : IMemberLeaving
{
    public async Task LeavingAsync(CircleMember member, string endedById, CancellationToken ct)
    {
        if (member.Role != CircleRole.CaseHolder) return;
        var inForce = await db.Set<CaseHolderInvitation>()
            .Where(i => i.CircleId == member.CircleId && i.ProfessionalId == member.UserId && i.AcceptedAt != null && i.EndedAt == null).ToListAsync(ct);
        foreach (var invitation in inForce) (invitation.EndedAt, invitation.EndedById) = (clock.GetUtcNow(), endedById);
    }
}
