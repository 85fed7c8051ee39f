using Quartz;

namespace Wehelpen.Web.Features.Notifications;

/// <summary>The mail outbox: sends what is waiting and retries what failed, every half minute.</summary>
[DisallowConcurrentExecution]
public sealed class NotificationMailJob(NotificationMailer mailer) : IJob
{
    public static readonly JobKey Key = new("notification-mail", "notifications");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default) =>
        await mailer.SendPendingAsync(cancellationToken);
}
