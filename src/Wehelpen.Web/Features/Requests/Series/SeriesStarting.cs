using Microsoft.Extensions.Localization;
using Wehelpen.Web.Features.Circles;
using Wehelpen.Web.Features.Requests.Series.Regulars;
using Wehelpen.Web.Hosting;

namespace Wehelpen.Web.Features.Requests.Series;

/// <summary>
/// Asking for help that repeats: the rule is checked, the series is saved together with its first occurrence (so
/// nothing is half-written), and the occurrences up to the horizon are made right after.
/// </summary>
public sealed class SeriesStarting(RequestPosting posting, SeriesOccurrences occurrences, IStringLocalizer<SharedResource> text)
{
    public async Task<Outcome<RequestDetails>> StartAsync(CircleMembership me, HelpRequestInput input, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var first = input.Flexible == true ? input.Before : input.Date;
        if (input.AppointmentId is not null || input.OfferId is not null) errors.Add("repeat", text["Series.NotWithAppointmentOrOffer"]);
        if (first is null) errors.Add(input.Flexible == true ? "before" : "date", text[input.Flexible == true ? "Request.BeforeRequired" : "Request.DateRequired"]);
        var series = Rule(input.Repeat!, first ?? DateOnly.MinValue, errors);
        if (errors.Any) return errors;

        var result = await PostFirstOccurrenceAsync(me, input, series, new HashSet<DateOnly>(), [], ct);
        if (result.Value is not null) await occurrences.TopUpAsync(series.Id, ct);
        return result;
    }

    /// <summary>
    /// The first date of the series not already <paramref name="taken"/> (by an occurrence kept from the series it
    /// replaces), posted with the series; anything else tracked by the context is saved with it.
    /// </summary>
    /// <param name="regulars">The regular volunteers the series takes over from the one it replaces.</param>
    public async Task<Outcome<RequestDetails>> PostFirstOccurrenceAsync(
        CircleMembership me, HelpRequestInput input, RequestSeries series, IReadOnlySet<DateOnly> taken, IReadOnlyList<RegularVolunteer> regulars,
        CancellationToken ct)
    {
        var first = SeriesRule.Dates(series).Cast<DateOnly?>().FirstOrDefault(d => !taken.Contains(d!.Value));
        if (first is not { } day) return new FieldErrors().Add("repeat", text["Series.NoDates"]);
        var occurrence = input.Flexible == true ? input with { Before = day, Date = null } : input with { Date = day };
        var regular = regulars.FirstOrDefault(r => r.Status == RegularStatus.Accepted && r.Covers(day))?.VolunteerId;
        return await posting.PostOccurrenceAsync(me, occurrence with { Repeat = null }, new SeriesOccurrence(series, day, IsNew: true, regular), ct);
    }

    /// <summary>The rule of a new series from <paramref name="firstDate"/>; the template is filled in when its first occurrence is posted.</summary>
    public RequestSeries Rule(RepeatInput repeat, DateOnly firstDate, FieldErrors errors)
    {
        var series = new RequestSeries { FirstDate = firstDate };
        switch (repeat.Frequency)
        {
            case SeriesFrequency.Weekly or SeriesFrequency.EveryTwoWeeks:
                if (repeat.Days is not { Length: > 0 } days || days.Any(d => !Enum.IsDefined(d))) errors.Add("repeat.days", text["Series.DaysRequired"]);
                else series.Weekdays = RequestSeries.BitsOf(days);
                break;
            case SeriesFrequency.Monthly:
                if (repeat.DayOfMonth is not (>= 1 and <= 28)) errors.Add("repeat.dayOfMonth", text["Series.DayOfMonthRange"]);
                else series.DayOfMonth = repeat.DayOfMonth;
                break;
            default:
                errors.Add("repeat.frequency", text["Series.FrequencyRequired"]);
                break;
        }
        series.Frequency = repeat.Frequency ?? SeriesFrequency.Weekly;
        if (repeat.UntilDate is null && repeat.Times is null) errors.Add("repeat.untilDate", text["Series.EndRequired"]);
        else if (repeat.UntilDate is not null && repeat.Times is not null) errors.Add("repeat.untilDate", text["Series.EndTwice"]);
        else if (repeat.UntilDate is { } until && (until < firstDate || until > firstDate.AddDays(SeriesRule.MaxDays)))
            errors.Add("repeat.untilDate", text["Series.UntilRange"]);
        else if (repeat.Times is { } times && times is < 2 or > SeriesRule.MaxTimes)
            errors.Add("repeat.times", text["Series.TimesRange", SeriesRule.MaxTimes]);
        (series.UntilDate, series.Times) = (repeat.UntilDate, repeat.Times);
        return series;
    }
}
