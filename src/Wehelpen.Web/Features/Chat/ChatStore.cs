using Microsoft.EntityFrameworkCore;
using Wehelpen.Web.Data;

namespace Wehelpen.Web.Features.Chat;

/// <summary>
/// Writes messages so that each thread's numbers run 1, 2, 3, ... without gaps, on SQLite and PostgreSQL alike: the
/// thread's counter is raised and the message inserted in one transaction, so a second writer waits for the first
/// (the counter's row lock; SQLite's single writer) and nothing half-written is ever seen.
/// </summary>
public sealed class ChatStore(WehelpenDbContext db, TimeProvider clock)
{
    /// <returns>The message's number, and whether it is new (false: this author sent this client id before).</returns>
    public async Task<(long Seq, bool IsNew)> AppendAsync(Guid threadId, string authorId, string clientId, string text, CancellationToken ct)
    {
        await EnsureThreadAsync(threadId, ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        try
        {
            await db.Set<ChatThread>().Where(t => t.Id == threadId).ExecuteUpdateAsync(s => s.SetProperty(t => t.LastSeq, t => t.LastSeq + 1), ct);
            var seq = await db.Set<ChatThread>().Where(t => t.Id == threadId).Select(t => t.LastSeq).SingleAsync(ct);
            db.Add(new ChatMessage { ThreadId = threadId, Seq = seq, AuthorId = authorId, ClientMessageId = clientId, Text = text, SentAt = clock.GetUtcNow() });
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return (seq, true);
        }
        catch (DbUpdateException)
        {
            // The same message came in twice at once (a resend racing the original): the other one was stored.
            await transaction.RollbackAsync(CancellationToken.None);
            db.ChangeTracker.Clear();
            var earlier = await db.Set<ChatMessage>()
                .Where(m => m.ThreadId == threadId && m.AuthorId == authorId && m.ClientMessageId == clientId)
                .Select(m => (long?)m.Seq).SingleOrDefaultAsync(ct);
            if (earlier is { } seq) return (seq, false);
            throw;
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

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

    /// <summary>
    /// A circle's chat is made with the circle (and by migration 0010 for older ones); this only makes good a circle
    /// that was made some other way, such as straight into the database.
    /// </summary>
    private async Task EnsureThreadAsync(Guid threadId, CancellationToken ct)
    {
        if (await db.Set<ChatThread>().AnyAsync(t => t.Id == threadId, ct)) return;
        await TryAddAsync(ChatThread.ForCircle(threadId, clock.GetUtcNow()), ct);
    }

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
