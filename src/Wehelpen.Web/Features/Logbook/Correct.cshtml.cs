using Microsoft.AspNetCore.Mvc;
using Wehelpen.Web.Features.Circles;

namespace Wehelpen.Web.Features.Logbook;

/// <summary>Correcting one's own entry; the earlier text stays visible under it.</summary>
public sealed class CorrectModel(CircleLogbook logbook) : CirclePageModel
{
    protected override CircleTab Tab => CircleTab.Logbook;

    [FromRoute] public Guid EntryId { get; set; }
    [BindProperty] public EntryInput Input { get; set; } = new();
    public LogbookEntryResponse? Entry { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Entry = await logbook.FindAsync(Membership, EntryId, ct);
        if (Entry is null) return NotFound();
        if (!Entry.CanCorrect) return Forbid();
        Input = new EntryInput { OccurredOn = Entry.OccurredOn, Text = Entry.Text, Wellbeing = Entry.Wellbeing };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var outcome = await logbook.CorrectAsync(Membership, EntryId, Input.ToRequest(ModelState), ct);
        if (outcome.Refusal?.Status == StatusCodes.Status404NotFound) return NotFound();
        if (outcome.Refusal?.Status == StatusCodes.Status403Forbidden) return Forbid();
        if (outcome.Failed(ModelState))
        {
            Entry = await logbook.FindAsync(Membership, EntryId, ct);
            return Page();
        }
        TempData["Written"] = true;
        return Redirect($"/circles/{Membership.CircleId}/logbook");
    }
}
