using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Wehelpen.Web.Features.Circles;

namespace Wehelpen.Web.Features.Notes;

/// <summary>A new page with any title.</summary>
public sealed class NewModel(CircleNotes notes, IStringLocalizer<SharedResource> text) : CirclePageModel, INoteForm
{
    protected override CircleTab Tab => CircleTab.Notes;

    [BindProperty] public NoteInput Input { get; set; } = new();
    [TempData] public string? NoteNotice { get; set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var outcome = await notes.CreateAsync(Membership, new CreateNoteRequest(Input.Title, Input.Text), ct);
        if (outcome.Failed(ModelState)) return Page();
        NoteNotice = text["Notes.Created"];
        return Redirect($"/circles/{Membership.CircleId}/notes/{outcome.Value!.Id}");
    }
}
