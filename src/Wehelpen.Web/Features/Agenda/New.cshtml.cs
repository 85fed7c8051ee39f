using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Wehelpen.Web.Hosting;

namespace Wehelpen.Web.Features.Agenda;

public sealed class NewModel(AgendaPlanner planner, TimeProvider clock, IStringLocalizer<SharedResource> text) : AppointmentFormPageModel
{
    /// <param name="date">The day chosen in the week view (yyyy-MM-dd); today otherwise.</param>
    public void OnGet(string? date)
    {
        var day = DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var asked)
            ? asked : clock.AmsterdamToday();
        Input.Date = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var outcome = await planner.CreateAsync(Membership, Input.ToRequest(), ct);
        if (Refused(outcome)) return Page();
        var saved = outcome.Value!;
        Notice = text["Agenda.Saved", saved.Title];
        return Redirect($"{WeekPath(saved.Date)}#{OccurrenceItem.AnchorOf(saved.Id, saved.Date)}");
    }
}
