using Microsoft.EntityFrameworkCore;
using Quartz;
using Wehelpen.Web.Data;
using Wehelpen.Web.Features.Matching;
using Wehelpen.Web.Features.Requests.Matching;
using Wehelpen.Web.Features.Notifications;

namespace Wehelpen.Web.Features.Requests;

/// <summary>
/// What happens to requests by the clock alone: an open request whose time has passed expires; one that waited
/// long enough widens to the next audience; in the neighbourhood, matching asks volunteers in waves
/// (<see cref="RequestWaves"/>), and one the neighbourhood left alone after the last wave goes to the buurtteam.
/// </summary>
public sealed class RequestSweeper(
    WehelpenDbContext db, RequestAccess access, RequestJournal journal, RequestWaves waves, MatchingRefresher matching, RequestNews live, Notifier notifier, RequestMetrics metrics, NotificationMailWake mail,
    TimeProvider clock, ILogger<RequestSweeper> logger)
{
    private const int BatchSize = 100;

    /// <summary>
    /// A request that has just opened to the neighbourhood (posted so, or widened by hand) asks its first wave now
    /// rather than at the next sweep, so that a volunteer online hears of it within a second. The sweep stays the
    /// backstop: when this fails (another node asked first, the database was busy) the next sweep asks the wave.
    /// Not cancelled with the poster's request: the request is saved, and its wave should not depend on their tab.
    /// </summary>
    public async Task AskFirstWaveAsync(Guid requestId)
    {
        try
        {
            var request = await db.Set<HelpRequest>()
                .SingleOrDefaultAsync(r => r.Id == requestId && r.Status == RequestStatus.Open && r.Audience == RequestAudience.Neighbourhood);
            if (request is null) return;
            if (await SweepAsync(request, clock.GetUtcNow(), CancellationToken.None) > 0) await mail.NowAsync(CancellationToken.None);
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "The first wave of request {RequestId} is left to the sweep.", requestId);
        }
    }

    /// <returns>How many changes were made.</returns>
    public async Task<int> SweepAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var changes = 0;
        // Looked at once per sweep: a request whose escalation waits for its waves stays due, and must not come round again.
        var swept = new HashSet<Guid>();
        while (true)
        {
            var asking = await waves.DueAsync(now, ct);
            var due = await db.Set<HelpRequest>()
                .Where(r => r.Status == RequestStatus.Open && (r.EndsAt <= now || r.WidensAt <= now || asking.Contains(r.Id)))
                .Where(r => !swept.Contains(r.Id))
                .OrderBy(r => r.Id).Take(BatchSize).ToListAsync(ct);
            if (due.Count == 0) return changes;
            foreach (var request in due)
            {
                swept.Add(request.Id);
                changes += await SweepAsync(request, now, ct);
            }
            if (due.Count < BatchSize) return changes;
        }
    }

    private async Task<int> SweepAsync(HelpRequest request, DateTimeOffset now, CancellationToken ct)
    {
        var policy = await access.PolicyAsync(request.CircleId, ct);
        var asked = await waves.AskedAsync(request.Id, ct);
        var changes = 0;
        var alerted = new List<AskedVolunteer>();
        var made = new List<(RequestChange Change, RequestAudience Audience)>();
        // After a long pause (the app was down) a request may be several steps behind; catch up at once.
        while (true)
        {
            if (RequestRules.Due(request, policy, now, waves.Finished(request, asked, now)) is { } change)
            {
                journal.Record(request, change, null, null, now);
                made.Add((change, request.Audience));
            }
            else if (waves.IsDue(request, asked, now))
                alerted.AddRange(await waves.AskAsync(request, asked, now, ct));
            else
                break;
            changes++;
        }
        if (changes == 0) return 0;
        try
        {
            // Kept in their notification centre and mailed, so a volunteer who is not online hears of it too; the
            // ones online get the live alert card as well. Only what the alert shows: no circle, no address.
            await notifier.AddAsync(alerted.Select(asked => new NewNotification(asked.VolunteerId, NotificationKind.HelpAsked,
                new NotificationData(request.Title, request.StartsAt ?? request.EndsAt, Place: request.Pc4, DistanceMetres: asked.DistanceMetres),
                $"/help/{request.Id}", $"asked:{request.Id:N}:{asked.VolunteerId}")).ToList(), now, ct);
            await db.SaveChangesAsync(ct);
            // The request moved on, and the volunteers asked have one alert more (fairness).
            var volunteers = alerted.Select(a => a.VolunteerId).ToList();
            await matching.ChangedAsync(volunteers, [request.Id]);
            foreach (var (change, audience) in made) metrics.Changed(change, audience);
            metrics.Alerted(alerted.Count);
            await live.RequestChangedAsync(request.Id);
            if (alerted.Count > 0) await live.AlertedAsync(request.Id, volunteers);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Someone claimed or cancelled it in the meantime: their change stands, the next sweep looks again.
            logger.LogInformation("Request {RequestId} changed while it was being swept; left for the next sweep.", request.Id);
        }
        catch (DbUpdateException e)
        {
            // Another sweep (another node) asked the same wave first; or a real fault. Either way the others go on.
            logger.LogWarning(e, "Request {RequestId} could not be saved by the sweep; left for the next sweep.", request.Id);
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
        return changes;
    }
}

/// <summary>
/// The sweep as a scheduled job: every minute (Requests:SweepSeconds), on one node at a time, and at once after a
/// start when the app was down at the time it was due.
/// </summary>
[DisallowConcurrentExecution]
internal sealed class RequestSweepJob(RequestSweeper sweeper, NotificationMailWake mail, ILogger<RequestSweepJob> logger) : IJob
{
    public static readonly JobKey Key = new("request-sweep", "requests");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var changes = await sweeper.SweepAsync(cancellationToken);
        if (changes == 0) return;
        logger.LogInformation("Request sweep made {Changes} changes.", changes);
        await mail.NowAsync(cancellationToken); // the volunteers a wave asked
    }
}
