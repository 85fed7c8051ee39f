using Microsoft.EntityFrameworkCore;
using Wehelpen.Web.Data;
using Wehelpen.Web.Features.Circles;

namespace Wehelpen.Web.Features.Chat;

/// <summary>
/// Someone who joins a circle has read its chat up to the last message before they came in: what was said before is
/// there to read, not news. With the marker there, their unread count starts from it instead of walking the chat's
/// whole past, however long the circle has been talking.
/// </summary>
internal sealed class ChatJoinMarker(WehelpenDbContext db, ChatStore store, ILogger<ChatJoinMarker> logger) : IMemberJoined
{
    public async Task JoinedAsync(Guid circleId, string userId, CancellationToken ct)
    {
        try
        {
            var joinedAt = await db.Set<CircleMember>().Where(m => m.CircleId == circleId && m.UserId == userId)
                .Select(m => (DateTimeOffset?)m.JoinedAt).SingleOrDefaultAsync(ct);
            if (joinedAt is not { } since) return;
            // From the newest message back: only what was said since the join is passed over.
            var lastBefore = await db.Set<ChatMessage>().Where(m => m.ThreadId == circleId && m.SentAt < since)
                .OrderByDescending(m => m.Seq).Select(m => (long?)m.Seq).FirstOrDefaultAsync(ct);
            if (lastBefore is { } seq) await store.AdvanceMarkerAsync(circleId, userId, seq, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The join stands; the count is still right without the marker, only slower for a long chat.
            logger.LogWarning(e, "The chat read marker of {UserId} in circle {CircleId} was not set at joining.", userId, circleId);
        }
    }
}
