using Microsoft.EntityFrameworkCore;
using Wehelpen.Web.Data;

namespace Wehelpen.Web.Features.Chat;

/// <summary>
/// The chat's rows besides the messages themselves (those are written by <see cref="ChatWriter"/>): a request's thread,
/// made with its first message, and the read markers.
/// </summary>
public sealed class ChatStore(WehelpenDbContext db, TimeProvider clock)
{
    /// <summary>The thread of one claim, made when its first message is written.</summary>
    public async Task<Guid> StartRequestThreadAsync(Guid circleId, Guid requestId, string helperId, CancellationToken ct)
    {
        var thread = new ChatThread { Id = Guid.CreateVersion7(), CircleId = circleId, RequestId = requestId, HelperId = helperId, CreatedAt = clock.GetUtcNow() };
        if (await TryAddAsync(thread, ct)) return thread.Id;
        return await db.Set<ChatThread>().Where(t => t.RequestId == requestId && t.HelperId == helperId).Select(t => t.Id).SingleAsync(ct);
    }

    /// <returns>False when the marker was already there or further.</returns>
    public async Task<bool> AdvanceMarkerAsync(Guid threadId, string userId, long seq, CancellationToken ct)
    {
        if (await MoveMarkerAsync(threadId, userId, seq, ct)) return true;
        if (await db.Set<ChatReadMarker>().AnyAsync(r => r.ThreadId == threadId && r.UserId == userId, ct)) return false;
        // First time: two screens of the same person may race to make the marker; then the other one moves it.
        return await TryAddAsync(new ChatReadMarker { ThreadId = threadId, UserId = userId, LastReadSeq = seq }, ct)
            || await MoveMarkerAsync(threadId, userId, seq, ct);
    }

    private async Task<bool> MoveMarkerAsync(Guid threadId, string userId, long seq, CancellationToken ct) =>
        await db.Set<ChatReadMarker>().Where(r => r.ThreadId == threadId && r.UserId == userId && r.LastReadSeq < seq)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.LastReadSeq, seq), ct) > 0;

    /// <returns>False when someone else added the same row first.</returns>
    private async Task<bool> TryAddAsync(object row, CancellationToken ct)
    {
        db.Add(row);
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException)
        {
            return false;
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }
}
