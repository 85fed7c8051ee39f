using Microsoft.Extensions.Localization;
using Quartz;
using Quartz.Extensibility;
using Wehelpen.Web.Hosting;
using Wehelpen.Web.Localization;
using Wehelpen.Web.Platform.Audit;

namespace Wehelpen.Web.Features.Jobs;

/// <summary>
/// What the administrators see of the scheduler and may do to it: every job with its triggers, what runs now in
/// the cluster, the last run and the failed runs (Quartz's execution history, kept in the app's database by
/// UseExecutionHistory, so every node reads the same history); run a job now, and take a trigger out of ERROR.
/// Everything goes through Quartz's API, never its tables.
/// </summary>
public sealed class JobBoard(ISchedulerFactory schedulers, IExecutionHistoryStore history, AuditTrail audit, IStringLocalizer<SharedResource> text)
{
    /// <summary>How many failed runs are shown, over all jobs: enough to see a pattern, never the whole history.</summary>
    public const int FailuresShown = 50;

    public async Task<JobsResponse> ListAsync(CancellationToken ct)
    {
        var scheduler = await schedulers.GetScheduler(ct);
        var jobs = await scheduler.QueryJobs(new JobQuery { Take = PagedQuery.All }, ct);
        var triggers = await scheduler.QueryTriggers(new TriggerQuery { Take = PagedQuery.All }, ct);
        var running = await scheduler.QueryFireInstances(new FireInstanceQuery { State = FireInstanceState.Executing, Take = PagedQuery.All }, ct);
        var keys = jobs.Items.Select(j => j.Key).ToList();
        var statuses = keys.Count == 0 ? [] : (await history.QueryJobRunStatuses(
            new JobRunStatusQuery { SchedulerName = scheduler.SchedulerName, Jobs = keys, Take = PagedQuery.All }, ct)).Items;
        var failures = await history.QueryExecutions(new ExecutionHistoryQuery
        {
            SchedulerName = scheduler.SchedulerName, Results = [JobRunResult.Failed], FailedFinally = true, Take = FailuresShown,
        }, ct);

        var node = scheduler.SchedulerInstanceId;
        var list = jobs.Items.Select(job => new JobStatus(
            job.Key.Group, job.Key.Name, job.Description,
            triggers.Items.Where(t => job.Key.Equals(t.JobKey)).Select(t => new TriggerStatus(
                t.Key.Group, t.Key.Name, t.State.ToString(), t.NextFireTimeUtc?.ToAmsterdam(), t.PreviousFireTimeUtc?.ToAmsterdam())).ToList(),
            running.Items.Where(f => job.Key.Equals(f.JobKey)).Select(f => new RunningFiring(
                f.SchedulerInstanceId, f.SchedulerInstanceId == node, f.FireTimeUtc.ToAmsterdam())).ToList(),
            statuses.FirstOrDefault(s => job.Key.Equals(s.Job)) is { } s ? LastRun(s) : null,
            statuses.FirstOrDefault(s => job.Key.Equals(s.Job))?.ConsecutiveFailures ?? 0,
            failures.Items.Where(f => f.JobGroup == job.Key.Group && f.JobName == job.Key.Name).Select(Run).ToList())).ToList();
        return new JobsResponse(scheduler.Status.ToString(), node, list);
    }

    /// <summary>
    /// Fires the job once now, on whichever node picks it up (a retry of a failed run is just that: the jobs redo
    /// what is still due, and their unique keys keep what was done from being done twice). Quartz writes with its own
    /// connection, so the audit entry is saved just before and taken out again if Quartz fails.
    /// </summary>
    public async Task<Outcome<Done>> RunNowAsync(string adminId, string group, string name, CancellationToken ct)
    {
        var scheduler = await schedulers.GetScheduler(ct);
        var key = new JobKey(name, group);
        if (!await scheduler.Exists(key, ct)) return Refusal.NotFound(text["Jobs.NotFound"]);
        await audit.RecordAroundAsync(adminId, AuditActions.JobRun, AuditTargets.Job, $"{group}.{name}", async () =>
        {
            await scheduler.TriggerJob(key, new JobDataMap(), ct);
            return true;
        }, ct);
        return Done.Instance;
    }

    /// <summary>Takes a trigger out of ERROR: back to normal, or paused if its group is.</summary>
    public async Task<Outcome<Done>> ResetTriggerAsync(string adminId, string group, string name, CancellationToken ct)
    {
        var scheduler = await schedulers.GetScheduler(ct);
        var key = new TriggerKey(name, group);
        if (await scheduler.GetTriggerState(key, ct) == TriggerState.Error
            && await audit.RecordAroundAsync(adminId, AuditActions.JobTriggerReset, AuditTargets.Trigger, $"{group}.{name}",
                () => scheduler.ResetTriggerFromErrorState(key, ct).AsTask(), ct))
            return Done.Instance;
        return await scheduler.Exists(key, ct) ? Refusal.Conflict(text["Jobs.NotInError"]) : Refusal.NotFound(text["Jobs.NotFound"]);
    }

    private static JobRun LastRun(JobRunStatus s) => new(
        s.LastEntryId ?? "", s.LastFiredAtUtc.ToAmsterdam(), s.LastDuration, s.LastResult.ToString(),
        s.LastResult == JobRunResult.Failed ? s.LastFailureMessage : s.LastSummary, false, s.LastSchedulerInstanceId);

    private static JobRun Run(ExecutionHistoryEntry e) => new(
        e.EntryId ?? "", e.FiredAtUtc.ToAmsterdam(), e.Duration, e.EffectiveResult.ToString(), e.ExceptionMessage, e.Manual, e.SchedulerInstanceId);
}
