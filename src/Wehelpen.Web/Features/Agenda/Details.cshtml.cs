using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Wehelpen.Web.Hosting;

namespace Wehelpen.Web.Features.Agenda;

/// <summary>One appointment: what, when, where, who goes along the next times; and changing or deleting it.</summary>
public sealed class DetailsModel(AgendaPlanner planner, TimeProvider clock, IStringLocalizer<SharedResource> text) : AppointmentFormPageModel
{
    public const int ShownOccurrences = 6;

    public AppointmentResponse Appointment { get; private set; } = default!;
    public IReadOnlyList<OccurrenceResponse> Coming { get; private set; } = [];

    /// <summary>The start is in the autumn hour that happens twice; the page says which of the two it is.</summary>
    public bool StartsInDoubleHour =>
        WallClock.Check(Appointment.Date, TimeOnly.Parse(Appointment.StartTime, CultureInfo.InvariantCulture)) == WallClockKind.Ambiguous;

    public async Task<IActionResult> OnGetAsync(Guid appointmentId, CancellationToken ct)
    {
        if (!await LoadAsync(appointmentId, ct)) return NotFound();
        Input = AppointmentInput.From(Appointment);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid appointmentId, CancellationToken ct)
    {
        var outcome = await planner.UpdateAsync(Membership, appointmentId, Input.ToRequest(), ct);
        if (outcome.Refusal?.Status == StatusCodes.Status404NotFound) return NotFound();
        if (Refused(outcome)) return await LoadAsync(appointmentId, ct) ? Page() : NotFound();
        Notice = text["Agenda.Saved", outcome.Value!.Title];
        return Redirect(AppointmentPath(appointmentId));
    }

    public async Task<IActionResult> OnPostDeleteAsync(Guid appointmentId, CancellationToken ct)
    {
        if ((await planner.GetAsync(Membership, appointmentId, ct)).Value is not { } appointment
            || (await planner.DeleteAsync(Membership, appointmentId, ct)).Value is null)
            return NotFound();
        Notice = text["Agenda.Deleted", appointment.Title];
        return Redirect(AgendaPath);
    }

    private async Task<bool> LoadAsync(Guid appointmentId, CancellationToken ct)
    {
        if ((await planner.GetAsync(Membership, appointmentId, ct)).Value is not { } appointment) return false;
        Appointment = appointment;
        // A series shows its coming weeks; a single appointment itself, also when it is past.
        var today = clock.AmsterdamToday();
        var from = appointment.RepeatsWeekly && appointment.Date < today ? today : appointment.Date;
        Coming = (await planner.OccurrencesOfAsync(Membership, appointmentId, from, from.AddDays(7 * ShownOccurrences - 1), ct))
            .Take(ShownOccurrences).ToList();
        return true;
    }
}
