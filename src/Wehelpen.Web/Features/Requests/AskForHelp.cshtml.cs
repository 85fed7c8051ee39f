using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Wehelpen.Web.Features.Agenda;
using Wehelpen.Web.Features.Circles;
using Wehelpen.Web.Features.Profiles;
using Wehelpen.Web.Features.Requests.Series;
using Wehelpen.Web.Hosting;

namespace Wehelpen.Web.Features.Requests;

/// <summary>
/// Asking for help: what, when, where and of whom. Opened from an appointment (?appointment=&amp;date=) the request is
/// about that appointment; opened from a volunteer's offer (?offer=) it goes to that volunteer.
/// </summary>
[EnableRateLimiting(RequestsExtensions.PostingLimit)]
public sealed class AskForHelpModel(
    RequestPosting posting, SeriesStarting series, AgendaPlanner agenda, CircleManagement circles, IStringLocalizer<SharedResource> text) : CircleRequestPageModel
{
    [BindProperty] public RequestForm Input { get; set; } = new();

    /// <summary>The other members, of whom one can be asked.</summary>
    public IReadOnlyList<MemberResponse> Others { get; private set; } = [];

    public AppointmentResponse? Appointment { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid? appointment, string? date, Guid? offer, CancellationToken ct)
    {
        var defaults = await posting.DefaultsAsync(Membership, ct);
        (Input.Postcode, Input.Address, Input.Phone) = (defaults.Postcode, defaults.Address, defaults.Phone);
        (Input.AppointmentId, Input.OfferId) = (appointment, offer);
        if (appointment is not null && DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            Input.Date = Input.AppointmentDate = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        // An appointment of another circle is answered like one that does not exist.
        return await LoadAsync(ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var errors = new FieldErrors();
        var input = Input.Read(errors, text);
        // Unreadable dates or times are said first: posting without them could quietly use the appointment's.
        var outcome = errors.Any ? errors
            : input.Repeat is null ? await posting.PostAsync(Membership, input, ct) : await series.StartAsync(Membership, input, ct);
        if (outcome.Failed(ModelState))
        {
            await LoadAsync(ct);
            return Page();
        }
        var posted = outcome.Value!;
        Notice = text["CircleRequests.Posted", posted.Summary.Title];
        return Redirect(RequestPath(posted.Summary.Id));
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        Others = (await circles.MembersAsync(Membership.CircleId, ct)).Where(m => m.UserId != Membership.UserId).ToList();
        if (Input.AppointmentId is not { } appointmentId) return true;
        Appointment = (await agenda.GetAsync(Membership, appointmentId, ct)).Value;
        return Appointment is not null || HttpMethods.IsPost(Request.Method);
    }
}

/// <summary>The form as typed: texts, so that nothing a person wrote is lost when something is refused.</summary>
public sealed class RequestForm
{
    public string? Category { get; set; }
    public string? Title { get; set; }
    public string? Description { get; set; }
    public bool Flexible { get; set; }
    public string? Date { get; set; }
    public string? From { get; set; }
    public string? Until { get; set; }
    public string? Before { get; set; }
    public string? Postcode { get; set; }
    public string? Address { get; set; }
    public string? Phone { get; set; }
    public string? Audience { get; set; } = nameof(RequestAudience.Circle);
    public string? AddressedToId { get; set; }
    public Guid? AppointmentId { get; set; }
    public string? AppointmentDate { get; set; }
    public Guid? OfferId { get; set; }

    /// <summary>"None", or a <see cref="SeriesFrequency"/>; with its days, or day of the month, and its end.</summary>
    public string? Repeat { get; set; } = "None";
    public List<string> Days { get; set; } = [];
    public string? DayOfMonth { get; set; }

    /// <summary>"UntilDate" or "Times": which of the two ends the series.</summary>
    public string? RepeatEnd { get; set; } = "UntilDate";
    public string? UntilDate { get; set; }
    public string? Times { get; set; }

    /// <summary>Only the fields of the chosen kind of "when" are read: the other set may hold anything.</summary>
    public HelpRequestInput Read(FieldErrors errors, IStringLocalizer text)
    {
        DateOnly? date = null, before = null;
        TimeOnly? from = null, until = null;
        if (Flexible) before = errors.OptionalDate(text, "before", Before);
        else
        {
            date = errors.OptionalDate(text, "date", Date);
            from = OptionalTime(errors, text, "from", From);
            until = OptionalTime(errors, text, "until", Until);
        }
        return new HelpRequestInput(
            Enum.TryParse<HelpCategories>(Category, ignoreCase: true, out var category) ? category : null,
            Title, Description, Flexible, date, from, until, before, Postcode, Address, Phone,
            // A request from an offer goes to the offer's volunteer: there is no audience to choose.
            OfferId is null && Enum.TryParse<RequestAudience>(Audience, ignoreCase: true, out var audience) ? audience : null,
            AddressedToId, AppointmentId,
            DateOnly.TryParseExact(AppointmentDate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null,
            OfferId, ReadRepeat(errors, text));
    }

    /// <summary>Only the fields of the chosen frequency and end are read, as with the kind of "when".</summary>
    private RepeatInput? ReadRepeat(FieldErrors errors, IStringLocalizer text)
    {
        if (!Enum.TryParse<SeriesFrequency>(Repeat, ignoreCase: true, out var frequency) || !Enum.IsDefined(frequency)) return null;
        var days = frequency == SeriesFrequency.Monthly ? null
            : Days.Select(d => Enum.TryParse<DayOfWeek>(d, ignoreCase: true, out var day) ? day : (DayOfWeek?)null).OfType<DayOfWeek>().ToArray();
        int? dayOfMonth = frequency == SeriesFrequency.Monthly && int.TryParse(DayOfMonth, CultureInfo.InvariantCulture, out var n) ? n : null;
        var byTimes = RepeatEnd == nameof(Times);
        DateOnly? until = byTimes ? null : errors.OptionalDate(text, "untilDate", UntilDate);
        int? times = byTimes && int.TryParse(Times, CultureInfo.InvariantCulture, out var t) ? t : null;
        return new RepeatInput(frequency, days, dayOfMonth, until, times);
    }

    private static TimeOnly? OptionalTime(FieldErrors errors, IStringLocalizer text, string field, string? value) =>
        string.IsNullOrWhiteSpace(value) ? null : errors.Time(text, field, value);
}
