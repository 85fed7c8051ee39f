using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Wehelpen.Web.Features.Circles;
using Wehelpen.Web.Hosting;

namespace Wehelpen.Web.Features.Agenda;

/// <summary>A page of the agenda tab; a notice set before a redirect is shown once on the next agenda page.</summary>
public abstract class AgendaPageModel : CirclePageModel
{
    protected override CircleTab Tab => CircleTab.Agenda;

    [TempData] public string? Notice { get; set; }

    public string AgendaPath => $"/circles/{Membership.CircleId}/agenda";

    public string WeekPath(DateOnly date) => $"{AgendaPath}/week?date={date:yyyy-MM-dd}";

    public string AppointmentPath(Guid appointmentId) => $"{AgendaPath}/{appointmentId}";
}

/// <summary>The new-appointment page and the appointment page share one form.</summary>
public abstract class AppointmentFormPageModel : AgendaPageModel
{
    [BindProperty] public AppointmentInput Input { get; set; } = new();

    /// <summary>After an overlap was refused, the form offers "toch opslaan" next to the message that names the other one.</summary>
    public bool OfferOverlap { get; private set; }

    /// <summary>
    /// False when saved; otherwise the messages are on the page and the form keeps everything typed. The only 409
    /// of saving an appointment is an overlap with another one.
    /// </summary>
    protected bool Refused(Outcome<AppointmentResponse> outcome)
    {
        if (outcome.Refusal is { Status: StatusCodes.Status409Conflict } overlap)
        {
            ModelState.AddModelError("Input.AllowOverlap", overlap.Message);
            OfferOverlap = true;
            return true;
        }
        return outcome.Failed(ModelState);
    }
}

/// <summary>The form as typed: texts, so that nothing a person wrote is lost when something is refused.</summary>
public sealed class AppointmentInput
{
    public string? Title { get; set; }
    public string? Date { get; set; }
    public string? StartTime { get; set; }
    public string? EndTime { get; set; }
    public string? Place { get; set; }
    public string? Notes { get; set; }
    public bool RepeatWeekly { get; set; }
    public string? RepeatUntil { get; set; }
    public bool AllowOverlap { get; set; }

    public AppointmentRequest ToRequest() =>
        new(Title, Date, StartTime, EndTime, Place, Notes, RepeatWeekly, RepeatUntil, AllowOverlap);

    public static AppointmentInput From(AppointmentResponse a) => new()
    {
        Title = a.Title,
        Date = a.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        StartTime = a.StartTime,
        EndTime = a.EndTime,
        Place = a.Place,
        Notes = a.Notes,
        RepeatWeekly = a.RepeatsWeekly,
        RepeatUntil = a.RepeatUntil?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
    };
}
