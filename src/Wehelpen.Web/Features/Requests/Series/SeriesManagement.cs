using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Wehelpen.Web.Data;
using Wehelpen.Web.Features.Circles;
using Wehelpen.Web.Features.Requests.Series.Regulars;
using Wehelpen.Web.Hosting;

namespace Wehelpen.Web.Features.Requests.Series;

/// <summary>
/// A series as the circle sees it, and changing or stopping it from a date on. The past (before that date) is never
/// touched. Someone outside the circle gets the same answer as for a series that does not exist.
/// </summary>
public sealed class SeriesManagement(
    WehelpenDbContext db, SeriesStarting starting, SeriesOccurrences occurrences, RequestLifecycle lifecycle, RegularMoves regulars, RegularNotices notices,
    TimeProvider clock, IStringLocalizer<SharedResource> text, ILogger<SeriesManagement> logger)
{
    public async Task<SeriesResponse?> GetAsync(string userId, Guid seriesId, CancellationToken ct) =>
        await FindAsync(userId, seriesId, ct) is var (series, _) ? await DescribeAsync(series, ct) : null;

    /// <summary>
    /// No occurrence from <see cref="StopSeriesInput.From"/> on. The ones already made from then on, open or taken
    /// on, are cancelled through the usual path, so whoever was asked or had taken one on hears it as for any
    /// cancelled request.
    /// </summary>
    public async Task<Outcome<SeriesResponse>> StopAsync(string userId, Guid seriesId, StopSeriesInput input, CancellationToken ct)
    {
        if (await FindAsync(userId, seriesId, ct) is not var (series, me)) return NotFound();
        if (Refuse(series, me) is { } refusal) return refusal;
        var errors = new FieldErrors();
        var from = From(input.From, errors);
        var reason = errors.Optional(text, "reason", input.Reason, RequestEvent.ReasonMaxLength);
        if (errors.Any) return errors;

        if (series.StoppedFrom is null || series.StoppedFrom > from) series.StoppedFrom = from;
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        var cancelled = await CancelFromAsync(userId, seriesId, from!.Value, [RequestStatus.Open, RequestStatus.Claimed], reason ?? text["Series.StoppedReason"], ct);
        logger.LogInformation("Series {SeriesId} stopped; {Cancelled} occurrences cancelled.", seriesId, cancelled);
        return await DescribeAsync(series, ct);
    }

    /// <summary>
    /// From <see cref="ChangeSeriesInput.From"/> on the series goes on as a new one: this one stops the day before,
    /// its open occurrences from then on are cancelled (the new series makes them again as they are now); the ones
    /// someone had taken on keep their helper and their time, move to the new series, and are listed to talk over.
    /// The stop, the move, the new series and its first occurrence are one save.
    /// </summary>
    public async Task<Outcome<SeriesChanged>> ChangeFromAsync(string userId, Guid seriesId, ChangeSeriesInput input, CancellationToken ct)
    {
        if (await FindAsync(userId, seriesId, ct) is not var (old, me)) return NotFound();
        if (Refuse(old, me) is { } refusal) return refusal;
        var errors = new FieldErrors();
        var from = From(input.From, errors);
        if (input.Request is null) errors.Add("request", text["Series.RequestRequired"]);
        if (errors.Any) return errors;
        var day = from!.Value < old.FirstDate ? old.FirstDate : from.Value;
        if (old.StoppedFrom is { } stopped && stopped <= day) return errors.Add("from", text["Series.AlreadyEnded"]);

        var request = input.Request! with { AppointmentId = null, OfferId = null };
        RequestSeries next;
        if (request.Repeat is { } repeat) next = starting.Rule(repeat, day, errors);
        else
        {
            next = new RequestSeries { Frequency = old.Frequency, Weekdays = old.Weekdays, DayOfMonth = old.DayOfMonth, UntilDate = old.UntilDate, FirstDate = day };
            // Every two weeks keeps its weeks: the new series starts on the old one's next date, in one of its weeks.
            if (old.Frequency == SeriesFrequency.EveryTwoWeeks) next.FirstDate = SeriesRule.Dates(old).FirstOrDefault(d => d >= day, day);
            if (old.Times is { } times) next.Times = times - SeriesRule.CountBefore(old, day);
            if (next.Times <= 0 || (next.UntilDate is { } until && until < day)) errors.Add("from", text["Series.AlreadyEnded"]);
        }
        if (errors.Any) return errors;

        var later = await db.Set<HelpRequest>().Where(r => r.SeriesId == old.Id && r.OccurrenceOn >= day).ToListAsync(ct);
        var kept = later.Where(r => r.Status == RequestStatus.Claimed).ToList();
        foreach (var r in kept) r.SeriesId = next.Id; // their claim and time stand; not a change of the request's lifecycle
        old.StoppedFrom = day;
        var moved = await regulars.MoveAsync(old, next, await db.Users.Where(u => u.Id == userId).Select(u => u.DisplayName).SingleAsync(ct), ct);
        var first = await starting.PostFirstOccurrenceAsync(Asker(old, me), request with { Repeat = null }, next,
            kept.Select(r => r.OccurrenceOn!.Value).ToHashSet(), moved.GoingOn, ct);
        if (first.Value is null)
        {
            db.ChangeTracker.Clear();
            return first.Errors is { } e ? e : first.Refusal!;
        }
        db.ChangeTracker.Clear();
        await notices.AnnounceAsync(moved.Told);

        var cancelled = await CancelFromAsync(userId, old.Id, day, [RequestStatus.Open], text["Series.ChangedReason"], ct);
        await occurrences.TopUpAsync(next.Id, ct);
        logger.LogInformation("Series {SeriesId} changed into {NewSeriesId}: {Kept} kept with their helper, {Cancelled} cancelled.", old.Id, next.Id, kept.Count, cancelled);
        var described = await DescribeAsync(next, ct);
        return new SeriesChanged(described, described.Occurrences.Where(o => kept.Any(k => k.Id == o.RequestId)).ToList(), cancelled);
    }

    private async Task<int> CancelFromAsync(string userId, Guid seriesId, DateOnly from, RequestStatus[] statuses, string reason, CancellationToken ct)
    {
        var ids = await db.Set<HelpRequest>().Where(r => r.SeriesId == seriesId && r.OccurrenceOn >= from && statuses.Contains(r.Status))
            .OrderBy(r => r.OccurrenceOn).Select(r => r.Id).ToListAsync(ct);
        var cancelled = 0;
        foreach (var id in ids)
            if ((await lifecycle.CancelAsync(userId, id, new CancelRequest(reason), ct)).Value is not null) cancelled++;
        return cancelled;
    }

    private DateOnly? From(DateOnly? from, FieldErrors errors)
    {
        if (from is null) errors.Add("from", text["Series.FromRequired"]);
        else if (from < clock.AmsterdamToday()) errors.Add("from", text["Series.FromInThePast"]);
        return from;
    }

    /// <summary>The series (tracked) and the caller's membership of its circle; null for a stranger as for a made-up id.</summary>
    private async Task<(RequestSeries Series, CircleMember Me)?> FindAsync(string userId, Guid seriesId, CancellationToken ct)
    {
        var series = await db.Set<RequestSeries>().SingleOrDefaultAsync(s => s.Id == seriesId, ct);
        if (series is null) return null;
        var me = await db.Set<CircleMember>().AsNoTracking().SingleOrDefaultAsync(m => m.CircleId == series.CircleId && m.UserId == userId, ct);
        return me is null ? null : (series, me);
    }

    /// <summary>Changing or stopping is for whoever asked, the hoofdpersoon and the coördinators, as cancelling a request is.</summary>
    private Refusal? Refuse(RequestSeries series, CircleMember me) =>
        me.UserId == series.RequestedById || CircleMember.CanManage(me.Role) ? null : Refusal.Forbidden(text["Series.OnlyRequester"]);

    private static CircleMembership Asker(RequestSeries series, CircleMember me) => new(series.CircleId, "", "", me.UserId, me.Role);

    private Refusal NotFound() => Refusal.NotFound(text["Series.NotFound"]);

    private async Task<SeriesResponse> DescribeAsync(RequestSeries s, CancellationToken ct)
    {
        var made = await db.Set<HelpRequest>().AsNoTracking().Where(r => r.SeriesId == s.Id).OrderBy(r => r.OccurrenceOn)
            .Select(r => new SeriesOccurrenceResponse(r.Id, r.OccurrenceOn!.Value, r.Status, r.ClaimedBy == null ? null : r.ClaimedBy.DisplayName))
            .ToListAsync(ct);
        return new SeriesResponse(s.Id, s.CircleId, s.Title, s.Category, s.Audience, s.Flexible, s.StartTime, s.EndTime,
            s.Frequency, s.Days.Order().ToList(), s.DayOfMonth, s.FirstDate, s.UntilDate, s.Times, s.StoppedFrom, made);
    }
}
