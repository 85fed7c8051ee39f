using Quartz;

namespace Wehelpen.Web.Platform.Scheduling;

/// <summary>
/// Makes a job run at a moment, through one named one-shot trigger that only ever moves earlier: Quartz keeps the
/// earlier of two under its own lock (also across nodes), and one that has not fired yet absorbs any number of
/// wake-ups. Each job that is woken this way also has a periodic trigger, so a wake-up that fails is only late.
/// </summary>
public sealed class JobWake(ISchedulerFactory schedulers, SchedulingSettings options, ILogger<JobWake> logger)
{
    public Task NowAsync(TriggerKey trigger, JobKey job, CancellationToken ct) => AtAsync(trigger, job, TimeProvider.System.GetUtcNow(), ct);

    public async Task AtAsync(TriggerKey trigger, JobKey job, DateTimeOffset when, CancellationToken ct)
    {
        if (!options.Enabled) return;
        try
        {
            var scheduler = await schedulers.GetScheduler(ct);
            // A moment already past (a reminder that fell due while the app was down) means now: a trigger stored in
            // the past waits for Quartz's misfire handler instead of firing. Quartz fires on the system clock.
            var now = TimeProvider.System.GetUtcNow();
            var oneShot = TriggerBuilder.Create().WithIdentity(trigger).ForJob(job).StartAt(when > now ? when : now)
                .WithSimpleSchedule(s => s.WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow))
                .Build();
            await scheduler.ScheduleTrigger(oneShot, TriggerConflict.KeepEarlier, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Could not wake job {Job} for {When}; its periodic trigger runs it later.", job, when);
        }
    }
}
