using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Wehelpen.Web.Data;

namespace Wehelpen.Web.Features.Chat;

/// <summary>A message for the writer, its sender's right to write there already checked.</summary>
public sealed record ChatDraft(Guid ThreadId, string AuthorId, string ClientMessageId, string Text);

/// <summary>What a draft was stored as: new, or the message stored before under its client id (then not <paramref name="IsNew"/>).</summary>
public sealed record ChatWritten(long Seq, string AuthorName, string Text, DateTimeOffset SentAt, bool IsNew);

/// <summary>
/// Writes a batch of messages in one transaction: what was stored before under the same client ids is looked up in
/// one query, each thread's counter is raised by its number of new messages in one statement, and the new messages
/// are inserted in one statement. A client id that comes twice in the batch is written once; both get that message.
/// </summary>
public sealed class ChatBatch(WehelpenDbContext db, TimeProvider clock)
{
    /// <returns>Per draft, in their order, what it was stored as; null when its thread is gone (its circle deleted).</returns>
    public async Task<ChatWritten?[]> WriteAsync(IReadOnlyList<ChatDraft> drafts, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var earlier = await StoredBeforeAsync(drafts, ct);
        var names = await NamesAsync(drafts, ct);

        // The first draft of each client id not stored yet is written; a second one answers with it.
        var first = new Dictionary<DraftKey, int>();
        for (var i = 0; i < drafts.Count; i++)
            if (!earlier.ContainsKey(Key(drafts[i]))) first.TryAdd(Key(drafts[i]), i);
        var added = first.Values.GroupBy(i => drafts[i].ThreadId).ToDictionary(g => g.Key, g => g.Count());
        var sql = new ChatBatchSql(db);
        var now = Stored(clock.GetUtcNow());
        var lastSeqs = added.Count == 0 ? [] : await sql.RaiseAsync(added, ct);
        if (added.Keys.Where(t => !lastSeqs.ContainsKey(t)).ToList() is { Count: > 0 } missing)
        {
            await sql.AddCircleThreadsAsync(missing, now, ct);
            foreach (var (thread, seq) in await sql.RaiseAsync(missing.ToDictionary(t => t, t => added[t]), ct)) lastSeqs[thread] = seq;
        }

        // A thread's new messages take its numbers after the old counter, in the order they came.
        var nextSeq = lastSeqs.ToDictionary(t => t.Key, t => t.Value - added[t.Key] + 1);
        var written = new Dictionary<DraftKey, ChatMessage>();
        foreach (var i in first.Values.Order())
        {
            var draft = drafts[i];
            if (!nextSeq.TryGetValue(draft.ThreadId, out var seq)) continue;
            nextSeq[draft.ThreadId] = seq + 1;
            written[Key(draft)] = new ChatMessage
            {
                ThreadId = draft.ThreadId, Seq = seq, AuthorId = draft.AuthorId, ClientMessageId = draft.ClientMessageId, Text = draft.Text, SentAt = now,
            };
        }
        if (written.Count > 0) await sql.InsertAsync(written.Values, ct);
        await transaction.CommitAsync(ct);

        var answers = new ChatWritten?[drafts.Count];
        for (var i = 0; i < drafts.Count; i++)
        {
            var key = Key(drafts[i]);
            var name = names.GetValueOrDefault(drafts[i].AuthorId, "");
            answers[i] = earlier.TryGetValue(key, out var old) ? new ChatWritten(old.Seq, name, old.Text, old.SentAt, IsNew: false)
                : written.TryGetValue(key, out var m) ? new ChatWritten(m.Seq, name, m.Text, m.SentAt, IsNew: first[key] == i)
                : null;
        }
        return answers;
    }

    /// <summary>
    /// Another node stored the same client id between this batch's look-up and its insert (PostgreSQL; on SQLite the
    /// transaction holds the only write lock from its start).
    /// </summary>
    public static bool IsDuplicate(Exception e) => e switch
    {
        PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } => true,
        SqliteException { SqliteExtendedErrorCode: 2067 } => true, // SQLITE_CONSTRAINT_UNIQUE
        DbUpdateException { InnerException: { } inner } => IsDuplicate(inner),
        _ => false,
    };

    /// <summary>
    /// The moment as the database gives it back (SQLite's converter keeps 0.1 ms, PostgreSQL 1 µs): the sender's answer,
    /// built from what was written, says what the history will say.
    /// </summary>
    private static DateTimeOffset Stored(DateTimeOffset moment) =>
        new(moment.Ticks - moment.Ticks % (TimeSpan.TicksPerMillisecond / 10), moment.Offset);

    private readonly record struct DraftKey(Guid ThreadId, string AuthorId, string ClientMessageId);

    private sealed record Earlier(long Seq, string Text, DateTimeOffset SentAt);

    private static DraftKey Key(ChatDraft d) => new(d.ThreadId, d.AuthorId, d.ClientMessageId);

    /// <summary>One query over the batch's threads, authors and client ids (the unique index's columns); exact triples kept.</summary>
    private async Task<Dictionary<DraftKey, Earlier>> StoredBeforeAsync(IReadOnlyList<ChatDraft> drafts, CancellationToken ct)
    {
        var threads = drafts.Select(d => d.ThreadId).Distinct().ToList();
        var authors = drafts.Select(d => d.AuthorId).Distinct().ToList();
        var clientIds = drafts.Select(d => d.ClientMessageId).Distinct().ToList();
        var keys = drafts.Select(Key).ToHashSet();
        var found = await db.Set<ChatMessage>().AsNoTracking()
            .Where(m => threads.Contains(m.ThreadId) && authors.Contains(m.AuthorId) && clientIds.Contains(m.ClientMessageId))
            .Select(m => new { m.ThreadId, m.AuthorId, m.ClientMessageId, m.Seq, m.Text, m.SentAt })
            .ToListAsync(ct);
        return found.Select(m => (Key: new DraftKey(m.ThreadId, m.AuthorId, m.ClientMessageId), Message: new Earlier(m.Seq, m.Text, m.SentAt)))
            .Where(f => keys.Contains(f.Key)).ToDictionary(f => f.Key, f => f.Message);
    }

    /// <summary>The authors' names as shown with their messages (empty for an erased account: the page says "former member").</summary>
    private async Task<Dictionary<string, string>> NamesAsync(IReadOnlyList<ChatDraft> drafts, CancellationToken ct)
    {
        var authors = drafts.Select(d => d.AuthorId).Distinct().ToList();
        return await db.Set<ApplicationUser>().Where(u => authors.Contains(u.Id)).Select(u => new { u.Id, u.DisplayName })
            .ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
    }
}
