using Microsoft.EntityFrameworkCore;
using Wehelpen.Web.Data;
using Wehelpen.Web.Features.Circles;

namespace Wehelpen.Web.Features.Chat;

/// <summary>What one person may do in one conversation, worked out from the database for every call.</summary>
/// <param name="ThreadId">The thread's id; null for a request that nobody has claimed (there is nobody to talk to yet).</param>
/// <param name="HelperId">The volunteer of a request's thread.</param>
/// <param name="ClosedKey">Why it cannot be written to (a text key); null while it can.</param>
public sealed record ChatAccessGrant(ChatTarget Target, Guid CircleId, Guid? ThreadId, Guid? RequestId, string? HelperId, string? ClosedKey)
{
    public bool CanWrite => ClosedKey is null;
}

/// <summary>
/// Who may read and write where. A circle's chat: its members. A request's thread: whoever asked (while a member),
/// the circle's hoofdpersoon and coördinators, and the volunteer who claimed it; writable while it is claimed,
/// read-only once it is done or cancelled. Anyone else gets null, exactly as for a conversation that does not exist.
/// </summary>
public sealed class ChatAccess(WehelpenDbContext db, IThreadRequests requests)
{
    public async Task<ChatAccessGrant?> ResolveAsync(string userId, ChatTarget target, CancellationToken ct) =>
        target.Kind switch
        {
            ChatKind.Circle => await IsMemberAsync(userId, target.Id, ct)
                ? new ChatAccessGrant(target, target.Id, target.Id, null, null, null)
                : null,
            ChatKind.Request => await RequestThreadAsync(userId, target, ct),
            _ => null,
        };

    // Asked again within one request (a page reads the chat and marks it read): answered once.
    private readonly Dictionary<(string, Guid), bool> _members = [];

    public async Task<bool> IsMemberAsync(string userId, Guid circleId, CancellationToken ct)
    {
        if (_members.TryGetValue((userId, circleId), out var known)) return known;
        return _members[(userId, circleId)] = await db.Set<CircleMember>().AnyAsync(m => m.CircleId == circleId && m.UserId == userId, ct);
    }

    /// <summary>Everyone who takes part in a request's thread now: they get its messages live.</summary>
    public async Task<IReadOnlyList<string>> ParticipantsAsync(Guid requestId, CancellationToken ct)
    {
        var request = await requests.FindAsync(requestId, ct);
        if (request is null) return [];
        var circleSide = await db.Set<CircleMember>()
            .Where(m => m.CircleId == request.CircleId
                && (m.UserId == request.RequestedById || m.Role == CircleRole.Resident || m.Role == CircleRole.Coordinator || m.Role == CircleRole.CaseHolder))
            .Select(m => m.UserId).ToListAsync(ct);
        return request.ClaimedById is { } helper ? [.. circleSide.Append(helper).Distinct()] : circleSide;
    }

    private async Task<ChatAccessGrant?> RequestThreadAsync(string userId, ChatTarget target, CancellationToken ct)
    {
        var request = await requests.FindAsync(target.Id, ct);
        if (request is null) return null;
        var role = await db.Set<CircleMember>().Where(m => m.CircleId == request.CircleId && m.UserId == userId)
            .Select(m => (CircleRole?)m.Role).SingleOrDefaultAsync(ct);
        var circleSide = role is { } r && (request.RequestedById == userId || CircleMember.SeesAsManager(r));
        var helper = request.ClaimedById == userId;
        if (!circleSide && !helper) return null;

        if (request.ClaimedById is not { } helperId)
            return new ChatAccessGrant(target, request.CircleId, null, target.Id, null, "Chat.Request.NotClaimed");
        var threadId = await db.Set<ChatThread>().Where(t => t.RequestId == target.Id && t.HelperId == helperId)
            .Select(t => (Guid?)t.Id).SingleOrDefaultAsync(ct);
        var closed = request.IsClaimed ? null : "Chat.Request.Closed";
        return new ChatAccessGrant(target, request.CircleId, threadId, target.Id, helperId, closed);
    }
}
