using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Wehelpen.Web.Data;
using Wehelpen.Web.Features.Circles;
using Wehelpen.Web.Features.Notifications;
using Wehelpen.Web.Hosting;

namespace Wehelpen.Web.Features.Requests.Series.Regulars;

/// <summary>
/// A volunteer offers to take a series (or some of its weekdays) on; the circle accepts or declines; either side
/// ends it. Accepting hands the open occurrences still to come on those days to the volunteer; ending gives back
/// the ones of theirs still to come, so that they go out as any request does. See docs/decisions/regular-volunteer.md.
/// </summary>
public sealed class RegularArrangements(
    WehelpenDbContext db, RegularQueries queries, RegularNotices notices, RequestLifecycle lifecycle,
    TimeProvider clock, IStringLocalizer<SharedResource> text, ILogger<RegularArrangements> logger)
{
    public async Task<Outcome<RegularResponse>> OfferAsync(string userId, Guid requestId, RegularOfferInput input, CancellationToken ct)
    {
        if (await queries.ChoiceAsync(userId, requestId, ct) is not { } choice) return Refusal.NotFound(text["Request.NotFound"]);
        if (!choice.SeriesGoesOn) return Refusal.Conflict(text["Regular.SeriesOver"]);
        if (choice.Mine is { Status: RegularStatus.Offered or RegularStatus.Accepted } mine)
            return Refusal.Conflict(text[$"Regular.Already.{mine.Status}"]);
        var days = (input.Days ?? []).Distinct().ToList();
        var errors = new FieldErrors();
        if (days.Any(d => !Enum.IsDefined(d) || !choice.SeriesDays.Contains(d)))
            errors.Add("days", text["Regular.DaysNotInSeries"]);
        else if (days.Count == 0 ? !choice.AllFree : days.Any(choice.TakenDays.Contains))
            errors.Add("days", text["Regular.DaysTaken"]);
        if (errors.Any) return errors;

        var now = clock.GetUtcNow();
        var regular = new RegularVolunteer
        {
            SeriesId = choice.SeriesId,
            CircleId = await db.Set<RequestSeries>().Where(s => s.Id == choice.SeriesId).Select(s => s.CircleId).SingleAsync(ct),
            VolunteerId = userId,
            // Every day of the series is the whole series: it also takes days a later change adds.
            Weekdays = days.Count == choice.SeriesDays.Count ? 0 : RequestSeries.BitsOf(days),
            Status = RegularStatus.Offered,
            OfferedAt = now,
        };
        db.Add(regular);
        await db.Entry(regular).Reference(r => r.Series).LoadAsync(ct);
        await db.Entry(regular).Reference(r => r.Volunteer).LoadAsync(ct);
        var told = await notices.ToCircleAsync(regular, NotificationKind.RegularOffered, now, ct);
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        await notices.AnnounceAsync(told);
        logger.LogInformation("Regular volunteer {RegularId} offered for series {SeriesId}.", regular.Id, regular.SeriesId);
        return RegularQueries.Describe(regular);
    }

    /// <summary>The circle's answer: whoever asked the series, the hoofdpersoon or a coördinator.</summary>
    public async Task<Outcome<RegularResponse>> AnswerAsync(string userId, Guid regularId, bool accept, CancellationToken ct)
    {
        if (await queries.FindAsync(userId, regularId, ct) is not var (regular, role)) return NotFound();
        if (!MayManage(regular, role, userId)) return Refusal.Forbidden(text["Regular.OnlyManagers"]);
        if (regular.Status != RegularStatus.Offered) return Refusal.Conflict(text[$"Regular.NotOffered.{regular.Status}"]);
        if (accept && await TakenByOtherAsync(regular, ct)) return Refusal.Conflict(text["Regular.DaysTakenMeanwhile"]);

        var now = clock.GetUtcNow();
        (regular.Status, regular.AnsweredAt) = (accept ? RegularStatus.Accepted : RegularStatus.Declined, now);
        regular.Version++;
        var told = await notices.ToVolunteerAsync(regular, accept ? NotificationKind.RegularAccepted : NotificationKind.RegularDeclined, await NameAsync(userId, ct), now, ct);
        if (await SaveAsync(told, ct) is { } conflict) return conflict;

        var handed = 0;
        if (accept)
            foreach (var id in await OccurrencesAsync(regular, RequestStatus.Open, null, ct))
                if (await lifecycle.HandToRegularAsync(regular.VolunteerId, id, text["Regular.JournalReason"], ct)) handed++;
        logger.LogInformation("Regular volunteer {RegularId} {Answer}; {Handed} occurrences handed over.", regularId, regular.Status, handed);
        return RegularQueries.Describe(regular, handed);
    }

    /// <summary>
    /// Either side ends it (the volunteer may also take back an offer). Their occurrences still to come go out
    /// again through the usual give-back, with the reason, so the circle and the neighbourhood hear as always.
    /// </summary>
    public async Task<Outcome<RegularResponse>> EndAsync(string userId, Guid regularId, CancellationToken ct)
    {
        if (await queries.FindAsync(userId, regularId, ct) is not var (regular, role)) return NotFound();
        var byVolunteer = regular.VolunteerId == userId;
        if (!byVolunteer && !MayManage(regular, role, userId)) return Refusal.Forbidden(text["Regular.OnlyManagers"]);
        if (!regular.IsLive) return Refusal.Conflict(text[$"Regular.NotLive.{regular.Status}"]);

        var now = clock.GetUtcNow();
        var wasAccepted = regular.Status == RegularStatus.Accepted;
        (regular.Status, regular.EndedAt, regular.EndedBy) = (RegularStatus.Ended, now, byVolunteer ? RegularSide.Volunteer : RegularSide.Circle);
        regular.Version++;
        var told = byVolunteer
            ? await notices.ToCircleAsync(regular, NotificationKind.RegularEnded, now, ct)
            : await notices.ToVolunteerAsync(regular, NotificationKind.RegularEnded, await NameAsync(userId, ct), now, ct);
        if (await SaveAsync(told, ct) is { } conflict) return conflict;

        var givenBack = 0;
        if (wasAccepted)
        {
            var reason = text[byVolunteer ? "Regular.EndedReason.Volunteer" : "Regular.EndedReason.Circle"];
            foreach (var id in await OccurrencesAsync(regular, RequestStatus.Claimed, regular.VolunteerId, ct))
                if ((await lifecycle.GiveBackAsync(regular.VolunteerId, id, new GiveBackRequest(reason), ct)).Value is not null) givenBack++;
        }
        logger.LogInformation("Regular volunteer {RegularId} ended by the {Side}; {GivenBack} occurrences given back.", regularId, regular.EndedBy, givenBack);
        return RegularQueries.Describe(regular, givenBack);
    }

    private static bool MayManage(RegularVolunteer regular, CircleRole? role, string userId) =>
        role is { } r && (CircleMember.CanManage(r) || regular.Series!.RequestedById == userId);

    private Task<bool> TakenByOtherAsync(RegularVolunteer regular, CancellationToken ct) =>
        db.Set<RegularVolunteer>().AsNoTracking()
            .Where(r => r.SeriesId == regular.SeriesId && r.Id != regular.Id && r.Status == RegularStatus.Accepted)
            .AnyAsync(r => r.Weekdays == 0 || regular.Weekdays == 0 || (r.Weekdays & regular.Weekdays) != 0, ct);

    /// <summary>The series' occurrences still to come, in a state, on the arrangement's days, in date order.</summary>
    private async Task<List<Guid>> OccurrencesAsync(RegularVolunteer regular, RequestStatus status, string? claimedBy, CancellationToken ct)
    {
        var today = clock.AmsterdamToday();
        var rows = await db.Set<HelpRequest>().AsNoTracking()
            .Where(r => r.SeriesId == regular.SeriesId && r.OccurrenceOn >= today && r.Status == status && (claimedBy == null || r.ClaimedById == claimedBy))
            .Select(r => new { r.Id, On = r.OccurrenceOn!.Value, Starts = r.StartsAt ?? r.EndsAt }).ToListAsync(ct);
        var now = clock.GetUtcNow();
        return rows.Where(r => regular.Covers(r.On) && r.Starts > now).OrderBy(r => r.On).Select(r => r.Id).ToList();
    }

    /// <returns>A refusal when someone else answered or ended it in between.</returns>
    private async Task<Refusal?> SaveAsync(IReadOnlyList<Notification> told, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Refusal.Conflict(text["Regular.ChangedMeanwhile"]);
        }
        db.ChangeTracker.Clear();
        await notices.AnnounceAsync(told);
        return null;
    }

    private Task<string> NameAsync(string userId, CancellationToken ct) =>
        db.Users.Where(u => u.Id == userId).Select(u => u.DisplayName).SingleAsync(ct);

    private Refusal NotFound() => Refusal.NotFound(text["Regular.NotFound"]);
}
