using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Wehelpen.Web.Data;
using Wehelpen.Web.Features.Agenda;
using Wehelpen.Web.Features.Circles;
using Wehelpen.Web.Features.Locations;
using Wehelpen.Web.Features.Matching;
using Wehelpen.Web.Features.Profiles;
using Wehelpen.Web.Features.Reminders;
using Wehelpen.Web.Features.Requests.Series;
using Wehelpen.Web.Hosting;

namespace Wehelpen.Web.Features.Requests;

/// <summary>Asking for help: by the resident or any member of the circle for them.</summary>
public sealed partial class RequestPosting(
    WehelpenDbContext db, RequestAccess access, RequestJournal journal, RequestDescriptions descriptions, RequestNews live,
    PostcodeTable postcodes, IOfferAddressees offers, MatchingRefresher matching, RequestSweeper sweeper, RequestMetrics metrics, ReminderPlanner reminders, TimeProvider clock,
    IStringLocalizer<SharedResource> text)
{
    /// <summary>Further ahead than this is almost always a typing error in the year.</summary>
    public const int MaxDaysAhead = 180;

    /// <summary>The resident's postcode; else the place of the circle's last request, address and phone included.</summary>
    public async Task<RequestDefaults> DefaultsAsync(CircleMembership me, CancellationToken ct)
    {
        var last = await db.Set<HelpRequest>().Where(r => r.CircleId == me.CircleId)
            .OrderByDescending(r => r.CreatedAt)
            .Select(r => new RequestDefaults(r.Postcode, r.Address, r.ContactPhone))
            .FirstOrDefaultAsync(ct);
        var resident = await db.Set<CircleMember>()
            .Where(m => m.CircleId == me.CircleId && m.Role == CircleRole.Resident)
            .Select(m => m.User!.Postcode).FirstOrDefaultAsync(ct);
        if (resident is not null && (last is null || last.Postcode != resident)) return new RequestDefaults(resident, null, null);
        return last ?? new RequestDefaults(null, null, null);
    }

    public Task<Outcome<RequestDetails>> PostAsync(CircleMembership me, HelpRequestInput input, CancellationToken ct) =>
        PostAsync(me, input, null, ct);

    /// <summary>
    /// One occurrence of a series, through the same checks and the same steps after the save as any request. A new
    /// series is saved together with its first occurrence, taking the template as the checks left it. Two nodes
    /// making the same occurrence at once: the second save fails on the unique (series, date) index.
    /// </summary>
    public Task<Outcome<RequestDetails>> PostOccurrenceAsync(CircleMembership me, HelpRequestInput input, SeriesOccurrence occurrence, CancellationToken ct) =>
        PostAsync(me, input, occurrence, ct);

    private async Task<Outcome<RequestDetails>> PostAsync(CircleMembership me, HelpRequestInput input, SeriesOccurrence? occurrence, CancellationToken ct)
    {
        var errors = new FieldErrors();
        // Asked through a volunteer's offer: for that volunteer alone, in the offer's category unless chosen otherwise.
        var offer = input.OfferId is { } offerId ? await offers.AddresseeAsync(me, offerId, errors, ct) : null;
        if (offer is not null) input = input with { Category = input.Category ?? offer.Category, Audience = RequestAudience.Person };
        if (input.Category is not { } category || !HelpCategory.Each.Contains(category))
            errors.Add("category", text["Request.CategoryRequired"]);
        var title = errors.Required(text, "title", input.Title, HelpRequest.TitleMaxLength);
        var description = errors.Optional(text, "description", input.Description, HelpRequest.DescriptionMaxLength) ?? "";
        var address = errors.Optional(text, "address", input.Address, HelpRequest.AddressMaxLength);
        var phone = errors.Optional(text, "phone", input.Phone, HelpRequest.PhoneMaxLength);
        if (phone is not null && !PhoneShape().IsMatch(phone)) errors.Add("phone", text["Request.PhoneMalformed"]);
        var place = postcodes.Lookup(input.Postcode);
        if (string.IsNullOrWhiteSpace(input.Postcode)) errors.Add("postcode", text["Request.PostcodeRequired"]);
        else if (!place.IsUsable) errors.Add("postcode", PostcodeMessages.For(place, text));

        var appointment = input.AppointmentId is { } appointmentId
            ? await db.Set<Appointment>().AsNoTracking().SingleOrDefaultAsync(a => a.Id == appointmentId && a.CircleId == me.CircleId, ct)
            : null;
        if (input.AppointmentId is not null && appointment is null) errors.Add("appointmentId", text["Request.AppointmentUnknown"]);
        var (startsAt, endsAt) = When(input, appointment, errors);

        var audience = input.Audience ?? RequestAudience.Circle;
        if (!Enum.IsDefined(audience)) errors.Add("audience", text["Request.AudienceUnknown"]);
        var addressee = offer is not null
            ? await db.Users.FindAsync([offer.VolunteerId], ct)
            : await AddresseeAsync(me, audience, input.AddressedToId, errors, ct);
        if (errors.Any) return errors;

        var now = clock.GetUtcNow();
        var policy = await access.PolicyAsync(me.CircleId, ct);
        var request = new HelpRequest
        {
            CircleId = me.CircleId,
            RequestedById = me.UserId,
            Category = input.Category!.Value,
            Title = title,
            Description = description,
            StartsAt = startsAt,
            EndsAt = endsAt!.Value,
            Postcode = place.Postcode!.ToString(),
            Pc4 = place.Area!.Pc4,
            Latitude = place.Area.Centre.Latitude,
            Longitude = place.Area.Centre.Longitude,
            Address = address,
            ContactPhone = phone,
            Audience = audience,
            AddressedTo = addressee,
            AudienceSince = now,
            WidensAt = policy.NextStepAt(audience, now),
            AppointmentId = appointment?.Id,
            Status = RequestStatus.Open,
            CreatedAt = now,
        };
        db.Add(request);
        if (occurrence is not null) AddToSeries(request, occurrence, input);
        var viewer = await access.ViewerAsync(me.UserId, me.CircleId, ct);
        journal.Record(request, RequestChange.Posted, viewer, null, now);
        var regular = await HandToRegularAsync(request, occurrence, now, ct);
        await db.SaveChangesAsync(ct);
        await matching.ChangedAsync(regular is null ? [] : [regular], [request.Id]);
        metrics.Changed(RequestChange.Posted, request.Audience);
        await live.RequestChangedAsync(request.Id);
        if (regular is not null) await reminders.SubjectChangedAsync(request.Id, ct);
        else if (request.Audience == RequestAudience.Neighbourhood) await sweeper.AskFirstWaveAsync(request.Id);

        var found = await access.FindAsync(me.UserId, request.Id, ct);
        return descriptions.Describe(found!.Value.Request, found.Value.Viewer, found.Value.View, now);
    }

    /// <summary>The window in UTC, from Amsterdam wall-clock input; the end is also when an open request expires.</summary>
    private (DateTimeOffset? Starts, DateTimeOffset? Ends) When(HelpRequestInput input, Appointment? appointment, FieldErrors errors)
    {
        var today = clock.AmsterdamToday();
        var now = clock.GetUtcNow();
        if (input.Flexible == true)
        {
            if (input.Before is not { } before) { errors.Add("before", text["Request.BeforeRequired"]); return (null, null); }
            if (before < today) { errors.Add("before", text["Request.InThePast"]); return (null, null); }
            if (before > today.AddDays(MaxDaysAhead)) { errors.Add("before", text["Request.TooFarAhead", MaxDaysAhead]); return (null, null); }
            return (null, WallClock.StartOfDayUtc(before.AddDays(1)));
        }

        var date = input.Date ?? (appointment is null ? null : input.AppointmentDate ?? NextDate(appointment, today));
        var from = input.From ?? appointment?.StartTime;
        var until = input.Until ?? appointment?.EndTime;
        if (appointment is not null && date is { } d && !appointment.OccursOn(d))
            errors.Add("appointmentDate", text["Request.AppointmentNotOnDate"]);
        if (date is null) errors.Add("date", text["Request.DateRequired"]);
        if (from is null) errors.Add("from", text["Request.TimeRequired"]);
        if (until is null) errors.Add("until", text["Request.TimeRequired"]);
        if (date is not { } day || from is not { } start || until is not { } end) return (null, null);
        if (end <= start) { errors.Add("until", text["Request.EndBeforeStart"]); return (null, null); }
        if (day > today.AddDays(MaxDaysAhead)) { errors.Add("date", text["Request.TooFarAhead", MaxDaysAhead]); return (null, null); }
        foreach (var (field, time) in new[] { ("from", start), ("until", end) })
        {
            if (WallClock.Check(day, time) == WallClockKind.Skipped) errors.Add(field, text["Request.TimeSkipped"]);
        }
        var startsAt = WallClock.ToUtc(day, start);
        var endsAt = WallClock.ToUtc(day, end);
        if (endsAt <= now) errors.Add(day < today ? "date" : "until", text["Request.InThePast"]);
        return (startsAt, endsAt);
    }

    private void AddToSeries(HelpRequest request, SeriesOccurrence occurrence, HelpRequestInput input)
    {
        (request.SeriesId, request.OccurrenceOn) = (occurrence.Series.Id, occurrence.On);
        if (!occurrence.IsNew) return;
        var s = occurrence.Series;
        (s.CircleId, s.RequestedById, s.Category, s.Title, s.Description) = (request.CircleId, request.RequestedById, request.Category, request.Title, request.Description);
        (s.Postcode, s.Address, s.ContactPhone, s.Audience, s.AddressedToId) = (request.Postcode, request.Address, request.ContactPhone, request.Audience, request.AddressedTo?.Id);
        (s.Flexible, s.StartTime, s.EndTime) = input.Flexible == true ? (true, null, null) : (false, input.From, input.Until);
        s.CreatedAt = request.CreatedAt;
        db.Add(s);
    }

    /// <summary>
    /// An occurrence of a series with a regular volunteer is made theirs in the same save, so nobody else is asked
    /// about it; unless the circle has blocked them since, when it goes out as usual.
    /// </summary>
    /// <returns>The regular volunteer it was handed to.</returns>
    private async Task<string?> HandToRegularAsync(HelpRequest request, SeriesOccurrence? occurrence, DateTimeOffset now, CancellationToken ct)
    {
        if (occurrence?.RegularId is not { } regularId) return null;
        var regular = await access.ViewerAsync(regularId, request.CircleId, ct);
        if (RequestRules.CheckHandToRegular(request, regular, now) is not null) return null;
        RequestRules.HandToRegular(request, regular, now);
        journal.Record(request, RequestChange.Claimed, regular, text["Regular.JournalReason"], now);
        return regularId;
    }

    private static DateOnly? NextDate(Appointment appointment, DateOnly today) =>
        appointment.DatesBetween(today, today.AddDays(MaxDaysAhead)).Cast<DateOnly?>().FirstOrDefault();

    /// <summary>A request for one person goes to another member of the circle.</summary>
    private async Task<ApplicationUser?> AddresseeAsync(CircleMembership me, RequestAudience audience, string? addressedToId, FieldErrors errors, CancellationToken ct)
    {
        if (audience != RequestAudience.Person) return null;
        if (string.IsNullOrWhiteSpace(addressedToId)) { errors.Add("addressedToId", text["Request.PersonRequired"]); return null; }
        if (addressedToId == me.UserId) { errors.Add("addressedToId", text["Request.NotYourself"]); return null; }
        var member = await db.Set<CircleMember>().Where(m => m.CircleId == me.CircleId && m.UserId == addressedToId)
            .Select(m => m.User).SingleOrDefaultAsync(ct);
        if (member is null) errors.Add("addressedToId", text["Request.PersonNotMember"]);
        return member;
    }

    [GeneratedRegex(@"^\+?[0-9][0-9 \-()]{5,}$")]
    private static partial Regex PhoneShape();
}
