using Microsoft.AspNetCore.Mvc;
using Wehelpen.Web.Features.Circles;
using Wehelpen.Web.Hosting;

namespace Wehelpen.Web.Features.Logbook;

/// <summary>The logbook: write an entry at the top, read the newest first, page back.</summary>
public sealed class IndexModel(CircleLogbook logbook, TimeProvider clock) : CirclePageModel
{
    protected override CircleTab Tab => CircleTab.Logbook;

    [FromQuery(Name = "page")] public int PageNumber { get; set; } = 1;
    [BindProperty] public EntryInput Input { get; set; } = new();
    public LogbookPage Entries { get; private set; } = new([], 1, CircleLogbook.DefaultPageSize, 0);
    [TempData] public bool Written { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Input.OccurredOn = clock.AmsterdamToday();
        Entries = await logbook.PageAsync(Membership, PageNumber, CircleLogbook.DefaultPageSize, ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var outcome = await logbook.WriteAsync(Membership, Input.ToRequest(ModelState), ct);
        if (outcome.Failed(ModelState))
        {
            Entries = await logbook.PageAsync(Membership, 1, CircleLogbook.DefaultPageSize, ct);
            return Page();
        }
        Written = true;
        return RedirectToPage();
    }
}

/// <summary>The entry form, shared by writing and correcting.</summary>
public sealed class EntryInput
{
    public DateOnly? OccurredOn { get; set; }
    public string? Text { get; set; }
    public Wellbeing? Wellbeing { get; set; }

    /// <summary>
    /// A date the browser could not send as a date is reported by the use case as a bad date, with the other
    /// messages, instead of being replaced by today without a word.
    /// </summary>
    public LogbookEntryRequest ToRequest(Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary modelState)
    {
        var unreadableDate = modelState["Input.OccurredOn"]?.Errors.Count > 0;
        modelState.Remove("Input.OccurredOn");
        modelState.Remove("Input.Wellbeing");
        return new LogbookEntryRequest(unreadableDate ? DateOnly.MinValue : OccurredOn, Text, Wellbeing);
    }
}
