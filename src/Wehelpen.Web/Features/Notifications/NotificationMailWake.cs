using Quartz;
using Wehelpen.Web.Platform.Scheduling;

namespace Wehelpen.Web.Features.Notifications;

/// <summary>
/// Makes the mail outbox (<see cref="NotificationMailJob"/>) run now, on a scheduler thread of its own, instead of in
/// the job that made the notifications: the reminder dispatcher hands the mail over and is free for the next due
/// reminders. One trigger, kept while it has not fired (Quartz holds it back while the mail job runs and fires it once
/// after), so many wake-ups in a row make one extra run; the half-minute trigger backs it up.
/// </summary>
public sealed class NotificationMailWake(JobWake wake)
{
    public static readonly TriggerKey NowKey = new("notification-mail-now", "notifications");

    public Task NowAsync(CancellationToken ct) => wake.NowAsync(NowKey, NotificationMailJob.Key, ct);
}
