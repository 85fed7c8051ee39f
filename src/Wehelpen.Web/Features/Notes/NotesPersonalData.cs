using Microsoft.EntityFrameworkCore;
using Wehelpen.Web.Data;
using Wehelpen.Web.Platform.PersonalData;

namespace Wehelpen.Web.Features.Notes;

/// <summary>What a person wrote in the circle's notes: every revision they saved.</summary>
internal sealed class NotesPersonalData(WehelpenDbContext db) : IPersonalData
{
    public IEnumerable<PersonalColumn> Columns =>
    [
        new("Notes", "CreatedById"),
        new("Notes", "ChangedById"),
        new("Notes", "DeletedById"),
        new("NoteRevisions", "AuthorId"),
    ];

    public IEnumerable<ExportSection> Export(string userId) =>
    [
        new("note-revisions", _ => db.Set<NoteRevision>().AsNoTracking().Where(r => r.AuthorId == userId).OrderBy(r => r.SavedAt)
            .Select(r => new { r.NoteId, r.Note!.CircleId, r.Number, r.Title, r.Text, r.SavedAt, r.RestoredFrom, NoteDeleted = r.Note.DeletedAt != null })
            .AsAsyncEnumerable()),
    ];

    /// <summary>The notes stay the circle's, with their history; the writer becomes a former member.</summary>
    public async Task EraseAsync(PersonErasure erasure, CancellationToken ct)
    {
        var id = erasure.UserId;
        await db.Set<Note>().Where(n => n.CreatedById == id).ExecuteUpdateAsync(s => s.SetProperty(n => n.CreatedById, FormerMember.Id), ct);
        await db.Set<Note>().Where(n => n.ChangedById == id)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ChangedById, FormerMember.Id).SetProperty(n => n.ChangedByName, ""), ct);
        await db.Set<Note>().Where(n => n.DeletedById == id).ExecuteUpdateAsync(s => s.SetProperty(n => n.DeletedById, FormerMember.Id), ct);
        await db.Set<NoteRevision>().Where(r => r.AuthorId == id)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.AuthorId, FormerMember.Id).SetProperty(r => r.AuthorName, ""), ct);
    }

    public Task EraseCircleAsync(CircleErasure erasure, CancellationToken ct) =>
        db.Set<Note>().Where(n => n.CircleId == erasure.CircleId).ExecuteDeleteAsync(ct);
}
