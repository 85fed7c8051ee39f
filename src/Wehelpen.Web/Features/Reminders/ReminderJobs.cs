using System.Diagnostics;
using Quartz;
using Wehelpen.Web.Features.Notifications;

namespace Wehelpen.Web.Features.Reminders;

/// <summary>
/// Sends what is due, then sets its own next wake-up to the next reminder, and wakes the mail outbox for what it sent:
/// the mail goes out on another scheduler thread, so that sending it does not hold up the next due reminders.
/// </summary>
[DisallowConcurrentExecution]
public sealed class ReminderDispatchJob(ReminderDispatcher dispatcher, ReminderWake wake, NotificationMailWake mail, ILogger<ReminderDispatchJob> logger) : IJob
{
    public static readonly JobKey Key = new("reminder-dispatch", "reminders");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var started = Stopwatch.GetTimestamp();
        var result = await dispatcher.DispatchDueAsync(cancellationToken);
        var dispatched = Stopwatch.GetTimestamp();
        if (result.NextDue is { } next) await wake.AtAsync(next, cancellationToken);
        var woken = Stopwatch.GetTimestamp();
        if (result.Sent + result.Dropped > 0)
            logger.LogInformation("Reminders: {Sent} sent, {Dropped} dropped.", result.Sent, result.Dropped);
        if (result.Sent > 0) await mail.NowAsync(cancellationToken);
        // Where a run's time goes, for the reminders benchmark (which turns this category up to Debug): the wait
        // from the trigger's time until the job started, the dispatching, the next wake-up, waking the mail.
        if (logger.IsEnabled(LogLevel.Debug))
            logger.LogDebug("Dispatch run: late {LateMs:0.0} ms, dispatch {DispatchMs:0.0} ms, wake {WakeMs:0.0} ms, mail woken in {MailMs:0.0} ms.",
                (DateTimeOffset.UtcNow - context.ScheduledFireTimeUtc.GetValueOrDefault(context.FireTimeUtc)).TotalMilliseconds - Stopwatch.GetElapsedTime(started).TotalMilliseconds,
                Stopwatch.GetElapsedTime(started, dispatched).TotalMilliseconds, Stopwatch.GetElapsedTime(dispatched, woken).TotalMilliseconds,
                Stopwatch.GetElapsedTime(woken).TotalMilliseconds);
    }
}

/// <summary>Plans reminders ahead (hourly and at start-up), so weekly series and anything missed are covered.</summary>
[DisallowConcurrentExecution]
public sealed class ReminderPlanningJob(ReminderPlanner planner, ILogger<ReminderPlanningJob> logger) : IJob
{
    public static readonly JobKey Key = new("reminder-planning", "reminders");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var added = await planner.PlanAheadAsync(cancellationToken);
        if (added > 0) logger.LogInformation("Planned {Count} reminders ahead.", added);
    }
}
