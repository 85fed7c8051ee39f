using Quartz;
using Wehelpen.Web.Platform.Scheduling;

namespace Wehelpen.Web.Features.Reminders;

/// <summary>
/// Makes the reminder dispatcher run when the next reminder falls due, moved earlier whenever something is planned
/// sooner. A minute's sweep trigger backs it up.
/// </summary>
public sealed class ReminderWake(JobWake wake)
{
    public static readonly TriggerKey NextKey = new("reminders-next", "reminders");

    public Task AtAsync(DateTimeOffset when, CancellationToken ct) => wake.AtAsync(NextKey, ReminderDispatchJob.Key, when, ct);
}
