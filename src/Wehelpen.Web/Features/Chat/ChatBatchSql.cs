using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Wehelpen.Web.Data;
using Wehelpen.Web.Features.Circles;

namespace Wehelpen.Web.Features.Chat;

/// <summary>
/// The statements of a batch that EF does not write as one: raising several threads' counters with their new values
/// back (UPDATE ... RETURNING, on SQLite and PostgreSQL alike) and inserting many rows in one INSERT. Values go in as
/// parameters made by the columns' own type mappings, so a Guid or a moment is stored exactly as EF stores it.
/// </summary>
internal sealed class ChatBatchSql(WehelpenDbContext db)
{
    private readonly List<DbParameter> _parameters = [];

    /// <summary>Only a factory for parameters of the right kind (Sqlite or Npgsql): it is never run itself.</summary>
    private DbCommand _factory = null!;

    /// <summary>Raises each thread's LastSeq by its count; returns the new LastSeq of the threads that exist.</summary>
    public async Task<Dictionary<Guid, long>> RaiseAsync(IReadOnlyDictionary<Guid, int> added, CancellationToken ct)
    {
        await using var statement = NewStatement();
        var ids = new List<string>();
        var increments = new StringBuilder();
        foreach (var (thread, count) in added)
        {
            var id = Parameter(Thread(nameof(ChatThread.Id)), thread);
            ids.Add(id);
            increments.Append($" WHEN {id} THEN {Parameter(Thread(nameof(ChatThread.LastSeq)), (long)count)}");
        }
        var list = string.Join(", ", ids);
        // Two nodes may raise the same threads at once: each locks its rows in the same order (by id) before raising
        // them, so that neither waits for the other in a circle. SQLite has one writer at a time and needs no such care.
        var sql = db.Database.IsNpgsql()
            ? $"""
               WITH "Locked" AS MATERIALIZED (SELECT "Id" FROM "ChatThreads" WHERE "Id" IN ({list}) ORDER BY "Id" FOR NO KEY UPDATE)
               UPDATE "ChatThreads" SET "LastSeq" = "LastSeq" + CASE "Id"{increments} END
               WHERE "Id" IN (SELECT "Id" FROM "Locked") RETURNING "Id", "LastSeq"
               """
            : $"""
               UPDATE "ChatThreads" SET "LastSeq" = "LastSeq" + CASE "Id"{increments} END
               WHERE "Id" IN ({list}) RETURNING "Id", "LastSeq"
               """;
        var raised = await db.Database.SqlQueryRaw<RaisedThread>(sql, [.. _parameters]).ToListAsync(ct);
        return raised.ToDictionary(r => r.Id, r => r.LastSeq);
    }

    /// <summary>
    /// A circle's chat is made with the circle (and by migration 0010 for older ones); this makes good a circle that was
    /// made some other way, such as straight into the database. A thread whose circle is gone stays missing.
    /// </summary>
    public async Task AddCircleThreadsAsync(IReadOnlyList<Guid> circleIds, DateTimeOffset now, CancellationToken ct)
    {
        await using var statement = NewStatement();
        var ids = string.Join(", ", circleIds.Select(id => Parameter(Thread(nameof(ChatThread.Id)), id)));
        var createdAt = Parameter(Thread(nameof(ChatThread.CreatedAt)), now);
        // Only parameter names and the table's name go into the text; the values are parameters.
        var sql = $"""
            INSERT INTO "ChatThreads" ("Id", "CircleId", "RequestId", "HelperId", "LastSeq", "CreatedAt")
            SELECT "Id", "Id", NULL, NULL, 0, {createdAt} FROM "{db.Model.FindEntityType(typeof(Circle))!.GetTableName()}" WHERE "Id" IN ({ids})
            ON CONFLICT DO NOTHING
            """;
        await db.Database.ExecuteSqlRawAsync(sql, [.. _parameters], ct);
    }

    public async Task InsertAsync(IEnumerable<ChatMessage> messages, CancellationToken ct)
    {
        await using var statement = NewStatement();
        var rows = string.Join(",\n", messages.Select(m =>
            $"({Parameter(Message(nameof(ChatMessage.ThreadId)), m.ThreadId)}, {Parameter(Message(nameof(ChatMessage.Seq)), m.Seq)}, "
            + $"{Parameter(Message(nameof(ChatMessage.AuthorId)), m.AuthorId)}, {Parameter(Message(nameof(ChatMessage.ClientMessageId)), m.ClientMessageId)}, "
            + $"{Parameter(Message(nameof(ChatMessage.Text)), m.Text)}, {Parameter(Message(nameof(ChatMessage.SentAt)), m.SentAt)})"));
        var sql = $"""
            INSERT INTO "ChatMessages" ("ThreadId", "Seq", "AuthorId", "ClientMessageId", "Text", "SentAt")
            VALUES {rows}
            """;
        await db.Database.ExecuteSqlRawAsync(sql, [.. _parameters], ct);
    }

    /// <summary>A row of RETURNING: the columns by their names.</summary>
    private sealed class RaisedThread
    {
        public Guid Id { get; set; }
        public long LastSeq { get; set; }
    }

    private IProperty Thread(string name) => db.Model.FindEntityType(typeof(ChatThread))!.FindProperty(name)!;

    private IProperty Message(string name) => db.Model.FindEntityType(typeof(ChatMessage))!.FindProperty(name)!;

    private DbCommand NewStatement()
    {
        _parameters.Clear();
        return _factory = db.Database.GetDbConnection().CreateCommand();
    }

    /// <returns>Its name in the SQL.</returns>
    private string Parameter(IProperty column, object value)
    {
        var name = $"@b{_parameters.Count}";
        _parameters.Add(column.GetRelationalTypeMapping().CreateParameter(_factory, name, value, nullable: false));
        return name;
    }
}
