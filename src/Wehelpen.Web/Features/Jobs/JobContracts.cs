namespace Wehelpen.Web.Features.Jobs;

/// <summary>One trigger of a job. Times are Amsterdam time (with their offset), as the admin reads them.</summary>
/// <param name="State">Quartz's trigger state: Normal, Paused, Complete, Error, Blocked, None, Executing, Awaiting.</param>
public sealed record TriggerStatus(string Group, string Name, string State, DateTimeOffset? NextFireTime, DateTimeOffset? PreviousFireTime);

/// <summary>A firing in progress somewhere in the cluster.</summary>
public sealed record RunningFiring(string Node, bool ThisNode, DateTimeOffset FiredAt);

/// <param name="Result">Succeeded, Failed, Cancelled or Skipped.</param>
/// <param name="Manual">Asked for with "run now" rather than fired by a trigger.</param>
public sealed record JobRun(string EntryId, DateTimeOffset FiredAt, TimeSpan Duration, string Result, string? Message, bool Manual, string? Node);

/// <param name="LastRun">The most recent run anywhere in the cluster; null when it never ran (since history was kept).</param>
/// <param name="Failures">Failed runs from the execution history, newest first.</param>
public sealed record JobStatus(
    string Group, string Name, string? Description, IReadOnlyList<TriggerStatus> Triggers, IReadOnlyList<RunningFiring> Running,
    JobRun? LastRun, int ConsecutiveFailures, IReadOnlyList<JobRun> Failures);

/// <param name="Scheduler">Quartz's scheduler status on this node: Running, Standby (Scheduling:Enabled is false), Shutdown...</param>
public sealed record JobsResponse(string Scheduler, string Node, IReadOnlyList<JobStatus> Jobs);
