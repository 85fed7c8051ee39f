using System.Data;
using System.IO.Compression;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Wehelpen.Web.Data;
using Wehelpen.Web.Platform.PersonalData;

namespace Wehelpen.Web.Features.Privacy;

/// <summary>
/// The right of access and portability: everything about a person as a ZIP, one JSON file per kind of data and a
/// readable overview, written straight to the response while it is read (a heavy user has thousands of messages). All
/// of it is read in one transaction, so the export is one moment: an erasure at the same time makes it either
/// complete or refused, never half.
/// </summary>
public sealed class DataExport(WehelpenDbContext db, IEnumerable<IPersonalData> parts, DatabaseOptions database, ExportOverview overview, TimeProvider clock)
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = true,
    };

    /// <summary>Opens the export's moment; null when the person has no account (any more).</summary>
    public async Task<ExportSession?> OpenAsync(string userId, CancellationToken ct)
    {
        var transaction = await BeginSnapshotAsync(ct);
        var person = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => new { u.DisplayName, u.PreferredLanguage }).SingleOrDefaultAsync(ct);
        if (person is null || FormerMember.Is(userId))
        {
            await transaction.DisposeAsync();
            return null;
        }
        var sections = parts.SelectMany(p => p.Export(userId)).ToList();
        return new ExportSession(transaction, sections, person.DisplayName, person.PreferredLanguage, clock.GetUtcNow(), overview);
    }

    /// <summary>A read that sees one moment and blocks no writer: a deferred transaction on SQLite, a snapshot on PostgreSQL.</summary>
    private async Task<IDbContextTransaction> BeginSnapshotAsync(CancellationToken ct)
    {
        if (database.Provider != DatabaseProvider.Sqlite)
            return await db.Database.BeginTransactionAsync(IsolationLevel.RepeatableRead, ct);
        // Microsoft.Data.Sqlite begins IMMEDIATE (the write lock) unless asked for a deferred one.
        await db.Database.OpenConnectionAsync(ct);
        var sqlite = (SqliteConnection)db.Database.GetDbConnection();
        return await db.Database.UseTransactionAsync(sqlite.BeginTransaction(deferred: true), ct)
            ?? throw new InvalidOperationException("No transaction.");
    }
}

/// <summary>One export being written: its sections are read twice (the files, then the overview) in one transaction.</summary>
public sealed class ExportSession(
    IDbContextTransaction transaction, IReadOnlyList<ExportSection> sections, string displayName, string language,
    DateTimeOffset madeAt, ExportOverview overview) : IAsyncDisposable
{
    public string FileName => $"wehelpen-mijn-gegevens-{madeAt.UtcDateTime:yyyy-MM-dd}.zip";

    public async Task WriteAsync(Stream output, CancellationToken ct)
    {
        await using (var zip = await ZipArchive.CreateAsync(output, ZipArchiveMode.Create, leaveOpen: true, entryNameEncoding: null, ct))
        {
            var counts = new List<(ExportSection Section, int Count)>();
            foreach (var section in sections)
                counts.Add((section, await WriteJsonAsync(zip, section, ct)));
            var entry = zip.CreateEntry("overzicht.html", CompressionLevel.Fastest);
            await using var html = await entry.OpenAsync(ct);
            await overview.WriteAsync(html, counts, displayName, language, madeAt, ct);
        }
        await transaction.CommitAsync(ct);
    }

    private static async Task<int> WriteJsonAsync(ZipArchive zip, ExportSection section, CancellationToken ct)
    {
        var entry = zip.CreateEntry($"{section.Name}.json", CompressionLevel.Fastest);
        await using var stream = await entry.OpenAsync(ct);
        await using var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = DataExport.Json.Encoder });
        writer.WriteStartArray();
        var count = 0;
        await foreach (var row in section.Rows(ct).WithCancellation(ct))
        {
            JsonSerializer.Serialize(writer, row, row.GetType(), DataExport.Json);
            count++;
            // Utf8JsonWriter buffers; the response may only be written asynchronously.
            if (writer.BytesPending > 32 * 1024) await writer.FlushAsync(ct);
        }
        writer.WriteEndArray();
        await writer.FlushAsync(ct);
        return count;
    }

    public ValueTask DisposeAsync() => transaction.DisposeAsync();
}
