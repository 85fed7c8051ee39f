using System.Linq.Expressions;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Wehelpen.Web.Data;
using Wehelpen.Web.Features.Circles;
using Wehelpen.Web.Hosting;
using Wehelpen.Web.Platform.PersonalData;

namespace Wehelpen.Web.Features.Chat;

/// <summary>
/// Sending, reading back and marking read, for the hub, the API and the pages alike. A message is stored before
/// anyone hears of it, gets the next number of its thread, and is stored once however often its device sends it.
/// </summary>
public sealed partial class Conversations(
    WehelpenDbContext db, ChatAccess access, ChatStore store, ChatWriter writer, ChatNews live, ChatPushes pushes, ChatMetrics metrics, IStringLocalizer<SharedResource> text)
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;

    public async Task<Outcome<ChatMessageResponse>> SendAsync(string userId, ChatTarget target, SendChatInput input, CancellationToken ct)
    {
        var errors = new FieldErrors();
        // One kind of line break, whatever the device sent; the text is otherwise kept as it was typed.
        var body = errors.Required(text, "text", input.Text?.ReplaceLineEndings("\n"), ChatMessage.TextMaxLength);
        var clientId = input.ClientMessageId?.Trim() ?? "";
        if (clientId.Length is 0 or > ChatMessage.ClientIdMaxLength || !ClientIdShape().IsMatch(clientId))
            errors.Add("clientMessageId", text["Chat.ClientIdInvalid", ChatMessage.ClientIdMaxLength]);
        if (errors.Any) return errors;

        if (await access.ResolveAsync(userId, target, ct) is not { } grant) return NotFound();
        if (!grant.CanWrite)
        {
            // Sent before and stored then: the same message again, also when the thread has closed since.
            if (grant.ThreadId is { } known && await FindAsync(known, userId, clientId, ct) is { } earlier) return Describe(grant, earlier);
            return Refusal.Conflict(text[grant.ClosedKey!]);
        }

        var threadId = grant.ThreadId ?? await store.StartRequestThreadAsync(grant.CircleId, grant.RequestId!.Value, grant.HelperId!, ct);
        // Queued for this node's writer, which stores it with others in one transaction, or finds it stored before.
        if (await writer.WriteAsync(new ChatDraft(threadId, userId, clientId, body), ct) is not { } written) return NotFound();
        var message = Describe(grant, new StoredMessage(written.Seq, userId, written.AuthorName, written.Text, written.SentAt, clientId));
        if (written.IsNew)
        {
            metrics.Stored(requestThread: grant.RequestId is not null);
            await live.ChatMessageAsync(grant, message);
            // Not awaited: the sender's answer does not wait for the devices of those who are away (ChatPushes catches its own faults).
            _ = pushes.MessageAsync(grant, threadId, message);
        }
        return message;
    }

    public async Task<Outcome<ChatPage>> HistoryAsync(string userId, ChatTarget target, ChatHistoryQuery query, CancellationToken ct)
    {
        if (await access.ResolveAsync(userId, target, ct) is not { } grant) return NotFound();
        var limit = Math.Clamp(query.Limit ?? DefaultPageSize, 1, MaxPageSize);
        var closed = grant.ClosedKey is { } key ? text[key].Value : null;
        if (grant.ThreadId is not { } threadId) return new ChatPage(target, grant.CircleId, [], false, 0, 0, grant.CanWrite, closed);

        var messages = Messages(threadId);
        List<StoredMessage> page;
        bool hasMore;
        if (query.After is { } after)
        {
            page = await messages.Where(m => m.Seq > after).OrderBy(m => m.Seq).Take(limit + 1).Select(Stored).ToListAsync(ct);
            hasMore = page.Count > limit;
            if (hasMore) page.RemoveAt(limit);
        }
        else
        {
            var before = query.Before ?? long.MaxValue;
            page = await messages.Where(m => m.Seq < before).OrderByDescending(m => m.Seq).Take(limit + 1).Select(Stored).ToListAsync(ct);
            hasMore = page.Count > limit;
            if (hasMore) page.RemoveAt(limit);
            page.Reverse();
        }
        var (lastSeq, lastRead) = await PositionAsync(threadId, userId, ct);
        return new ChatPage(target, grant.CircleId, page.Select(m => Describe(grant, m)).ToList(), hasMore, lastSeq, lastRead, grant.CanWrite, closed);
    }

    /// <summary>Read up to <paramref name="input"/>'s message; never back. The person's other screens hear the new count.</summary>
    public async Task<Outcome<Done>> MarkReadAsync(string userId, ChatTarget target, MarkReadInput input, CancellationToken ct)
    {
        if (input.Seq is not (>= 0 and var seq)) return new FieldErrors().Add("seq", text["Chat.SeqInvalid"]);
        if (await access.ResolveAsync(userId, target, ct) is not { } grant) return NotFound();
        if (grant.ThreadId is not { } threadId) return Done.Instance;
        var lastSeq = await LastSeqAsync(threadId, ct);
        // Nothing written yet (no thread either), or read already: nothing to move.
        if (lastSeq == 0 || !await store.AdvanceMarkerAsync(threadId, userId, Math.Min(seq, lastSeq), ct)) return Done.Instance;
        if (target.Kind == ChatKind.Circle)
            await live.UnreadAsync(userId, new UnreadCount(grant.CircleId, await UnreadInCircleAsync(userId, grant.CircleId, ct)));
        return Done.Instance;
    }

    /// <summary>
    /// Per circle I am in, the messages of others in its chat that I have not read, counted from when I joined:
    /// what was said before someone came in is there to read, not news. Counted up to <see cref="CappedCount.Rows"/>
    /// along the thread's key from the read marker (which a join sets, <see cref="ChatJoinMarker"/>).
    /// </summary>
    public async Task<IReadOnlyList<UnreadCount>> UnreadAsync(string userId, CancellationToken ct) =>
        (await UnreadQuery(db.Set<CircleMember>().Where(m => m.UserId == userId)).ToListAsync(ct))
        .Select(u => new UnreadCount(u.CircleId, u.Count)).ToList();

    public async Task<int> UnreadInCircleAsync(string userId, Guid circleId, CancellationToken ct) =>
        await UnreadQuery(db.Set<CircleMember>().Where(m => m.UserId == userId && m.CircleId == circleId)).Select(u => u.Count).SingleOrDefaultAsync(ct);

    /// <summary>Filter the memberships first: a record made in the query cannot be filtered in SQL.</summary>
    private IQueryable<CircleUnread> UnreadQuery(IQueryable<CircleMember> memberships) =>
        from member in memberships
        let read = db.Set<ChatReadMarker>().Where(r => r.ThreadId == member.CircleId && r.UserId == member.UserId)
            .Select(r => (long?)r.LastReadSeq).FirstOrDefault() ?? 0
        select new CircleUnread(member.CircleId, db.Set<ChatMessage>()
            .Where(m => m.ThreadId == member.CircleId && m.Seq > read && m.AuthorId != member.UserId && m.SentAt >= member.JoinedAt)
            .OrderBy(m => m.Seq).Take(CappedCount.Rows).Count());

    private sealed record CircleUnread(Guid CircleId, int Count);

    private sealed record StoredMessage(long Seq, string AuthorId, string AuthorName, string Text, DateTimeOffset SentAt, string ClientMessageId);

    private IQueryable<ChatMessage> Messages(Guid threadId) => db.Set<ChatMessage>().AsNoTracking().Where(m => m.ThreadId == threadId);

    /// <summary>Applied last: a record made in the query cannot be filtered in SQL any more.</summary>
    private static readonly Expression<Func<ChatMessage, StoredMessage>> Stored =
        m => new StoredMessage(m.Seq, m.AuthorId, m.Author!.DisplayName, m.Text, m.SentAt, m.ClientMessageId);

    private ChatMessageResponse Describe(ChatAccessGrant grant, StoredMessage m) =>
        new(grant.Target, grant.CircleId, m.Seq, m.AuthorId, FormerMember.Shown(m.AuthorName, text), m.Text, m.SentAt, m.ClientMessageId);

    private async Task<StoredMessage?> FindAsync(Guid threadId, string userId, string clientId, CancellationToken ct) =>
        await Messages(threadId).Where(m => m.AuthorId == userId && m.ClientMessageId == clientId).Select(Stored).SingleOrDefaultAsync(ct);

    private Task<long> LastSeqAsync(Guid threadId, CancellationToken ct) =>
        db.Set<ChatThread>().Where(t => t.Id == threadId).Select(t => t.LastSeq).SingleOrDefaultAsync(ct);

    /// <summary>The thread's last number and how far this person read, in one query.</summary>
    private async Task<(long LastSeq, long LastRead)> PositionAsync(Guid threadId, string userId, CancellationToken ct)
    {
        var position = await db.Set<ChatThread>().Where(t => t.Id == threadId).Select(t => new
        {
            t.LastSeq,
            LastRead = db.Set<ChatReadMarker>().Where(r => r.ThreadId == threadId && r.UserId == userId).Select(r => r.LastReadSeq).FirstOrDefault(),
        }).SingleOrDefaultAsync(ct);
        return position is null ? (0, 0) : (position.LastSeq, position.LastRead);
    }

    private Refusal NotFound() => Refusal.NotFound(text["Chat.NotFound"]);

    [GeneratedRegex("^[A-Za-z0-9._:-]+$")]
    private static partial Regex ClientIdShape();
}
