using Microsoft.EntityFrameworkCore;
using Wehelpen.Web.Data;
using Wehelpen.Web.Platform.Live;
using Wehelpen.Web.Platform.PersonalData;

namespace Wehelpen.Web.Features.Circles.Erasure;

/// <summary>
/// A person's circles: their memberships and the circle history that names them. Erased first: the circle around them
/// goes whole, and from the circles of others they leave, with the history saying that a former member left.
/// </summary>
internal sealed class CirclePersonalData(WehelpenDbContext db, CircleErasing circles, LiveNews live) : IPersonalData
{
    public int Order => ErasureOrder.OwnCircles;

    public IEnumerable<PersonalColumn> Columns =>
    [
        new("Circles", "CreatedById"),
        new("CircleMembers", "UserId"),
        new("MembershipEvents", "SubjectUserId"),
        new("MembershipEvents", "ActorUserId"),
        new("CircleInvitations", "CreatedById"),
    ];

    public IEnumerable<ExportSection> Export(string userId) =>
    [
        new("circles", _ => db.Set<CircleMember>().AsNoTracking().Where(m => m.UserId == userId).OrderBy(m => m.JoinedAt)
            .Select(m => new { m.CircleId, Circle = m.Circle!.Name, Resident = m.Circle.ResidentName, Role = m.Role.ToString(), m.JoinedAt, CreatedByYou = m.Circle.CreatedById == userId })
            .AsAsyncEnumerable()),
        new("circle-history", _ => db.Set<MembershipEvent>().AsNoTracking()
            .Where(e => e.SubjectUserId == userId || e.ActorUserId == userId).OrderBy(e => e.At).ThenBy(e => e.Id)
            .Select(e => new { e.CircleId, Change = e.Change.ToString(), Who = e.SubjectName, By = e.ActorName, Role = e.Role.ToString(), e.At })
            .AsAsyncEnumerable()),
        new("circle-invitations", _ => db.Set<CircleInvitation>().AsNoTracking().Where(i => i.CreatedById == userId).OrderBy(i => i.CreatedAt)
            .Select(i => new { i.CircleId, Role = i.Role.ToString(), i.MaxUses, i.Uses, i.CreatedAt, i.ExpiresAt, i.RevokedAt })
            .AsAsyncEnumerable()),
    ];

    public async Task EraseAsync(PersonErasure erasure, CancellationToken ct)
    {
        var id = erasure.UserId;
        var memberships = await db.Set<CircleMember>().AsNoTracking().Where(m => m.UserId == id)
            .Select(m => new { m.CircleId, m.Role }).ToListAsync(ct);

        // The circle around them, and a circle only they could still see or manage, go with everything in them.
        foreach (var m in memberships)
            if (m.Role == CircleRole.Resident || await WouldBeLeftAloneAsync(m.CircleId, id, ct))
                await circles.EraseWithAsync(m.CircleId, erasure, ct);

        foreach (var m in memberships.Where(m => m.Role != CircleRole.Resident))
        {
            if (!await db.Set<Circle>().AnyAsync(c => c.Id == m.CircleId, ct)) continue;
            await KeepAManagerAsync(m.CircleId, id, erasure.Now, ct);
            await db.Set<CircleMember>().Where(x => x.CircleId == m.CircleId && x.UserId == id).ExecuteDeleteAsync(ct);
            db.Add(new MembershipEvent
            {
                CircleId = m.CircleId, Change = MembershipChange.Left, SubjectUserId = FormerMember.Id, ActorUserId = FormerMember.Id, At = erasure.Now,
            });
            erasure.ChangedCircles.Add(m.CircleId);
            var circleId = m.CircleId;
            erasure.AfterCommit(_ => live.MembershipChangedAsync(circleId, id));
        }

        // The history of other circles keeps that someone joined or left, not who.
        await db.Set<MembershipEvent>().Where(e => e.SubjectUserId == id)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.SubjectUserId, FormerMember.Id).SetProperty(e => e.SubjectName, ""), ct);
        await db.Set<MembershipEvent>().Where(e => e.ActorUserId == id)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.ActorUserId, FormerMember.Id).SetProperty(e => e.ActorName, ""), ct);
        await db.Set<Circle>().Where(c => c.CreatedById == id).ExecuteUpdateAsync(s => s.SetProperty(c => c.CreatedById, FormerMember.Id), ct);
        await db.Set<CircleInvitation>().Where(i => i.CreatedById == id).ExecuteUpdateAsync(s => s.SetProperty(i => i.CreatedById, FormerMember.Id), ct);
    }

    /// <summary>A circle where nobody else would remain: nobody could see it any more, so keeping it keeps data for no one.</summary>
    private async Task<bool> WouldBeLeftAloneAsync(Guid circleId, string userId, CancellationToken ct) =>
        !await db.Set<CircleMember>().AnyAsync(m => m.CircleId == circleId && m.UserId != userId && m.Role != CircleRole.CaseHolder, ct);

    /// <summary>
    /// When the last one who could manage a circle leaves, the member who joined first becomes coördinator, so the
    /// circle can still invite, change and erase.
    /// </summary>
    private async Task KeepAManagerAsync(Guid circleId, string leaving, DateTimeOffset now, CancellationToken ct)
    {
        var others = db.Set<CircleMember>().Where(m => m.CircleId == circleId && m.UserId != leaving);
        if (await others.AnyAsync(m => m.Role == CircleRole.Resident || m.Role == CircleRole.Coordinator, ct)) return;
        var next = await others.Where(m => m.Role == CircleRole.Member).OrderBy(m => m.JoinedAt).Include(m => m.User).FirstOrDefaultAsync(ct);
        if (next is null) return;
        next.Role = CircleRole.Coordinator;
        db.Add(new MembershipEvent
        {
            CircleId = circleId, Change = MembershipChange.RoleChanged, SubjectUserId = next.UserId, SubjectName = next.User!.DisplayName,
            ActorUserId = FormerMember.Id, Role = CircleRole.Coordinator, At = now,
        });
    }
}
