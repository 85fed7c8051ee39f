namespace Wehelpen.Web.Features.Audit;

/// <summary>One entry of the audit log as the admins read it. Times in Amsterdam, with their offset.</summary>
/// <param name="ActorName">The name as it is now; "Voormalig lid" for an erased account.</param>
/// <param name="Action">The stable code (<see cref="Platform.Audit.AuditActions"/>); <paramref name="ActionLabel"/> says it in words.</param>
/// <param name="SubjectId">The person the action was about, when it was about one.</param>
/// <param name="ClientAddress">Null once the retention period blanked it, or when an erasure did.</param>
public sealed record AuditEntryResponse(
    long Id, DateTimeOffset At, string ActorId, string ActorName, string Action, string ActionLabel,
    string TargetKind, string TargetLabel, string TargetId, string? SubjectId, string? SubjectName, string? ClientAddress);

/// <param name="Next">The <c>before</c> of the next (older) page; null on the last.</param>
public sealed record AuditPage(IReadOnlyList<AuditEntryResponse> Items, long? Next);

/// <summary>What to show: older than the entry <paramref name="Before"/>, of one action, by one person; each optional.</summary>
public sealed record AuditQuery(long? Before, string? Action, string? Actor);

/// <summary>Someone who can have done what the log records (an admin or a professional), for the filter.</summary>
public sealed record AuditPerson(string Id, string Name);
