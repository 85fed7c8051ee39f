using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Wehelpen.Web.Features.Circles;

namespace Wehelpen.Web.Features.Notes;

/// <summary>One page, rendered from its Markdown; deleting it is here too, behind a confirmation.</summary>
public sealed class DetailsModel(CircleNotes notes, IStringLocalizer<SharedResource> text) : CirclePageModel
{
    protected override CircleTab Tab => CircleTab.Notes;

    public NoteDetail Note { get; private set; } = default!;
    [TempData] public string? NoteNotice { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid noteId, CancellationToken ct)
    {
        var outcome = await notes.GetAsync(Membership, noteId, ct);
        if (outcome.Value is null) return NotFound();
        Note = outcome.Value;
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteAsync(Guid noteId, CancellationToken ct)
    {
        var found = await notes.GetAsync(Membership, noteId, ct);
        if (found.Value is null) return NotFound();
        if ((await notes.DeleteAsync(Membership, noteId, ct)).Failed(ModelState))
        {
            Note = found.Value;
            return Page();
        }
        NoteNotice = text["Notes.Deleted", found.Value.Title];
        return Redirect($"/circles/{Membership.CircleId}/notes");
    }
}
