using Microsoft.AspNetCore.Mvc;
using Wehelpen.Web.Features.Circles;

namespace Wehelpen.Web.Features.Notes;

/// <summary>Every saved version of a page, newest first, each one a link to read and restore it.</summary>
public sealed class HistoryModel(CircleNotes notes) : CirclePageModel
{
    protected override CircleTab Tab => CircleTab.Notes;

    public NoteDetail Note { get; private set; } = default!;
    public IReadOnlyList<RevisionSummary> Revisions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid noteId, CancellationToken ct)
    {
        var note = (await notes.GetAsync(Membership, noteId, ct)).Value;
        var revisions = (await notes.RevisionsAsync(Membership.CircleId, noteId, ct)).Value;
        if (note is null || revisions is null) return NotFound();
        (Note, Revisions) = (note, revisions);
        return Page();
    }
}
