using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Wehelpen.Web.Features.Circles;

namespace Wehelpen.Web.Features.Notes;

/// <summary>
/// Editing a page. The form carries the revision it started from; when someone else saved in the meantime, nothing is
/// overwritten: their text is shown, the person's own text stays in the editor, and the next save goes on top of theirs.
/// </summary>
public sealed class EditModel(CircleNotes notes, IStringLocalizer<SharedResource> text) : CirclePageModel, INoteForm
{
    protected override CircleTab Tab => CircleTab.Notes;

    [BindProperty] public NoteInput Input { get; set; } = new();
    public NoteConflict? Conflict { get; private set; }
    [TempData] public string? NoteNotice { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid noteId, CancellationToken ct)
    {
        var note = (await notes.GetAsync(Membership, noteId, ct)).Value;
        if (note is null) return NotFound();
        Input = new NoteInput { Title = note.Title, Text = note.Text, BaseRevision = note.Revision };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid noteId, CancellationToken ct)
    {
        var save = await notes.SaveAsync(Membership, noteId, new SaveNoteRequest(Input.Title, Input.Text, Input.BaseRevision), ct);
        if (save.Conflict is { } conflict)
        {
            // Saving again now means: my merged text on top of theirs.
            Conflict = conflict;
            ModelState.Remove("Input.BaseRevision");
            Input.BaseRevision = conflict.Current.Number;
        }
        if (save.Outcome.Failed(ModelState)) return Page();
        NoteNotice = text["Notes.Saved"];
        return Redirect($"/circles/{Membership.CircleId}/notes/{noteId}");
    }
}
