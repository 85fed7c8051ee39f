using Quartz;
using Wehelpen.Web.Features.Scheduling;

namespace Wehelpen.Web.Features.Reminders;

/// <summary>
/// Makes the reminder dispatcher run when the next reminder falls due: one trigger, moved earlier whenever
/// something is planned sooner (Quartz keeps the earlier of two, under its own lock, also across nodes). A
/// minute's sweep trigger backs it up.
/// </summary>
public sealed class ReminderWake(ISchedulerFactory schedulers, SchedulingSettings options, ILogger<ReminderWake> logger)
{
    public static readonly TriggerKey NextKey = new("reminders-next", "reminders");

    public async Task AtAsync(DateTimeOffset when, CancellationToken ct)
    {
        if (!options.Enabled) return;
        try
        {
            var scheduler = await schedulers.GetScheduler(ct);
            // A moment already past (a reminder that fell due while the app was down) means now: a trigger stored in
            // the past waits for Quartz's misfire handler instead of firing. Quartz fires on the system clock.
            var now = TimeProvider.System.GetUtcNow();
            var trigger = TriggerBuilder.Create().WithIdentity(NextKey).ForJob(ReminderDispatchJob.Key).StartAt(when > now ? when : now)
                .WithSimpleSchedule(s => s.WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow))
                .Build();
            await scheduler.ScheduleTrigger(trigger, TriggerConflict.KeepEarlier, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The sweep trigger runs the dispatcher within a minute anyway.
            logger.LogWarning(e, "Could not wake the reminder dispatcher for {When}.", when);
        }
    }
}
