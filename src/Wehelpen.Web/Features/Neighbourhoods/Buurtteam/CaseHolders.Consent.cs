using Microsoft.EntityFrameworkCore;
using Wehelpen.Web.Features.Circles.Consent;

namespace Wehelpen.Web.Features.Neighbourhoods.Buurtteam;

/// <summary>The hoofdpersoon's consent to the klanthouder: shown with it, and withdrawing it ends the klanthouderschap.</summary>
public sealed partial class CaseHolders : IConsentWithdrawal
{
    public ConsentKind Kind => ConsentKind.CaseHolder;

    /// <summary>The consent the invitation of this professional rests on: the latest one for them, while not withdrawn.</summary>
    private async Task<ConsentResponse?> ConsentInForceAsync(Guid circleId, string professionalId, CancellationToken ct) =>
        (await consents.ForCircleAsync(circleId, ConsentKind.CaseHolder, ct))
            .FirstOrDefault(c => c.SubjectUserId == professionalId && c.WithdrawnAt is null);

    /// <summary>
    /// Withdrawn consent to this professional: every consent still standing for them in the circle goes with it, and
    /// their invitation or klanthouderschap ends as when the circle ends it, in the same save.
    /// </summary>
    public async Task<Func<Task>> StageAsync(ConsentRecord withdrawn, CancellationToken ct)
    {
        var standing = await db.Set<ConsentRecord>()
            .Where(c => c.CircleId == withdrawn.CircleId && c.Kind == ConsentKind.CaseHolder && c.SubjectUserId == withdrawn.SubjectUserId
                && c.Id != withdrawn.Id && c.WithdrawnAt == null)
            .ToListAsync(ct);
        foreach (var consent in standing) (consent.WithdrawnAt, consent.WithdrawnById) = (withdrawn.WithdrawnAt, withdrawn.WithdrawnById);

        var invitation = await db.Set<CaseHolderInvitation>().Include(i => i.Circle)
            .Where(i => i.CircleId == withdrawn.CircleId && i.ProfessionalId == withdrawn.SubjectUserId && i.DeclinedAt == null && i.EndedAt == null)
            .OrderByDescending(i => i.InvitedAt).FirstOrDefaultAsync(ct);
        if (invitation is null) return () => Task.CompletedTask;
        return await StageEndAsync(invitation, withdrawn.WithdrawnById!, [invitation.ProfessionalId], ct);
    }
}
