namespace Wehelpen.Web.Features.Agenda;

/// <summary>One occurrence in a list, with its "ik ga mee" button that brings the person back to <paramref name="ReturnPath"/>.</summary>
/// <param name="ShowDate">False under a day's heading, where the date is already said.</param>
public sealed record OccurrenceItem(OccurrenceResponse Occurrence, bool ShowDate, string ReturnPath)
{
    public string Anchor => AnchorOf(Occurrence.AppointmentId, Occurrence.Date);

    /// <summary>The list item's id, so that the person lands back at the item they pressed.</summary>
    public static string AnchorOf(Guid appointmentId, DateOnly date) => $"o-{appointmentId:N}-{date:yyyyMMdd}";
}
