using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Wehelpen.Web.Hosting;

namespace Wehelpen.Web.Features.Agenda;

/// <summary>The circle's agenda: what is coming up in the next weeks, per day, with who goes along.</summary>
public sealed class IndexModel(AgendaPlanner planner, TimeProvider clock, IStringLocalizer<SharedResource> text) : AgendaPageModel
{
    public const int Weeks = 4;

    public DateOnly Today { get; private set; }
    public IReadOnlyList<IGrouping<DateOnly, OccurrenceResponse>> Days { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Today = clock.AmsterdamToday();
        var occurrences = await planner.OccurrencesAsync(Membership, Today, Today.AddDays(Weeks * 7 - 1), ct);
        Days = occurrences.GroupBy(o => o.Date).ToList();
    }

    /// <summary>"Ik ga mee", from the list, the week or the appointment's page; back to where it was pressed.</summary>
    public async Task<IActionResult> OnPostGoAlongAsync(Guid appointmentId, string? date, string? returnUrl, CancellationToken ct) =>
        Back(await planner.GoAlongAsync(Membership, appointmentId, date, ct), "Agenda.GoingAlongNotice", returnUrl);

    public async Task<IActionResult> OnPostStopGoingAlongAsync(Guid appointmentId, string? date, string? returnUrl, CancellationToken ct) =>
        Back(await planner.StopGoingAlongAsync(Membership, appointmentId, date, ct), "Agenda.NotGoingAlongNotice", returnUrl);

    private IActionResult Back(Outcome<OccurrenceResponse> outcome, string noticeKey, string? returnUrl)
    {
        if (outcome.Value is not { } occurrence) return NotFound();
        Notice = text[noticeKey, occurrence.Title, AgendaFormat.When(occurrence.Start, occurrence.End)];
        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : AgendaPath);
    }
}
