using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Wehelpen.Web.Data;
using Wehelpen.Web.Platform.Email;
using Wehelpen.Web.Platform.Live;
using Wehelpen.Web.Hosting;

namespace Wehelpen.Web.Features.Circles;

/// <summary>Inviting people into a circle by link or code, and joining with one.</summary>
public sealed class CircleInvitations(WehelpenDbContext db, EmailLinks links, LiveNews live, IEnumerable<IMemberJoined> joined, TimeProvider clock, IStringLocalizer<SharedResource> text)
{
    public const int DefaultValidDays = 7;
    public const int DefaultMaxUses = 1;

    public static string JoinPath(string token) => $"/join/{token}";

    internal CircleInvitation NewInvitation(Guid circleId, string createdById, CircleRole role, int validDays, int maxUses)
    {
        var now = clock.GetUtcNow();
        return new CircleInvitation
        {
            CircleId = circleId,
            Token = CircleInvitation.NewToken(),
            Code = CircleInvitation.NewCode(),
            Role = role,
            MaxUses = maxUses,
            ExpiresAt = now.AddDays(validDays),
            CreatedById = createdById,
            CreatedAt = now,
        };
    }

    internal InvitationResponse Describe(CircleInvitation i, DateTimeOffset now) =>
        new(i.Id, i.DisplayCode, links.To(JoinPath(i.Token)), i.Role, i.Uses, i.MaxUses, i.ExpiresAt, i.RevokedAt is not null, i.IsUsable(now));

    /// <summary>Invitations still usable, newest first; the ones that ended are history and not listed.</summary>
    public async Task<IReadOnlyList<InvitationResponse>> ListAsync(Guid circleId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var usable = await db.Set<CircleInvitation>()
            .Where(i => i.CircleId == circleId && i.RevokedAt == null && i.ExpiresAt > now && i.Uses < i.MaxUses)
            .OrderByDescending(i => i.CreatedAt)
            .ToListAsync(ct);
        return usable.Select(i => Describe(i, now)).ToList();
    }

    public async Task<Outcome<InvitationResponse>> CreateAsync(CircleMembership me, CreateInvitationRequest request, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var role = request.Role ?? CircleRole.Member;
        if (role is not (CircleRole.Member or CircleRole.Coordinator) && !(role == CircleRole.Resident && !await HasResidentAsync(me.CircleId, ct)))
            errors.Add("role", text["Circle.RoleNotAssignable"]);
        var days = request.ValidDays ?? DefaultValidDays;
        if (days is < 1 or > CircleInvitation.MaxValidDays) errors.Add("validDays", text["Invitation.ValidDaysRange", 1, CircleInvitation.MaxValidDays]);
        var uses = request.MaxUses ?? DefaultMaxUses;
        if (uses is < 1 or > CircleInvitation.MaxUsesLimit) errors.Add("maxUses", text["Invitation.MaxUsesRange", 1, CircleInvitation.MaxUsesLimit]);
        if (errors.Any) return errors;

        var invitation = NewInvitation(me.CircleId, me.UserId, role, days, role == CircleRole.Resident ? 1 : uses);
        db.Add(invitation);
        await db.SaveChangesAsync(ct);
        return Describe(invitation, clock.GetUtcNow());
    }

    public async Task<Outcome<Done>> RevokeAsync(CircleMembership me, Guid invitationId, CancellationToken ct)
    {
        var revoked = await db.Set<CircleInvitation>()
            .Where(i => i.Id == invitationId && i.CircleId == me.CircleId && i.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.RevokedAt, clock.GetUtcNow()), ct);
        return revoked == 1 ? Done.Instance : Refusal.NotFound(text["Invitation.NotFound"]);
    }

    public async Task<Outcome<InvitationPreview>> PreviewAsync(string codeOrToken, string userId, CancellationToken ct)
    {
        var (invitation, refusal) = await FindUsableAsync(codeOrToken, ct);
        if (invitation is null) return refusal!;
        var invitedBy = await db.Users.Where(u => u.Id == invitation.CreatedById).Select(u => u.DisplayName).SingleOrDefaultAsync(ct) ?? "";
        var member = await db.Set<CircleMember>().AnyAsync(m => m.CircleId == invitation.CircleId && m.UserId == userId, ct);
        return new InvitationPreview(invitation.Circle!.Name, invitation.Circle.ResidentName, invitedBy, invitation.Role, invitation.ExpiresAt, member);
    }

    /// <summary>Joins the circle. Each use is counted in the database itself, so two people can never share the last use.</summary>
    public async Task<Outcome<CircleResponse>> AcceptAsync(string codeOrToken, string userId, CancellationToken ct)
    {
        var (invitation, refusal) = await FindUsableAsync(codeOrToken, ct);
        if (invitation is null) return refusal!;
        var existing = await db.Set<CircleMember>().SingleOrDefaultAsync(m => m.CircleId == invitation.CircleId && m.UserId == userId, ct);
        if (existing is not null && (invitation.Role != CircleRole.Resident || existing.Role == CircleRole.Resident))
            return Refusal.Conflict(text["Invitation.AlreadyMember"]);
        if (invitation.Role == CircleRole.Resident && await HasResidentAsync(invitation.CircleId, ct))
            return Refusal.Conflict(text["Invitation.ResidentTaken"]);

        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var counted = await db.Set<CircleInvitation>()
            .Where(i => i.Id == invitation.Id && i.Uses < i.MaxUses && i.RevokedAt == null && i.ExpiresAt > now)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.Uses, i => i.Uses + 1), ct);
        if (counted == 0) return Refusal.Conflict(text["Invitation.UsedUp"]);

        var user = await db.Users.SingleAsync(u => u.Id == userId, ct);
        if (existing is null)
            db.Add(new CircleMember { CircleId = invitation.CircleId, UserId = userId, Role = invitation.Role, JoinedAt = now });
        else
            existing.Role = invitation.Role; // a member who is the resident takes the circle over
        var change = existing is null ? MembershipChange.Joined : MembershipChange.TookOver;
        db.Add(CircleManagement.Event(invitation.CircleId, change, user, user, invitation.Role, now));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // A unique key said no: someone else took the circle over a moment ago, or this person's second click
            // joined already. The transaction is not committed, so the use is not counted either.
            return Refusal.Conflict(text[invitation.Role == CircleRole.Resident ? "Invitation.ResidentTaken" : "Invitation.AlreadyMember"]);
        }
        await transaction.CommitAsync(ct);
        await live.MembershipChangedAsync(invitation.CircleId, userId);
        foreach (var follower in joined) await follower.JoinedAsync(invitation.CircleId, userId, ct);
        return await CircleManagement.Describe(db.Set<CircleMember>().Where(m => m.UserId == userId && m.CircleId == invitation.CircleId)).SingleAsync(ct);
    }

    private async Task<(CircleInvitation?, Refusal?)> FindUsableAsync(string codeOrToken, CancellationToken ct)
    {
        var typed = codeOrToken.Trim();
        var code = CircleInvitation.NormaliseCode(typed);
        var invitation = code.Length == CircleInvitation.CodeLength
            ? await db.Set<CircleInvitation>().Include(i => i.Circle).SingleOrDefaultAsync(i => i.Code == code, ct)
            : await db.Set<CircleInvitation>().Include(i => i.Circle).SingleOrDefaultAsync(i => i.Token == typed, ct);
        var now = clock.GetUtcNow();
        if (invitation is null) return (null, Refusal.NotFound(text["Invitation.Unknown"]));
        if (invitation.RevokedAt is not null) return (null, Refusal.Conflict(text["Invitation.Revoked"]));
        if (invitation.ExpiresAt <= now) return (null, Refusal.Conflict(text["Invitation.Expired"]));
        if (invitation.Uses >= invitation.MaxUses) return (null, Refusal.Conflict(text["Invitation.UsedUp"]));
        return (invitation, null);
    }

    private Task<bool> HasResidentAsync(Guid circleId, CancellationToken ct) =>
        db.Set<CircleMember>().AnyAsync(m => m.CircleId == circleId && m.Role == CircleRole.Resident, ct);
}
