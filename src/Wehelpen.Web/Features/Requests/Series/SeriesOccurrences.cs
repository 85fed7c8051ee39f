using Microsoft.EntityFrameworkCore;
using Quartz;
using Wehelpen.Web.Data;
using Wehelpen.Web.Features.Circles;
using Wehelpen.Web.Features.Requests.Series.Regulars;
using Wehelpen.Web.Hosting;

namespace Wehelpen.Web.Features.Requests.Series;

public sealed class SeriesOptions
{
    /// <summary>How far ahead occurrences are made, in days: far enough to plan, near enough that a change is seldom needed.</summary>
    public int HorizonDays { get; set; } = 28;
}

/// <summary>
/// Makes the occurrences of series up to the horizon, each posted as any request is (matching, waves, reminders and
/// chat apply unchanged). Idempotent: a date that already has its occurrence (in any state) is left alone, and two
/// nodes making the same one at once are stopped by the unique (series, date) index. Logs ids and counts only.
/// </summary>
public sealed class SeriesOccurrences(
    WehelpenDbContext db, RequestPosting posting, SeriesOptions options, TimeProvider clock, ILogger<SeriesOccurrences> logger)
{
    /// <returns>How many occurrences were made.</returns>
    public async Task<int> TopUpAsync(Guid? only, CancellationToken ct)
    {
        var today = clock.AmsterdamToday();
        var horizon = today.AddDays(Math.Max(1, options.HorizonDays));
        var active = await db.Set<RequestSeries>().AsNoTracking()
            .Where(s => only == null || s.Id == only)
            .Where(s => (s.StoppedFrom == null || s.StoppedFrom > today) && (s.UntilDate == null || s.UntilDate >= today) && s.FirstDate <= horizon)
            .OrderBy(s => s.Id).ToListAsync(ct);
        var ids = active.Select(s => s.Id).ToList();
        var regulars = (await db.Set<RegularVolunteer>().AsNoTracking()
            .Where(r => ids.Contains(r.SeriesId) && r.Status == RegularStatus.Accepted).ToListAsync(ct)).ToLookup(r => r.SeriesId);
        var made = 0;
        foreach (var series in active)
        {
            var dates = SeriesRule.Between(series, today, horizon).ToList();
            if (dates.Count == 0) continue;
            var existing = (await db.Set<HelpRequest>().Where(r => r.SeriesId == series.Id && r.OccurrenceOn >= today)
                .Select(r => r.OccurrenceOn!.Value).ToListAsync(ct)).ToHashSet();
            foreach (var date in dates.Where(d => !existing.Contains(d) && !IsOver(series, d)))
                if (await MakeAsync(series, date, regulars[series.Id].FirstOrDefault(r => r.Covers(date))?.VolunteerId, ct)) made++;
        }
        if (made > 0) logger.LogInformation("Made {Count} occurrences of {Series} series.", made, active.Count);
        return made;
    }

    /// <summary>Today's occurrence whose time has already gone by is not made: nobody could help with it.</summary>
    private bool IsOver(RequestSeries s, DateOnly date) =>
        (s.Flexible ? WallClock.StartOfDayUtc(date.AddDays(1)) : WallClock.ToUtc(date, s.EndTime!.Value)) <= clock.GetUtcNow();

    /// <param name="regularId">The regular volunteer whose day it is: the occurrence is made theirs.</param>
    private async Task<bool> MakeAsync(RequestSeries series, DateOnly date, string? regularId, CancellationToken ct)
    {
        var asker = new CircleMembership(series.CircleId, "", "", series.RequestedById, CircleRole.Member);
        var occurrence = new SeriesOccurrence(series, date, IsNew: false, regularId);
        try
        {
            var outcome = await posting.PostOccurrenceAsync(asker, Input(series, date, series.Audience), occurrence, ct);
            // The one it was meant for left the circle: the occurrence goes to the whole circle, as a given-back task does.
            if (outcome.Errors?.ToDictionary().ContainsKey("addressedToId") == true)
                outcome = await posting.PostOccurrenceAsync(asker, Input(series, date, RequestAudience.Circle), occurrence, ct);
            if (outcome.Value is not null) return true;
            logger.LogWarning("Occurrence {Date} of series {SeriesId} not made: {Fields}.", date, series.Id,
                string.Join(", ", outcome.Errors?.ToDictionary().Keys ?? [outcome.Refusal?.Status.ToString() ?? ""]));
        }
        catch (DbUpdateException)
        {
            logger.LogInformation("Occurrence {Date} of series {SeriesId} was made meanwhile (another node).", date, series.Id);
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
        return false;
    }

    private static HelpRequestInput Input(RequestSeries s, DateOnly date, RequestAudience audience) => new(
        s.Category, s.Title, s.Description,
        s.Flexible, s.Flexible ? null : date, s.StartTime, s.EndTime, s.Flexible ? date : null,
        s.Postcode, s.Address, s.ContactPhone,
        audience, audience == RequestAudience.Person ? s.AddressedToId : null);
}

/// <summary>Every night, the series are topped up to the horizon (on one node at a time; running twice makes nothing twice).</summary>
[DisallowConcurrentExecution]
internal sealed class SeriesOccurrencesJob(SeriesOccurrences occurrences) : IJob
{
    public static readonly JobKey Key = new("request-series", "requests");

    /// <summary>Amsterdam time, outside the hour a change of summer time skips or repeats.</summary>
    public static readonly TimeOnly At = new(4, 15);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default) =>
        await occurrences.TopUpAsync(null, cancellationToken);
}
