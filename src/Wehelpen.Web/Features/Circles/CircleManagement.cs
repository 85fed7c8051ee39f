using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Wehelpen.Web.Data;
using Wehelpen.Web.Platform.Live;
using Wehelpen.Web.Hosting;
using Wehelpen.Web.Platform.PersonalData;

namespace Wehelpen.Web.Features.Circles;

/// <summary>Creating circles and changing who is in them: one use case per method, for the pages and the API alike.</summary>
public sealed class CircleManagement(
    WehelpenDbContext db, CircleInvitations invitations, LiveNews live, IEnumerable<INewCirclePart> newCircleParts, IEnumerable<IMemberLeaving> leaving,
    TimeProvider clock, IStringLocalizer<SharedResource> text)
{
    public async Task<IReadOnlyList<CircleResponse>> MineAsync(string userId, CancellationToken ct) =>
        await Describe(db.Set<CircleMember>().Where(m => m.UserId == userId)).ToListAsync(ct);

    /// <summary>Circles as the member sees them, by name. Filter the memberships first: records cannot be filtered in SQL.</summary>
    internal static IQueryable<CircleResponse> Describe(IQueryable<CircleMember> memberships) =>
        memberships
            .OrderBy(m => m.Circle!.Name)
            .Select(m => new CircleResponse(m.CircleId, m.Circle!.Name, m.Circle.ResidentName, m.Role,
                m.Circle.Members.Any(o => o.Role == CircleRole.Resident), m.Circle.Members.Count));

    public async Task<CircleResponse> DescribeAsync(CircleMembership me, CancellationToken ct) =>
        await Describe(db.Set<CircleMember>().Where(m => m.UserId == me.UserId && m.CircleId == me.CircleId)).SingleAsync(ct);

    public async Task<Outcome<CreatedCircleResponse>> CreateAsync(string userId, CreateCircleRequest request, CancellationToken ct)
    {
        var user = await db.Users.SingleAsync(u => u.Id == userId, ct);
        var errors = new FieldErrors();
        var forMyself = request.ForMyself ?? true;
        var residentName = forMyself
            ? user.DisplayName
            : errors.Required(text, "residentName", request.ResidentName, Circle.NameMaxLength);
        var name = errors.Optional(text, "name", request.Name, Circle.NameMaxLength);
        if (errors.Any) return errors;
        if (forMyself && await db.Set<CircleMember>().AnyAsync(m => m.UserId == userId && m.Role == CircleRole.Resident, ct))
            return Refusal.Conflict(text["Circle.AlreadyResident"]);

        var now = clock.GetUtcNow();
        var circle = new Circle
        {
            Name = name ?? text["Circle.DefaultName", residentName],
            ResidentName = residentName,
            CreatedById = userId,
            CreatedAt = now,
        };
        var role = forMyself ? CircleRole.Resident : CircleRole.Coordinator;
        circle.Members.Add(new CircleMember { UserId = userId, Role = role, JoinedAt = now });
        db.Add(circle);
        foreach (var part in newCircleParts) part.AddTo(circle, now);
        db.Add(Event(circle.Id, MembershipChange.Created, user, user, role, now));
        // The resident is invited to take over the circle a carer made for them.
        var takeover = forMyself ? null : invitations.NewInvitation(circle.Id, userId, CircleRole.Resident, CircleInvitation.MaxValidDays, maxUses: 1);
        if (takeover is not null) db.Add(takeover);
        await db.SaveChangesAsync(ct);

        var response = new CircleResponse(circle.Id, circle.Name, circle.ResidentName, role, forMyself, 1);
        return new CreatedCircleResponse(response, takeover is null ? null : invitations.Describe(takeover, now));
    }

    public async Task<Outcome<CircleResponse>> RenameAsync(CircleMembership me, RenameCircleRequest request, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var name = errors.Required(text, "name", request.Name, Circle.NameMaxLength);
        if (errors.Any) return errors;
        await db.Set<Circle>().Where(c => c.Id == me.CircleId).ExecuteUpdateAsync(s => s.SetProperty(c => c.Name, name), ct);
        await live.CircleChangedAsync(me.CircleId, LiveArea.Members);
        return await DescribeAsync(me, ct);
    }

    public async Task<IReadOnlyList<MemberResponse>> MembersAsync(Guid circleId, CancellationToken ct) =>
        (await db.Set<CircleMember>()
            .Where(m => m.CircleId == circleId)
            .Select(m => new MemberResponse(m.UserId, m.User!.DisplayName, m.Role, m.JoinedAt))
            .ToListAsync(ct))
        .OrderByDescending(m => m.Role).ThenBy(m => m.DisplayName, StringComparer.CurrentCultureIgnoreCase).ToList();

    public async Task<IReadOnlyList<MembershipEventResponse>> HistoryAsync(Guid circleId, CancellationToken ct) =>
        (await db.Set<MembershipEvent>()
            .Where(e => e.CircleId == circleId)
            .OrderByDescending(e => e.At).ThenByDescending(e => e.Id)
            .Select(e => new MembershipEventResponse(e.Change, e.SubjectName, e.ActorName, e.Role, e.At))
            .ToListAsync(ct))
        .Select(e => e with { SubjectName = FormerMember.Shown(e.SubjectName, text), ActorName = FormerMember.Shown(e.ActorName, text) })
        .ToList();

    /// <summary>Makes a member coördinator or lid again. The hoofdpersoon's role is theirs and is not changed here.</summary>
    public async Task<Outcome<MemberResponse>> ChangeRoleAsync(CircleMembership me, string userId, ChangeRoleRequest request, CancellationToken ct)
    {
        if (request.Role is not (CircleRole.Member or CircleRole.Coordinator))
            return new FieldErrors().Add("role", text["Circle.RoleNotAssignable"]);
        var member = await FindMemberAsync(me.CircleId, userId, ct);
        if (member is null) return Refusal.NotFound(text["Circle.MemberNotFound"]);
        if (member.Role == CircleRole.Resident) return Refusal.Conflict(text["Circle.ResidentRoleFixed"]);
        if (member.Role == request.Role) return Describe(member);
        if (member.Role == CircleRole.Coordinator && !await HasOtherManagerAsync(me.CircleId, userId, ct))
            return Refusal.Conflict(text["Circle.LastCoordinator"]);

        member.Role = request.Role.Value;
        db.Add(Event(me.CircleId, MembershipChange.RoleChanged, member.User!, await ActorAsync(me, ct), member.Role, clock.GetUtcNow()));
        await db.SaveChangesAsync(ct);
        await live.CircleChangedAsync(me.CircleId, LiveArea.Members);
        return Describe(member);
    }

    public async Task<Outcome<Done>> RemoveAsync(CircleMembership me, string userId, CancellationToken ct)
    {
        if (userId == me.UserId) return Refusal.Conflict(text["Circle.RemoveSelfUseLeave"]);
        var member = await FindMemberAsync(me.CircleId, userId, ct);
        if (member is null) return Refusal.NotFound(text["Circle.MemberNotFound"]);
        if (member.Role == CircleRole.Resident) return Refusal.Conflict(text["Circle.ResidentCannotBeRemoved"]);

        db.Remove(member);
        db.Add(Event(me.CircleId, MembershipChange.Removed, member.User!, await ActorAsync(me, ct), null, clock.GetUtcNow()));
        foreach (var follower in leaving) await follower.LeavingAsync(member, me.UserId, ct);
        // Removed by someone else a moment ago (or a double click): then this removal and its record are not written.
        if (!await SaveUnlessGoneAsync(ct)) return Refusal.NotFound(text["Circle.MemberNotFound"]);
        await live.MembershipChangedAsync(me.CircleId, userId);
        return Done.Instance;
    }

    public async Task<Outcome<Done>> LeaveAsync(CircleMembership me, CancellationToken ct)
    {
        if (me.Role == CircleRole.Resident) return Refusal.Conflict(text["Circle.ResidentCannotLeave"]);
        if (me.Role == CircleRole.Coordinator && !await HasOtherManagerAsync(me.CircleId, me.UserId, ct))
            return Refusal.Conflict(text["Circle.LastCoordinatorLeave"]);
        var member = await FindMemberAsync(me.CircleId, me.UserId, ct);
        if (member is null) return Done.Instance; // left a moment ago, in another request
        db.Remove(member);
        db.Add(Event(me.CircleId, MembershipChange.Left, member.User!, member.User!, null, clock.GetUtcNow()));
        foreach (var follower in leaving) await follower.LeavingAsync(member, me.UserId, ct);
        await SaveUnlessGoneAsync(ct);
        await live.MembershipChangedAsync(me.CircleId, me.UserId);
        return Done.Instance;
    }

    internal static MembershipEvent Event(Guid circleId, MembershipChange change, ApplicationUser subject, ApplicationUser actor, CircleRole? role, DateTimeOffset at) =>
        new()
        {
            CircleId = circleId,
            Change = change,
            SubjectUserId = subject.Id,
            SubjectName = subject.DisplayName,
            ActorUserId = actor.Id,
            ActorName = actor.DisplayName,
            Role = role,
            At = at,
        };

    /// <summary>False when the member was already removed by a request that came just before.</summary>
    private async Task<bool> SaveUnlessGoneAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            return false;
        }
    }

    private Task<CircleMember?> FindMemberAsync(Guid circleId, string userId, CancellationToken ct) =>
        db.Set<CircleMember>().Include(m => m.User).SingleOrDefaultAsync(m => m.CircleId == circleId && m.UserId == userId, ct);

    private Task<ApplicationUser> ActorAsync(CircleMembership me, CancellationToken ct) => db.Users.SingleAsync(u => u.Id == me.UserId, ct);

    /// <summary>A circle always keeps someone who can manage it.</summary>
    private Task<bool> HasOtherManagerAsync(Guid circleId, string userId, CancellationToken ct) =>
        db.Set<CircleMember>().AnyAsync(m => m.CircleId == circleId && m.UserId != userId
            && (m.Role == CircleRole.Coordinator || m.Role == CircleRole.Resident), ct);

    private static MemberResponse Describe(CircleMember m) => new(m.UserId, m.User!.DisplayName, m.Role, m.JoinedAt);
}
