using Microsoft.EntityFrameworkCore;
using Wehelpen.Web.Features.Circles;
using Wehelpen.Web.Features.Notifications;
using Wehelpen.Web.Hosting;
using Wehelpen.Web.Platform.Audit;

namespace Wehelpen.Web.Features.Neighbourhoods.Buurtteam;

/// <summary>The professional's side: invitations to answer, circles they hold, and stepping down.</summary>
public sealed partial class CaseHolders
{
    public async Task<IReadOnlyList<CaseHolderInvitationResponse>> ForProfessionalAsync(string userId, CancellationToken ct)
    {
        var rows = await db.Set<CaseHolderInvitation>().AsNoTracking()
            .Where(i => i.ProfessionalId == userId && i.DeclinedAt == null && i.EndedAt == null)
            .OrderByDescending(i => i.InvitedAt)
            .Select(i => new { i.Id, i.CircleId, i.Circle!.Name, i.Circle.ResidentName, Inviter = i.InvitedBy!.DisplayName, i.Message, i.InvitedAt, i.AcceptedAt })
            .ToListAsync(ct);
        var result = new List<CaseHolderInvitationResponse>();
        foreach (var i in rows)
            result.Add(new(i.Id, i.CircleId, i.Name, i.ResidentName, (await CircleArea.OfAsync(db, i.CircleId, ct))?.Name, i.Inviter, i.Message, i.InvitedAt, i.AcceptedAt));
        return result;
    }

    public async Task<Outcome<Done>> AcceptAsync(string userId, Guid invitationId, CancellationToken ct)
    {
        var invitation = await PendingForAsync(userId, invitationId, ct);
        if (invitation is null) return Refusal.NotFound(text["CaseHolder.InvitationNotFound"]);
        if (await db.Set<CircleMember>().AnyAsync(m => m.CircleId == invitation.CircleId && m.UserId == userId, ct))
            return Refusal.Conflict(text["CaseHolder.AlreadyMember"]);

        var now = clock.GetUtcNow();
        invitation.AcceptedAt = now;
        var professional = await db.Users.SingleAsync(u => u.Id == userId, ct);
        db.Add(new CircleMember { CircleId = invitation.CircleId, UserId = userId, Role = CircleRole.CaseHolder, JoinedAt = now });
        db.Add(CircleManagement.Event(invitation.CircleId, MembershipChange.Joined, professional, professional, CircleRole.CaseHolder, now));
        var made = await TellManagersAsync(invitation, NotificationKind.CaseHolderAccepted, professional.DisplayName, now, ct);
        audit.Record(userId, AuditActions.CaseHolderAccept, AuditTargets.Circle, invitation.CircleId.ToString());
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The unique index: another klanthouder came in at the same moment, or this invitation was just answered.
            db.ChangeTracker.Clear();
            return Refusal.Conflict(text["CaseHolder.AlreadyOne"]);
        }
        await notifier.AnnounceAsync(made);
        await live.MembershipChangedAsync(invitation.CircleId, userId);
        return Done.Instance;
    }

    public async Task<Outcome<Done>> DeclineAsync(string userId, Guid invitationId, CancellationToken ct)
    {
        var invitation = await PendingForAsync(userId, invitationId, ct);
        if (invitation is null) return Refusal.NotFound(text["CaseHolder.InvitationNotFound"]);
        var now = clock.GetUtcNow();
        invitation.DeclinedAt = now;
        var name = await db.Users.Where(u => u.Id == userId).Select(u => u.DisplayName).SingleAsync(ct);
        var made = await TellManagersAsync(invitation, NotificationKind.CaseHolderDeclined, name, now, ct);
        audit.Record(userId, AuditActions.CaseHolderDecline, AuditTargets.Circle, invitation.CircleId.ToString());
        await db.SaveChangesAsync(ct);
        await notifier.AnnounceAsync(made);
        return Done.Instance;
    }

    /// <summary>The professional ends it themselves; the circle's managers hear so.</summary>
    public async Task<Outcome<Done>> StepDownAsync(string userId, Guid circleId, CancellationToken ct)
    {
        var invitation = await db.Set<CaseHolderInvitation>().Include(i => i.Circle)
            .SingleOrDefaultAsync(i => i.CircleId == circleId && i.ProfessionalId == userId && i.AcceptedAt != null && i.EndedAt == null, ct);
        if (invitation is null) return Refusal.NotFound(text["CaseHolder.InvitationNotFound"]);
        audit.Record(userId, AuditActions.CaseHolderStepDown, AuditTargets.Circle, circleId.ToString());
        return await EndAsync(invitation, userId, await ManagersAsync(circleId, ct), ct);
    }

    /// <summary>The open invitation of this professional; null for anyone else's, answered or made-up ids alike.</summary>
    private Task<CaseHolderInvitation?> PendingForAsync(string userId, Guid invitationId, CancellationToken ct) =>
        db.Set<CaseHolderInvitation>().Include(i => i.Circle)
            .SingleOrDefaultAsync(i => i.Id == invitationId && i.ProfessionalId == userId && i.AcceptedAt == null && i.DeclinedAt == null && i.EndedAt == null, ct);

    private async Task<IReadOnlyList<Notification>> TellManagersAsync(CaseHolderInvitation invitation, NotificationKind kind, string professional, DateTimeOffset now, CancellationToken ct) =>
        await notifier.AddAsync(
            (await ManagersAsync(invitation.CircleId, ct)).Select(id => new NewNotification(
                id, kind, new(Circle: invitation.Circle!.Name, Person: professional), $"/circles/{invitation.CircleId}/klanthouder", $"{kind}:{invitation.Id}:{id}")).ToList(),
            now, ct);
}
