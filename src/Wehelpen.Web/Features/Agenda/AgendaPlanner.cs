using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Wehelpen.Web.Data;
using Wehelpen.Web.Features.Circles;
using Wehelpen.Web.Platform.Live;
using Wehelpen.Web.Features.Reminders;
using Wehelpen.Web.Hosting;

namespace Wehelpen.Web.Features.Agenda;

/// <summary>
/// A circle's agenda: planning appointments and going along, one use case per method for the pages and the API
/// alike. Every query names both the circle and the appointment, so an id from another circle is simply not found.
/// </summary>
public sealed class AgendaPlanner(WehelpenDbContext db, LiveNews live, ReminderPlanner reminders, TimeProvider clock, IStringLocalizer<SharedResource> text)
{
    public const int MaxRangeDays = 366;
    public const int DefaultRangeDays = 28;

    /// <summary>The occurrences from one Amsterdam date up to and including another, by start time.</summary>
    public Task<IReadOnlyList<OccurrenceResponse>> OccurrencesAsync(CircleMembership me, DateOnly from, DateOnly to, CancellationToken ct) =>
        ExpandAsync(me, from, to, appointmentId: null, ct);

    /// <summary>The occurrences of one appointment between two dates; none when it is not of this circle.</summary>
    public Task<IReadOnlyList<OccurrenceResponse>> OccurrencesOfAsync(CircleMembership me, Guid appointmentId, DateOnly from, DateOnly to, CancellationToken ct) =>
        ExpandAsync(me, from, to, appointmentId, ct);

    /// <summary>The API's list: dates as text, from today for four weeks unless given.</summary>
    public async Task<Outcome<AgendaResponse>> ListAsync(CircleMembership me, string? from, string? to, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var first = string.IsNullOrWhiteSpace(from) ? clock.AmsterdamToday() : errors.Date(text, "from", from);
        var last = string.IsNullOrWhiteSpace(to) ? first?.AddDays(DefaultRangeDays - 1) : errors.Date(text, "to", to);
        if (first is { } f && last is { } l)
        {
            if (l < f) errors.Add("to", text["Agenda.RangeBackwards"]);
            else if (l.DayNumber - f.DayNumber >= MaxRangeDays) errors.Add("to", text["Agenda.RangeTooLong", MaxRangeDays]);
        }
        if (errors.Any) return errors;
        return new AgendaResponse(first!.Value, last!.Value, await OccurrencesAsync(me, first.Value, last.Value, ct));
    }

    /// <summary>The next occurrences that have not ended yet, for the circle's front page.</summary>
    public async Task<IReadOnlyList<OccurrenceResponse>> UpcomingAsync(CircleMembership me, int count, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var today = clock.AmsterdamToday();
        var coming = await OccurrencesAsync(me, today, today.AddDays(MaxRangeDays - 1), ct);
        return coming.Where(o => o.End > now).Take(count).ToList();
    }

    public async Task<Outcome<AppointmentResponse>> GetAsync(CircleMembership me, Guid appointmentId, CancellationToken ct) =>
        await FindAsync(me, appointmentId, ct) is { } appointment ? await DescribeAsync(appointment, ct) : NotFound();

    public async Task<Outcome<AppointmentResponse>> CreateAsync(CircleMembership me, AppointmentRequest request, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var appointment = new Appointment { CircleId = me.CircleId, CreatedById = me.UserId, CreatedAt = now, UpdatedAt = now };
        if (await ApplyAsync(appointment, request, ct) is { } refused) return refused;
        db.Add(appointment);
        await db.SaveChangesAsync(ct);
        await live.CircleChangedAsync(me.CircleId, LiveArea.Agenda);
        await reminders.SubjectChangedAsync(appointment.Id, ct);
        return await DescribeAsync(appointment, ct);
    }

    /// <summary>Changes the appointment; for a weekly item the whole series. Going along stays with the dates that remain.</summary>
    public async Task<Outcome<AppointmentResponse>> UpdateAsync(CircleMembership me, Guid appointmentId, AppointmentRequest request, CancellationToken ct)
    {
        if (await FindAsync(me, appointmentId, ct) is not { } appointment) return NotFound();
        if (await ApplyAsync(appointment, request, ct) is { } refused) return refused;
        appointment.UpdatedAt = clock.GetUtcNow();
        foreach (var companion in await db.Set<AppointmentCompanion>().Where(c => c.AppointmentId == appointment.Id).ToListAsync(ct))
        {
            if (appointment.OccursOn(companion.OccurrenceDate))
                companion.OccurrenceStartUtc = appointment.StartUtcOn(companion.OccurrenceDate);
            else
                db.Remove(companion);
        }
        await db.SaveChangesAsync(ct);
        await live.CircleChangedAsync(me.CircleId, LiveArea.Agenda);
        await reminders.SubjectChangedAsync(appointment.Id, ct);
        return await DescribeAsync(appointment, ct);
    }

    public async Task<Outcome<Done>> DeleteAsync(CircleMembership me, Guid appointmentId, CancellationToken ct)
    {
        if (await FindAsync(me, appointmentId, ct) is not { } appointment) return NotFound();
        db.Remove(appointment); // who goes along is removed with it (cascade)
        await db.SaveChangesAsync(ct);
        await live.CircleChangedAsync(me.CircleId, LiveArea.Agenda);
        await reminders.SubjectChangedAsync(appointment.Id, ct);
        return Done.Instance;
    }

    /// <summary>"Ik ga mee" for the occurrence on one date. Saying it twice changes nothing.</summary>
    public Task<Outcome<OccurrenceResponse>> GoAlongAsync(CircleMembership me, Guid appointmentId, string? date, CancellationToken ct) =>
        ChangeCompanionAsync(me, appointmentId, date, going: true, ct);

    /// <summary>"Ik ga toch niet mee" for the occurrence on one date.</summary>
    public Task<Outcome<OccurrenceResponse>> StopGoingAlongAsync(CircleMembership me, Guid appointmentId, string? date, CancellationToken ct) =>
        ChangeCompanionAsync(me, appointmentId, date, going: false, ct);

    /// <summary>
    /// Who went or goes along to which occurrence of the circle's appointments, for occurrences starting in
    /// [<paramref name="fromUtc"/>, <paramref name="toUtc"/>): the workload overview counts these per member.
    /// </summary>
    public async Task<IReadOnlyList<CompanionRecord>> CompanionsAsync(Guid circleId, DateTimeOffset fromUtc, DateTimeOffset toUtc, CancellationToken ct)
    {
        var (from, to) = (fromUtc.ToUniversalTime(), toUtc.ToUniversalTime());
        return await db.Set<AppointmentCompanion>()
            .Where(c => c.Appointment!.CircleId == circleId && c.OccurrenceStartUtc >= from && c.OccurrenceStartUtc < to)
            .OrderBy(c => c.OccurrenceStartUtc)
            .Select(c => new CompanionRecord(c.UserId, c.AppointmentId, c.OccurrenceDate, c.OccurrenceStartUtc))
            .ToListAsync(ct);
    }

    private async Task<Outcome<OccurrenceResponse>> ChangeCompanionAsync(CircleMembership me, Guid appointmentId, string? date, bool going, CancellationToken ct)
    {
        if (await FindAsync(me, appointmentId, ct) is not { } appointment) return NotFound();
        var errors = new FieldErrors();
        if (errors.Date(text, "date", date) is not { } day) return errors;
        if (!appointment.OccursOn(day)) return Refusal.NotFound(text["Agenda.NotOnDate", AgendaFormat.LongDay(day)]);

        var existing = await db.Set<AppointmentCompanion>()
            .SingleOrDefaultAsync(c => c.AppointmentId == appointment.Id && c.OccurrenceDate == day && c.UserId == me.UserId, ct);
        if (going && existing is null)
        {
            db.Add(new AppointmentCompanion
            {
                AppointmentId = appointment.Id, OccurrenceDate = day, UserId = me.UserId,
                OccurrenceStartUtc = appointment.StartUtcOn(day), CreatedAt = clock.GetUtcNow(),
            });
            try { await db.SaveChangesAsync(ct); }
            catch (DbUpdateException) { /* a double click: the other request already said so */ }
        }
        else if (!going && existing is not null)
        {
            db.Remove(existing);
            try { await db.SaveChangesAsync(ct); }
            catch (DbUpdateConcurrencyException) { /* a double click: the other request already took it back */ }
        }
        await live.CircleChangedAsync(me.CircleId, LiveArea.Agenda);
        await reminders.SubjectChangedAsync(appointment.Id, ct);
        return (await ExpandAsync(me, day, day, appointment.Id, ct)).Single();
    }

    /// <summary>Checks the request and copies it onto the appointment; a refusal when it may not be saved.</summary>
    private async Task<Outcome<AppointmentResponse>?> ApplyAsync(Appointment appointment, AppointmentRequest request, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var title = errors.Required(text, "title", request.Title, Appointment.TitleMaxLength);
        var place = errors.Optional(text, "place", request.Place, Appointment.PlaceMaxLength);
        var notes = errors.Optional(text, "notes", request.Notes, Appointment.NotesMaxLength);
        var date = errors.Date(text, "date", request.Date);
        var start = errors.Time(text, "startTime", request.StartTime);
        var end = errors.Time(text, "endTime", request.EndTime);
        var weekly = request.RepeatWeekly ?? false;
        var until = weekly ? errors.OptionalDate(text, "repeatUntil", request.RepeatUntil) : null;

        if (date is { } day)
        {
            var today = clock.AmsterdamToday();
            var (earliest, latest) = (today.AddYears(-1), today.AddYears(5));
            // A series that began long ago keeps its first date when it is changed.
            if ((day < earliest || day > latest) && day != appointment.StartDate)
                errors.Add("date", text["Agenda.DateOutOfRange", AgendaFormat.Date(earliest), AgendaFormat.Date(latest)]);
            if (until is { } last && last < day) errors.Add("repeatUntil", text["Agenda.RepeatUntilBeforeStart", AgendaFormat.Date(day)]);
            if (start is { } s) errors.RefuseSkippedTime(text, "startTime", day, s);
            if (end is { } e) errors.RefuseSkippedTime(text, "endTime", day, e);
        }
        if (start is { } from && end is { } to && to <= from)
            errors.Add("endTime", text["Agenda.EndNotAfterStart", AgendaFormat.Time(from)]);
        if (errors.Any) return errors;

        appointment.Title = title;
        appointment.Place = place;
        appointment.Notes = notes;
        appointment.StartDate = date!.Value;
        appointment.StartTime = start!.Value;
        appointment.EndTime = end!.Value;
        appointment.RepeatsWeekly = weekly;
        appointment.RepeatUntil = until;
        appointment.Reschedule();

        if (request.AllowOverlap != true && await FindOverlapAsync(appointment, ct) is ({ } other, var on))
        {
            // Nothing of a refused change may linger in this request's unit of work.
            if (db.Entry(appointment).State != EntityState.Detached) await db.Entry(appointment).ReloadAsync(ct);
            return Refusal.Conflict(text["Agenda.Overlap", other.Title, AgendaFormat.When(other.StartUtcOn(on), other.EndUtcOn(on))]);
        }
        return null;
    }

    /// <summary>
    /// The first other appointment of the circle that is on at the same time. Appointments lie within one day, so
    /// only the same date can clash; two weekly series clash, if at all, within their first common week.
    /// </summary>
    private async Task<(Appointment, DateOnly)?> FindOverlapAsync(Appointment candidate, CancellationToken ct)
    {
        var others = db.Set<Appointment>().AsNoTracking()
            .Where(a => a.CircleId == candidate.CircleId && a.Id != candidate.Id)
            .Where(a => a.LastEndUtc == null || a.LastEndUtc > candidate.FirstStartUtc);
        if (candidate.LastEndUtc is { } lastEnd) others = others.Where(a => a.FirstStartUtc < lastEnd);
        foreach (var other in await others.OrderBy(a => a.FirstStartUtc).ToListAsync(ct))
        {
            var from = candidate.StartDate > other.StartDate ? candidate.StartDate : other.StartDate;
            var to = from.AddDays(6);
            if (candidate.LastDate is { } a && a < to) to = a;
            if (other.LastDate is { } b && b < to) to = b;
            foreach (var date in candidate.DatesBetween(from, to).Where(other.OccursOn))
                if (candidate.StartUtcOn(date) < other.EndUtcOn(date) && other.StartUtcOn(date) < candidate.EndUtcOn(date))
                    return (other, date);
        }
        return null;
    }

    private async Task<IReadOnlyList<OccurrenceResponse>> ExpandAsync(CircleMembership me, DateOnly from, DateOnly to, Guid? appointmentId, CancellationToken ct)
    {
        var (fromUtc, toUtc) = (WallClock.StartOfDayUtc(from), WallClock.StartOfDayUtc(to.AddDays(1)));
        var query = db.Set<Appointment>().AsNoTracking()
            .Where(a => a.CircleId == me.CircleId && a.FirstStartUtc < toUtc && (a.LastEndUtc == null || a.LastEndUtc > fromUtc));
        if (appointmentId is { } id) query = query.Where(a => a.Id == id);
        var appointments = await query.ToListAsync(ct);
        var ids = appointments.Select(a => a.Id).ToList();
        // Only people still in the circle are shown going along.
        var companions = (await db.Set<AppointmentCompanion>()
                .Where(c => ids.Contains(c.AppointmentId) && c.OccurrenceDate >= from && c.OccurrenceDate <= to
                    && db.Set<CircleMember>().Any(m => m.CircleId == me.CircleId && m.UserId == c.UserId))
                .Select(c => new { c.AppointmentId, c.OccurrenceDate, c.UserId, c.User!.DisplayName })
                .ToListAsync(ct))
            .ToLookup(c => (c.AppointmentId, c.OccurrenceDate), c => new CompanionResponse(c.UserId, c.DisplayName));

        return appointments
            .SelectMany(a => a.DatesBetween(from, to).Select(date =>
            {
                var going = companions[(a.Id, date)].OrderBy(c => c.DisplayName, StringComparer.CurrentCultureIgnoreCase).ToList();
                return new OccurrenceResponse(a.Id, a.CircleId, date, a.StartUtcOn(date).ToAmsterdam(), a.EndUtcOn(date).ToAmsterdam(),
                    a.Title, a.Place, a.Notes, a.RepeatsWeekly, going, going.Any(c => c.UserId == me.UserId));
            }))
            .OrderBy(o => o.Start).ThenBy(o => o.Title, StringComparer.CurrentCultureIgnoreCase)
            .ToList();
    }

    private Task<Appointment?> FindAsync(CircleMembership me, Guid appointmentId, CancellationToken ct) =>
        db.Set<Appointment>().SingleOrDefaultAsync(a => a.CircleId == me.CircleId && a.Id == appointmentId, ct);

    private async Task<AppointmentResponse> DescribeAsync(Appointment a, CancellationToken ct)
    {
        var createdBy = await db.Users.Where(u => u.Id == a.CreatedById).Select(u => u.DisplayName).SingleOrDefaultAsync(ct) ?? "";
        return new AppointmentResponse(a.Id, a.CircleId, a.Title, a.Place, a.Notes, a.StartDate,
            AgendaFormat.Time(a.StartTime), AgendaFormat.Time(a.EndTime), a.RepeatsWeekly, a.RepeatUntil,
            a.FirstStartUtc.ToAmsterdam(), a.EndUtcOn(a.StartDate).ToAmsterdam(), createdBy, a.UpdatedAt);
    }

    private Refusal NotFound() => Refusal.NotFound(text["Agenda.NotFound"]);
}
