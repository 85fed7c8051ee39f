using Microsoft.EntityFrameworkCore;
using Wehelpen.Web.Data;
using Wehelpen.Web.Platform.PersonalData;

namespace Wehelpen.Web.Features.Chat;

/// <summary>The messages a person wrote, in circle chats and request threads, and where they had read up to.</summary>
internal sealed class ChatPersonalData(WehelpenDbContext db, IThreadRequests requests) : IPersonalData
{
    /// <summary>After the requests (theirs is one less): which of their request threads stay readable depends on the claims after the erasure.</summary>
    public const int ErasureOrder = Platform.PersonalData.ErasureOrder.Default - 9;

    public int Order => ErasureOrder;

    public IEnumerable<PersonalColumn> Columns =>
    [
        new("ChatMessages", "AuthorId"),
        new("ChatThreads", "HelperId"),
        new("ChatReadMarkers", "UserId"),
    ];

    public IEnumerable<ExportSection> Export(string userId) =>
    [
        new("chat-messages", _ => (from m in db.Set<ChatMessage>().AsNoTracking()
                                   join t in db.Set<ChatThread>() on m.ThreadId equals t.Id
                                   where m.AuthorId == userId
                                   orderby m.SentAt, m.Seq
                                   select new { t.CircleId, t.RequestId, m.Seq, m.Text, m.SentAt }).AsAsyncEnumerable()),
        new("chat-read", _ => (from r in db.Set<ChatReadMarker>().AsNoTracking()
                               join t in db.Set<ChatThread>() on r.ThreadId equals t.Id
                               where r.UserId == userId
                               select new { t.CircleId, t.RequestId, ReadUpTo = r.LastReadSeq }).AsAsyncEnumerable()),
    ];

    /// <summary>
    /// Messages stay in the conversation, from a former member: the others' answers still make sense. A request's
    /// thread is read through the request's helper; the thread of a task that is theirs no more (given back now, or
    /// earlier) could not be opened by anyone any more, so it goes. A finished task's thread stays with the circle.
    /// </summary>
    public async Task EraseAsync(PersonErasure erasure, CancellationToken ct)
    {
        var id = erasure.UserId;
        await db.Set<ChatReadMarker>().Where(r => r.UserId == id).ExecuteDeleteAsync(ct);
        var finished = requests.ClaimedBy(FormerMember.Id);
        var unreachable = db.Set<ChatThread>().Where(t => t.HelperId == id && !finished.Any(r => r == t.RequestId));
        await db.Set<ChatMessage>().Where(m => unreachable.Select(t => t.Id).Contains(m.ThreadId)).ExecuteDeleteAsync(ct);
        await unreachable.ExecuteDeleteAsync(ct);
        await db.Set<ChatThread>().Where(t => t.HelperId == id).ExecuteUpdateAsync(s => s.SetProperty(t => t.HelperId, FormerMember.Id), ct);
        await db.Set<ChatMessage>().Where(m => m.AuthorId == id).ExecuteUpdateAsync(s => s.SetProperty(m => m.AuthorId, FormerMember.Id), ct);
    }

    public async Task EraseCircleAsync(CircleErasure erasure, CancellationToken ct)
    {
        var threads = db.Set<ChatThread>().Where(t => t.CircleId == erasure.CircleId).Select(t => t.Id);
        await db.Set<ChatMessage>().Where(m => threads.Contains(m.ThreadId)).ExecuteDeleteAsync(ct);
        await db.Set<ChatThread>().Where(t => t.CircleId == erasure.CircleId).ExecuteDeleteAsync(ct);
    }
}
