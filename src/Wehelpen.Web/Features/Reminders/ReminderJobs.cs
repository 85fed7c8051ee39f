using Quartz;
using Wehelpen.Web.Features.Notifications;

namespace Wehelpen.Web.Features.Reminders;

/// <summary>Sends what is due, then sets its own next wake-up to the next reminder; then the mail of what it sent.</summary>
[DisallowConcurrentExecution]
public sealed class ReminderDispatchJob(ReminderDispatcher dispatcher, ReminderWake wake, NotificationMailer mailer, ILogger<ReminderDispatchJob> logger) : IJob
{
    public static readonly JobKey Key = new("reminder-dispatch", "reminders");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var result = await dispatcher.DispatchDueAsync(cancellationToken);
        if (result.NextDue is { } next) await wake.AtAsync(next, cancellationToken);
        if (result.Sent + result.Dropped > 0)
            logger.LogInformation("Reminders: {Sent} sent, {Dropped} dropped.", result.Sent, result.Dropped);
        if (result.Sent > 0) await mailer.SendPendingAsync(cancellationToken);
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

/// <summary>The mail outbox: sends what is waiting and retries what failed, every half minute.</summary>
[DisallowConcurrentExecution]
public sealed class NotificationMailJob(NotificationMailer mailer) : IJob
{
    public static readonly JobKey Key = new("notification-mail", "notifications");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default) =>
        await mailer.SendPendingAsync(cancellationToken);
}
