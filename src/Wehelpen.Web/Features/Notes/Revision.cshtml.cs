using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Wehelpen.Web.Features.Circles;

namespace Wehelpen.Web.Features.Notes;

/// <summary>One old version of a page, with a button that puts it back as the newest (nothing is removed).</summary>
public sealed class RevisionModel(CircleNotes notes, IStringLocalizer<SharedResource> text) : CirclePageModel
{
    protected override CircleTab Tab => CircleTab.Notes;

    public RevisionDetail Revision { get; private set; } = default!;
    public NoteDetail Note { get; private set; } = default!;
    [TempData] public string? NoteNotice { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid noteId, int number, CancellationToken ct) =>
        await LoadAsync(noteId, number, ct) ? Page() : NotFound();

    /// <param name="baseRevision">The newest revision when the page was shown: a newer one refuses the restore.</param>
    public async Task<IActionResult> OnPostRestoreAsync(Guid noteId, int number, int? baseRevision, CancellationToken ct)
    {
        var save = await notes.RestoreAsync(Membership, noteId, number, new RestoreNoteRequest(baseRevision), ct);
        if (save.Outcome.Failed(ModelState)) return await LoadAsync(noteId, number, ct) ? Page() : NotFound();
        NoteNotice = text["Notes.Restored", number];
        return Redirect($"/circles/{Membership.CircleId}/notes/{noteId}");
    }

    private async Task<bool> LoadAsync(Guid noteId, int number, CancellationToken ct)
    {
        var note = (await notes.GetAsync(Membership, noteId, ct)).Value;
        var revision = (await notes.RevisionAsync(Membership.CircleId, noteId, number, ct)).Value;
        if (note is null || revision is null) return false;
        (Note, Revision) = (note, revision);
        return true;
    }
}
