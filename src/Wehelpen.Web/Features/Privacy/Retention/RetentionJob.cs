using Quartz;
using Quartz.Extensibility;

namespace Wehelpen.Web.Features.Privacy.Retention;

/// <summary>
/// Applies the retention periods (<see cref="RetentionRun"/>) every night, and once soon after start-up when the last
/// run that did its work is more than a day ago: Quartz replaces a job's triggers at every start-up, so a night the
/// app was down would otherwise simply be skipped.
/// </summary>
[DisallowConcurrentExecution]
public sealed class RetentionJob(RetentionRun run, IExecutionHistoryStore history) : IJob
{
    public static readonly JobKey Key = new("retention", "privacy");
    public static readonly TriggerKey NightlyTrigger = new("retention-nightly", "privacy");
    public static readonly TriggerKey StartUpTrigger = new("retention-after-start-up", "privacy");

    /// <summary>In Amsterdam: after the daylight-saving switches (02:00-03:00), before anyone is up.</summary>
    public static readonly TimeOnly At = new(3, 30);

    /// <summary>How long after start-up the catching-up run looks whether a night was missed.</summary>
    public static readonly TimeSpan AfterStartUp = TimeSpan.FromMinutes(2);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        if (StartUpTrigger.Equals(context.Trigger.Key))
        {
            var last = await history.QueryExecutions(new ExecutionHistoryQuery
            {
                SchedulerName = context.Scheduler.SchedulerName, Job = Key, Results = [JobRunResult.Succeeded], Take = 1,
            }, cancellationToken);
            if (!Missed(last.Items.FirstOrDefault()?.FiredAtUtc, context.FireTimeUtc))
            {
                context.Result = JobRunReport.Skipped("no night missed");
                return;
            }
        }

        var report = await run.RunAsync(cancellationToken);
        context.Result = report.Failed.Count == 0 ? JobRunReport.Succeeded(report.Summary) : JobRunReport.Failed(report.Summary);
        // Thrown, so that the run is a failure with a message on the admin page (the summary stays with it).
        if (report.Failed.Count > 0) throw new JobExecutionException($"Retention rules failed: {string.Join(", ", report.Failed)}");
    }

    /// <summary>Whether a night's run is missing: none that did its work, or the last one a day or more before <paramref name="now"/>.</summary>
    public static bool Missed(DateTimeOffset? lastRun, DateTimeOffset now) => lastRun is not { } last || now - last >= TimeSpan.FromDays(1);
}
