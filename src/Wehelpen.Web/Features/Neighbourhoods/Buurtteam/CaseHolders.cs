using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Wehelpen.Web.Data;
using Wehelpen.Web.Features.Accounts;
using Wehelpen.Web.Features.Areas;
using Wehelpen.Web.Features.Circles;
using Wehelpen.Web.Features.Circles.Consent;
using Wehelpen.Web.Platform.Live;
using Wehelpen.Web.Features.Notifications;
using Wehelpen.Web.Hosting;
using Wehelpen.Web.Platform.Audit;
using Wehelpen.Web.Platform.PersonalData;

namespace Wehelpen.Web.Features.Neighbourhoods.Buurtteam;

/// <summary>
/// The klanthouder: the circle (its hoofdpersoon or a coördinator) invites a professional of the circle's gebied,
/// saying that the hoofdpersoon agrees (a <see cref="ConsentRecord"/>, saved with the invitation); the professional
/// accepts and becomes the circle's one CaseHolder member, who sees the circle as a coördinator does. The circle ends
/// it whenever it wants (or withdraws the consent), the professional may step down, and either way access ends at
/// once. The invitation rows are the record of who asked whom, when, and who ended it.
/// </summary>
public sealed partial class CaseHolders(
    WehelpenDbContext db, ConsentQueries consents, Notifier notifier, LiveNews live, AuditTrail audit, TimeProvider clock,
    IStringLocalizer<SharedResource> text)
{
    /// <summary>The invitation in force or on its way, if any.</summary>
    public async Task<CaseHolderResponse?> CurrentAsync(Guid circleId, CancellationToken ct)
    {
        var invitation = await db.Set<CaseHolderInvitation>().AsNoTracking()
            .Include(i => i.Professional).Include(i => i.InvitedBy)
            .Where(i => i.CircleId == circleId && i.DeclinedAt == null && i.EndedAt == null)
            .OrderByDescending(i => i.InvitedAt).FirstOrDefaultAsync(ct);
        if (invitation is null) return null;
        var card = (await CardsAsync([invitation.ProfessionalId], ct)).Single();
        return new CaseHolderResponse(invitation.Id, card, FormerMember.Shown(invitation.InvitedBy!.DisplayName, text), invitation.Message, invitation.InvitedAt, invitation.AcceptedAt,
            await ConsentInForceAsync(circleId, invitation.ProfessionalId, ct));
    }

    /// <summary>Who the circle can ask: the approved professionals of its gebied (of every gebied when its gebied is unknown).</summary>
    public async Task<IReadOnlyList<ProfessionalCard>> CandidatesAsync(Guid circleId, CancellationToken ct)
    {
        var area = await CircleArea.OfAsync(db, circleId, ct);
        var ids = await db.Set<ProfessionalArea>()
            .Where(a => a.ApprovedAt != null && (area == null || a.AreaCode == area.Code))
            .Where(a => !db.Set<CircleMember>().Any(m => m.CircleId == circleId && m.UserId == a.UserId))
            .Select(a => a.UserId).Distinct().ToListAsync(ct);
        return (await CardsAsync(ids, ct)).OrderBy(c => c.DisplayName).ToList();
    }

    public async Task<Outcome<CaseHolderResponse>> InviteAsync(CircleMembership me, CaseHolderInviteInput input, CancellationToken ct)
    {
        if (!me.CanManage) return Refusal.Forbidden(text["CaseHolder.OnlyManagers"]);
        var errors = new FieldErrors();
        var message = errors.Optional(text, "message", input.Message, CaseHolderInvitation.MessageMaxLength);
        if (input.Consent != true) errors.Add("consent", text["CaseHolder.ConsentRequired"]);
        var candidates = await CandidatesAsync(me.CircleId, ct);
        if (string.IsNullOrWhiteSpace(input.ProfessionalId)) errors.Add("professionalId", text["CaseHolder.ChooseProfessional"]);
        else if (candidates.All(c => c.UserId != input.ProfessionalId)) errors.Add("professionalId", text["CaseHolder.NotACandidate"]);
        if (errors.Any) return errors;
        if (await CurrentAsync(me.CircleId, ct) is not null) return Refusal.Conflict(text["CaseHolder.AlreadyOne"]);

        var now = clock.GetUtcNow();
        var invitation = new CaseHolderInvitation
        {
            CircleId = me.CircleId, ProfessionalId = input.ProfessionalId!, InvitedById = me.UserId, Message = message, InvitedAt = now,
        };
        db.Add(invitation);
        db.Add(ConsentRecord.Given(me.CircleId, ConsentKind.CaseHolder, invitation.ProfessionalId, me.UserId, now));
        var inviter = await db.Users.Where(u => u.Id == me.UserId).Select(u => u.DisplayName).SingleAsync(ct);
        var made = await notifier.AddAsync(
            [new(invitation.ProfessionalId, NotificationKind.CaseHolderInvited, new(Circle: me.CircleName, Person: inviter, Message: message), "/buurtteam", $"caseholder-invited:{invitation.Id}")],
            now, ct);
        await db.SaveChangesAsync(ct);
        await notifier.AnnounceAsync(made);
        return (await CurrentAsync(me.CircleId, ct))!;
    }

    /// <summary>
    /// The circle ends it (or withdraws the invitation); any member may see it end, only a manager may do it. The
    /// professional's access ends with this save.
    /// </summary>
    public async Task<Outcome<Done>> EndAsync(CircleMembership me, CancellationToken ct)
    {
        if (!me.CanManage) return Refusal.Forbidden(text["CaseHolder.OnlyManagers"]);
        var invitation = await db.Set<CaseHolderInvitation>().Include(i => i.Circle)
            .Where(i => i.CircleId == me.CircleId && i.DeclinedAt == null && i.EndedAt == null)
            .OrderByDescending(i => i.InvitedAt).FirstOrDefaultAsync(ct);
        if (invitation is null) return Refusal.NotFound(text["CaseHolder.NoneToEnd"]);
        return await EndAsync(invitation, me.UserId, [invitation.ProfessionalId], ct);
    }

    /// <summary>Writes the end of an invitation (and of the membership it gave) for <paramref name="tell"/> to hear.</summary>
    private async Task<Outcome<Done>> EndAsync(CaseHolderInvitation invitation, string endedById, IReadOnlyList<string> tell, CancellationToken ct)
    {
        var announce = await StageEndAsync(invitation, endedById, tell, ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Ended a moment ago by someone else (or a double click): that end stands, this one is not written.
            db.ChangeTracker.Clear();
            return Done.Instance;
        }
        await announce();
        return Done.Instance;
    }

    /// <summary>Puts the end into the unit of work; returns what to tell once it is saved.</summary>
    private async Task<Func<Task>> StageEndAsync(CaseHolderInvitation invitation, string endedById, IReadOnlyList<string> tell, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        (invitation.EndedAt, invitation.EndedById) = (now, endedById);
        var member = await db.Set<CircleMember>().Include(m => m.User)
            .SingleOrDefaultAsync(m => m.CircleId == invitation.CircleId && m.UserId == invitation.ProfessionalId && m.Role == CircleRole.CaseHolder, ct);
        var actor = await db.Users.SingleAsync(u => u.Id == endedById, ct);
        if (member is not null)
        {
            db.Remove(member);
            db.Add(CircleManagement.Event(invitation.CircleId, endedById == member.UserId ? MembershipChange.Left : MembershipChange.Removed, member.User!, actor, CircleRole.CaseHolder, now));
        }
        var made = await notifier.AddAsync(
            tell.Select(id => new NewNotification(id, NotificationKind.CaseHolderEnded, new(Circle: invitation.Circle!.Name, Person: actor.DisplayName), "/buurtteam", $"caseholder-ended:{invitation.Id}:{id}")).ToList(),
            now, ct);
        return async () =>
        {
            await notifier.AnnounceAsync(made);
            if (member is not null) await live.MembershipChangedAsync(invitation.CircleId, member.UserId);
        };
    }

    private async Task<List<string>> ManagersAsync(Guid circleId, CancellationToken ct) =>
        await CircleMember.ManagerIds(db.Set<CircleMember>(), circleId).ToListAsync(ct);

    internal async Task<IReadOnlyList<ProfessionalCard>> CardsAsync(IReadOnlyCollection<string> userIds, CancellationToken ct)
    {
        var people = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).Select(u => new { u.Id, u.DisplayName }).ToListAsync(ct);
        var profiles = await db.Set<ProfessionalProfile>().AsNoTracking().Where(p => userIds.Contains(p.UserId)).ToDictionaryAsync(p => p.UserId, ct);
        var areas = (await db.Set<ProfessionalArea>().AsNoTracking().Where(a => userIds.Contains(a.UserId) && a.ApprovedAt != null).ToListAsync(ct))
            .ToLookup(a => a.UserId, a => AmsterdamAreas.Find(a.AreaCode)?.Name ?? a.AreaCode);
        return people.Select(p => new ProfessionalCard(p.Id, p.DisplayName, profiles.GetValueOrDefault(p.Id)?.Organisation,
            profiles.GetValueOrDefault(p.Id)?.WorkPhone, areas[p.Id].Order().ToList())).ToList();
    }
}
