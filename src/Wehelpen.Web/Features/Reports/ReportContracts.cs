namespace Wehelpen.Web.Features.Reports;

/// <summary>What is reported: set exactly one of <paramref name="RequestId"/> and <paramref name="PersonId"/>.</summary>
public sealed record ReportInput(Guid? RequestId, string? PersonId, string? Reason);

/// <summary>The reporter hears that it arrived, and nothing about what others reported.</summary>
public sealed record ReportReceipt(Guid Id, DateTimeOffset CreatedAt);

/// <summary>What the reporter is shown the report is about: the request's title or the person's display name.</summary>
public sealed record ReportSubject(Guid? RequestId, string? PersonId, string Name, string? Pc4);

public sealed record HandleReportInput(string? Note);

/// <summary>One report as an administrator sees it.</summary>
public sealed record ReportResponse(
    Guid Id, Guid? RequestId, string? PersonId, string SubjectName, string Reason, string? Pc4,
    string ReporterName, DateTimeOffset CreatedAt, DateTimeOffset? HandledAt, string? HandledByName, string? HandledNote);
