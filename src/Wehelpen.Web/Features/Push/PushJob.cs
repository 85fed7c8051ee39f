using Quartz;
using Wehelpen.Web.Platform.Scheduling;

namespace Wehelpen.Web.Features.Push;

/// <summary>The push outbox: sends what is due, every half minute, and when woken; then sets the next wake-up.</summary>
[DisallowConcurrentExecution]
public sealed class PushJob(PushSender sender, PushWake wake) : IJob
{
    public static readonly JobKey Key = new("push", "push");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        await sender.SendDueAsync(cancellationToken);
        // The end of someone's quiet hours, or a retry's pause, to the second rather than the next half minute.
        if (await sender.NextDueAsync(cancellationToken) is { } next) await wake.AtAsync(next, cancellationToken);
    }
}

/// <summary>
/// Makes the push outbox run now (after a commit that queued pushes) or at a given moment; one trigger each. Nothing
/// when pushes are off on this server: no trigger is stored for an outbox that stays empty.
/// </summary>
public sealed class PushWake(JobWake wake, Microsoft.Extensions.Options.IOptions<PushOptions> options)
{
    public static readonly TriggerKey NowKey = new("push-now", "push");
    public static readonly TriggerKey LaterKey = new("push-later", "push");

    public Task NowAsync(CancellationToken ct = default) =>
        options.Value.Enabled ? wake.NowAsync(NowKey, PushJob.Key, ct) : Task.CompletedTask;

    public Task AtAsync(DateTimeOffset when, CancellationToken ct = default) =>
        options.Value.Enabled ? wake.AtAsync(LaterKey, PushJob.Key, when, ct) : Task.CompletedTask;
}
