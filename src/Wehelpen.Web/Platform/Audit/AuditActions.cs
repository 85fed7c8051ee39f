namespace Wehelpen.Web.Platform.Audit;

/// <summary>
/// Every action the audit log knows, as stable codes: stored in <see cref="AuditEntry.Action"/> and shown with the text
/// <c>Audit.Action.{code}</c>. A code is never renamed (the log keeps the old ones); <see cref="AuditTrail"/> refuses
/// one that is not here, so that every entry can be shown and filtered.
/// </summary>
public static class AuditActions
{
    // Features/Neighbourhoods/Buurtteam: an admin decides which gebieden a professional sees.
    public const string ProfessionalAreaApprove = "professional-area.approve";
    public const string ProfessionalAreaRefuse = "professional-area.refuse";
    public const string ProfessionalAreaRevoke = "professional-area.revoke";

    // Features/Scheduling and the failed mail on its page.
    public const string JobRun = "job.run";
    public const string JobTriggerReset = "job.trigger-reset";
    public const string MailRetry = "mail.retry";

    // Features/Neighbourhoods/SocialMap.
    public const string SocialMapCreate = "social-map.create";
    public const string SocialMapEdit = "social-map.edit";
    public const string SocialMapDelete = "social-map.delete";

    // Features/Reports.
    public const string ReportHandle = "report.handle";

    // Admins and the buurtteam on requests outside their own circles.
    public const string RequestMatchesView = "request.matches-view";
    public const string RequestRefer = "request.refer";
    public const string RequestTakeOn = "request.take-on";
    public const string BuurtteamContact = "buurtteam.contact-circle";

    // A professional as klanthouder of a circle.
    public const string CaseHolderAccept = "case-holder.accept";
    public const string CaseHolderDecline = "case-holder.decline";
    public const string CaseHolderStepDown = "case-holder.step-down";

    public static readonly IReadOnlyList<string> All =
    [
        ProfessionalAreaApprove, ProfessionalAreaRefuse, ProfessionalAreaRevoke,
        JobRun, JobTriggerReset, MailRetry,
        SocialMapCreate, SocialMapEdit, SocialMapDelete,
        ReportHandle,
        RequestMatchesView, RequestRefer, RequestTakeOn, BuurtteamContact,
        CaseHolderAccept, CaseHolderDecline, CaseHolderStepDown,
    ];
}

/// <summary>The kinds of things actions are done to (<see cref="AuditEntry.TargetKind"/>), shown as <c>Audit.Target.{kind}</c>.</summary>
public static class AuditTargets
{
    /// <summary>A gebied (its code) of the professional who is the entry's subject.</summary>
    public const string ProfessionalArea = "ProfessionalArea";

    /// <summary>A scheduled job, "group.name".</summary>
    public const string Job = "Job";

    /// <summary>A job's trigger, "group.name".</summary>
    public const string Trigger = "Trigger";

    /// <summary>A notification whose mail failed.</summary>
    public const string Notification = "Notification";

    public const string Organisation = "Organisation";
    public const string Report = "Report";
    public const string HelpRequest = "HelpRequest";
    public const string Circle = "Circle";

    public static readonly IReadOnlyList<string> All = [ProfessionalArea, Job, Trigger, Notification, Organisation, Report, HelpRequest, Circle];
}
