using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Wehelpen.Web.Data;
using Wehelpen.Web.Features.Circles;
using Wehelpen.Web.Platform.Live;
using Wehelpen.Web.Features.Shared;
using Wehelpen.Web.Hosting;
using Wehelpen.Web.Platform.PersonalData;

namespace Wehelpen.Web.Features.Notes;

/// <summary>
/// The shared pages of a circle, one use case per method for the pages and the API alike. Every query names both the
/// circle and the note, so a note id of another circle is as unknown here as a made-up one.
/// </summary>
public sealed class CircleNotes(WehelpenDbContext db, LiveNews news, TimeProvider clock, IStringLocalizer<SharedResource> text)
{
    public async Task<IReadOnlyList<NoteSummary>> ListAsync(Guid circleId, CancellationToken ct) =>
        (await Live(circleId)
            .Select(n => new NoteSummary(n.Id, n.Title, n.Revision, n.ChangedAt, n.ChangedByName))
            .ToListAsync(ct))
        .Select(n => n with { ChangedByName = FormerMember.Shown(n.ChangedByName, text) })
        .OrderBy(n => n.Title, StringComparer.CurrentCultureIgnoreCase).ToList();

    public async Task<Outcome<NoteDetail>> GetAsync(CircleMembership me, Guid noteId, CancellationToken ct)
    {
        var note = await FindAsync(me.CircleId, noteId, ct);
        return note is null ? NotFound() : Describe(me, note);
    }

    public async Task<Outcome<NoteDetail>> CreateAsync(CircleMembership me, CreateNoteRequest request, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var (title, body) = Check(errors, request.Title, request.Text);
        if (errors.Any) return errors;

        var author = await NameOfAsync(me.UserId, ct);
        var now = clock.GetUtcNow();
        var note = new Note
        {
            CircleId = me.CircleId, Title = title, Text = body, Revision = 1,
            CreatedById = me.UserId, CreatedAt = now, ChangedById = me.UserId, ChangedByName = author, ChangedAt = now,
        };
        note.Revisions.Add(new NoteRevision { Number = 1, Title = title, Text = body, AuthorId = me.UserId, AuthorName = author, SavedAt = now });
        db.Add(note);
        await db.SaveChangesAsync(ct);
        await news.CircleChangedAsync(me.CircleId, LiveArea.Notes);
        return Describe(me, note);
    }

    public async Task<NoteSave> SaveAsync(CircleMembership me, Guid noteId, SaveNoteRequest request, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var (title, body) = Check(errors, request.Title, request.Text);
        if (request.BaseRevision is not > 0) errors.Add("baseRevision", text["Note.BaseRevisionRequired"]);
        if (errors.Any) return new NoteSave(errors);
        return await WriteAsync(me, noteId, request.BaseRevision!.Value, title, body, restoredFrom: null, ct);
    }

    /// <summary>Brings back an older revision as a new one on top; the history keeps everything in between.</summary>
    public async Task<NoteSave> RestoreAsync(CircleMembership me, Guid noteId, int number, RestoreNoteRequest request, CancellationToken ct)
    {
        if (request.BaseRevision is not > 0) return new NoteSave(new FieldErrors().Add("baseRevision", text["Note.BaseRevisionRequired"]));
        var old = await Revisions(me.CircleId, noteId).SingleOrDefaultAsync(r => r.Number == number, ct);
        if (old is null) return new NoteSave(Refusal.NotFound(text["Note.RevisionNotFound"]));
        return await WriteAsync(me, noteId, request.BaseRevision.Value, old.Title, old.Text, restoredFrom: number, ct);
    }

    public async Task<Outcome<Done>> DeleteAsync(CircleMembership me, Guid noteId, CancellationToken ct)
    {
        var note = await FindAsync(me.CircleId, noteId, ct);
        if (note is null) return NotFound();
        if (!CanDelete(me, note)) return Refusal.Forbidden(text["Note.DeleteNotAllowed"]);
        var deleted = await Live(me.CircleId).Where(n => n.Id == noteId)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.DeletedAt, clock.GetUtcNow()).SetProperty(n => n.DeletedById, me.UserId), ct);
        if (deleted == 0) return NotFound();
        await news.CircleChangedAsync(me.CircleId, LiveArea.Notes);
        return Done.Instance;
    }

    public async Task<Outcome<IReadOnlyList<RevisionSummary>>> RevisionsAsync(Guid circleId, Guid noteId, CancellationToken ct)
    {
        if (await FindAsync(circleId, noteId, ct) is null) return NotFound();
        return (await Revisions(circleId, noteId)
            .OrderByDescending(r => r.Number)
            .Select(r => new RevisionSummary(r.Number, r.Title, r.SavedAt, r.AuthorName, r.RestoredFrom))
            .ToListAsync(ct))
            .Select(r => r with { AuthorName = FormerMember.Shown(r.AuthorName, text) })
            .ToList();
    }

    public async Task<Outcome<RevisionDetail>> RevisionAsync(Guid circleId, Guid noteId, int number, CancellationToken ct)
    {
        var note = await FindAsync(circleId, noteId, ct);
        if (note is null) return NotFound();
        var revision = await Revisions(circleId, noteId).SingleOrDefaultAsync(r => r.Number == number, ct);
        return revision is null ? Refusal.NotFound(text["Note.RevisionNotFound"]) : Describe(revision, note.Revision);
    }

    /// <summary>
    /// The one place a note changes. The UPDATE itself checks that the newest revision is still the one the person
    /// started from, so of two saves from the same revision exactly one goes through, on either database; the other
    /// gets the newer text to merge with. The primary key (NoteId, Number) would refuse a second revision 2 as well.
    /// </summary>
    private async Task<NoteSave> WriteAsync(CircleMembership me, Guid noteId, int baseRevision, string title, string body, int? restoredFrom, CancellationToken ct)
    {
        var note = await FindAsync(me.CircleId, noteId, ct);
        if (note is null) return new NoteSave(NotFound());
        if (note.Revision != baseRevision) return await ConflictAsync(me, noteId, title, body, ct);
        // Saving without a change would only add a line to the history.
        if (note.Title == title && note.Text == body) return new NoteSave(Describe(me, note));

        var author = await NameOfAsync(me.UserId, ct);
        var now = clock.GetUtcNow();
        var next = baseRevision + 1;
        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            var updated = await Live(me.CircleId).Where(n => n.Id == noteId && n.Revision == baseRevision)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(n => n.Revision, next).SetProperty(n => n.Title, title).SetProperty(n => n.Text, body)
                    .SetProperty(n => n.ChangedById, me.UserId).SetProperty(n => n.ChangedByName, author).SetProperty(n => n.ChangedAt, now), ct);
            if (updated == 0)
            {
                await transaction.RollbackAsync(ct);
                return await ConflictAsync(me, noteId, title, body, ct);
            }
            db.Add(new NoteRevision
            {
                NoteId = noteId, Number = next, Title = title, Text = body,
                AuthorId = me.UserId, AuthorName = author, SavedAt = now, RestoredFrom = restoredFrom,
            });
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        await news.CircleChangedAsync(me.CircleId, LiveArea.Notes);
        return new NoteSave(await GetAsync(me, noteId, ct));
    }

    /// <summary>Someone saved first (or deleted the page): nothing is written, and both texts go back to the person.</summary>
    private async Task<NoteSave> ConflictAsync(CircleMembership me, Guid noteId, string title, string body, CancellationToken ct)
    {
        var note = await FindAsync(me.CircleId, noteId, ct);
        if (note is null) return new NoteSave(NotFound());
        var current = await Revisions(me.CircleId, noteId).SingleAsync(r => r.Number == note.Revision, ct);
        var message = text["Note.Conflict", FormerMember.Shown(current.AuthorName, text), current.SavedAt.ToAmsterdam().ToString("d MMMM HH:mm")];
        return new NoteSave(Refusal.Conflict(message), new NoteConflict(message, Describe(current, note.Revision), title, body));
    }

    private (string Title, string Text) Check(FieldErrors errors, string? title, string? body)
    {
        var checkedTitle = errors.Required(text, "title", title, Note.TitleMaxLength);
        // Browsers send line ends as CR LF; counted and stored as one character, as people see them.
        var checkedText = errors.Optional(text, "text", body?.Replace("\r\n", "\n"), Note.TextMaxLength) ?? "";
        return (checkedTitle, checkedText);
    }

    private IQueryable<Note> Live(Guid circleId) => db.Set<Note>().Where(n => n.CircleId == circleId && n.DeletedAt == null);

    private IQueryable<NoteRevision> Revisions(Guid circleId, Guid noteId) =>
        db.Set<NoteRevision>().Where(r => r.NoteId == noteId && r.Note!.CircleId == circleId && r.Note.DeletedAt == null);

    private Task<Note?> FindAsync(Guid circleId, Guid noteId, CancellationToken ct) =>
        Live(circleId).AsNoTracking().SingleOrDefaultAsync(n => n.Id == noteId, ct);

    private Task<string> NameOfAsync(string userId, CancellationToken ct) =>
        db.Users.Where(u => u.Id == userId).Select(u => u.DisplayName).SingleAsync(ct);

    private Refusal NotFound() => Refusal.NotFound(text["Note.NotFound"]);

    private static bool CanDelete(CircleMembership me, Note note) => me.CanManage || note.CreatedById == me.UserId;

    private NoteDetail Describe(CircleMembership me, Note n) =>
        new(n.Id, n.Title, n.Text, SafeMarkdown.ToHtml(n.Text), n.Revision, n.ChangedAt, FormerMember.Shown(n.ChangedByName, text), n.CreatedAt, CanDelete(me, n));

    private RevisionDetail Describe(NoteRevision r, int currentRevision) =>
        new(r.NoteId, r.Number, r.Title, r.Text, SafeMarkdown.ToHtml(r.Text), r.SavedAt, r.AuthorId, FormerMember.Shown(r.AuthorName, text), r.RestoredFrom, r.Number == currentRevision);
}
