using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Wehelpen.Web.Features.Circles;

namespace Wehelpen.Web.Features.Notes;

/// <summary>The circle's shared pages, and the usual ones it does not have yet, each one click away.</summary>
public sealed class IndexModel(CircleNotes notes, IStringLocalizer<SharedResource> text) : CirclePageModel
{
    protected override CircleTab Tab => CircleTab.Notes;

    public IReadOnlyList<NoteSummary> Notes { get; private set; } = [];
    public IReadOnlyList<NoteStarterResponse> Starters { get; private set; } = [];
    [TempData] public string? NoteNotice { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    /// <summary>Creates the page with its template and opens it for editing straight away.</summary>
    public async Task<IActionResult> OnPostStartAsync(string? kind, CancellationToken ct)
    {
        var starter = NoteStarters.Find(text, kind);
        if (starter is null) return NotFound();
        var outcome = await notes.CreateAsync(Membership, new CreateNoteRequest(starter.Title, starter.Text), ct);
        if (outcome.Failed(ModelState))
        {
            await LoadAsync(ct);
            return Page();
        }
        return Redirect($"/circles/{Membership.CircleId}/notes/{outcome.Value!.Id}/edit");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Notes = await notes.ListAsync(Membership.CircleId, ct);
        Starters = NoteStarters.Missing(text, Notes);
    }
}
