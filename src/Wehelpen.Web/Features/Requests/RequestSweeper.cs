using Microsoft.EntityFrameworkCore;
using Wehelpen.Web.Data;

namespace Wehelpen.Web.Features.Requests;

/// <summary>
/// What happens to requests by the clock alone: an open request whose time has passed expires; one that waited
/// long enough widens to the next audience; one the neighbourhood left alone goes to the buurtteam.
/// </summary>
public sealed class RequestSweeper(WehelpenDbContext db, RequestAccess access, RequestJournal journal, TimeProvider clock, ILogger<RequestSweeper> logger)
{
    private const int BatchSize = 100;

    /// <returns>How many changes were made.</returns>
    public async Task<int> SweepAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var changes = 0;
        while (true)
        {
            var due = await db.Set<HelpRequest>()
                .Where(r => r.Status == RequestStatus.Open && (r.EndsAt <= now || r.WidensAt <= now))
                .OrderBy(r => r.Id).Take(BatchSize).ToListAsync(ct);
            if (due.Count == 0) return changes;
            foreach (var request in due)
            {
                var policy = await access.PolicyAsync(request.CircleId, ct);
                // After a long pause (the app was down) a request may be several steps behind; catch up at once.
                while (RequestRules.Due(request, policy, now) is { } change)
                {
                    journal.Record(request, change, null, null, now);
                    changes++;
                }
                try
                {
                    await db.SaveChangesAsync(ct);
                }
                catch (DbUpdateConcurrencyException)
                {
                    // Someone claimed or cancelled it in the meantime: their change stands, the next sweep looks again.
                    logger.LogInformation("Request {RequestId} changed while it was being swept; left for the next sweep.", request.Id);
                }
                db.ChangeTracker.Clear();
            }
            if (due.Count < BatchSize) return changes;
        }
    }
}

/// <summary>Runs the sweep every minute (Requests:SweepSeconds) while the app runs, and once at start-up.</summary>
internal sealed class RequestSweepService(IServiceScopeFactory scopes, IConfiguration configuration, ILogger<RequestSweepService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromSeconds(Math.Max(1, configuration.GetValue("Requests:SweepSeconds", 60)));
        using var timer = new PeriodicTimer(interval);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var changes = await scope.ServiceProvider.GetRequiredService<RequestSweeper>().SweepAsync(stoppingToken);
                if (changes > 0) logger.LogInformation("Request sweep made {Changes} changes.", changes);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Request sweep failed; trying again in {Interval}.", interval);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
