using Quartz;
using Wehelpen.Web.Features.Scheduling;

namespace Wehelpen.Web.Features.Notifications;

/// <summary>
/// Makes the mail outbox (<see cref="NotificationMailJob"/>) run now, on a scheduler thread of its own, instead of in
/// the job that made the notifications: the reminder dispatcher hands the mail over and is free for the next due
/// reminders. One trigger, kept while it has not fired (Quartz holds it back while the mail job runs and fires it once
/// after), so many wake-ups in a row make one extra run; the half-minute trigger backs it up.
/// </summary>
public sealed class NotificationMailWake(ISchedulerFactory schedulers, SchedulingSettings options, ILogger<NotificationMailWake> logger)
{
    public static readonly TriggerKey NowKey = new("notification-mail-now", "notifications");

    public async Task NowAsync(CancellationToken ct)
    {
        if (!options.Enabled) return;
        try
        {
            var scheduler = await schedulers.GetScheduler(ct);
            var trigger = TriggerBuilder.Create().WithIdentity(NowKey).ForJob(NotificationMailJob.Key).StartNow()
                .WithSimpleSchedule(s => s.WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow))
                .Build();
            await scheduler.ScheduleTrigger(trigger, TriggerConflict.KeepEarlier, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The half-minute trigger sends it anyway.
            logger.LogWarning(e, "Could not wake the mail outbox.");
        }
    }
}
