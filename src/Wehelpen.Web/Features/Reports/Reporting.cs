using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Wehelpen.Web.Data;
using Wehelpen.Web.Features.Circles;
using Wehelpen.Web.Features.Offers;
using Wehelpen.Web.Features.Requests;
using Wehelpen.Web.Hosting;
using Wehelpen.Web.Platform.Audit;

namespace Wehelpen.Web.Features.Reports;

/// <summary>
/// Reporting a request or a person, and the administrators' handling of reports. Nobody can report (or learn the
/// name of) what they could not see anyway: such a subject gets the answer of one that does not exist.
/// </summary>
public sealed class Reporting(WehelpenDbContext db, RequestAccess access, AuditTrail audit, TimeProvider clock, IStringLocalizer<SharedResource> text)
{
    /// <summary>How many of a person's requests are tried for "a request the reporter can see".</summary>
    private const int RequestsTried = 20;

    public async Task<ReportSubject?> SubjectAsync(string reporterId, Guid? requestId, string? personId, CancellationToken ct)
    {
        if (requestId is { } id)
            // Found, not shown: reporting a request is no reason to record that its address was seen.
            return await access.FindAsync(reporterId, id, ct) is var (request, _, _)
                ? new ReportSubject(id, null, request.Title, request.Pc4)
                : null;
        if (string.IsNullOrWhiteSpace(personId) || personId == reporterId) return null;
        var person = await db.Users.Where(u => u.Id == personId).Select(u => new { u.DisplayName, u.Pc4 }).SingleOrDefaultAsync(ct);
        if (person is null) return null;
        // Outside a shared circle people are known by their first name only (offers and requests show no more).
        if (await SharesCircleAsync(reporterId, personId, ct)) return new ReportSubject(null, personId, person.DisplayName, person.Pc4);
        if (!await MetOutsideCircleAsync(reporterId, personId, ct)) return null;
        return new ReportSubject(null, personId, RequestDescriptions.FirstName(person.DisplayName), person.Pc4);
    }

    public async Task<Outcome<ReportReceipt>> SendAsync(string reporterId, ReportInput input, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var reason = errors.Required(text, "reason", input.Reason, Report.ReasonMaxLength);
        if ((input.RequestId is null) == string.IsNullOrWhiteSpace(input.PersonId)) errors.Add("", text["Report.OneSubject"]);
        if (errors.Any) return errors;
        var subject = await SubjectAsync(reporterId, input.RequestId, input.PersonId, ct);
        if (subject is null) return Refusal.NotFound(text[input.RequestId is null ? "Report.PersonNotFound" : "Request.NotFound"]);

        var report = new Report
        {
            ReporterId = reporterId,
            RequestId = subject.RequestId,
            PersonId = subject.PersonId,
            Reason = reason,
            Pc4 = subject.Pc4,
            CreatedAt = clock.GetUtcNow(),
        };
        db.Add(report);
        await db.SaveChangesAsync(ct);
        return new ReportReceipt(report.Id, report.CreatedAt);
    }

    /// <summary>For administrators: open reports first, then the handled ones; newest first.</summary>
    public async Task<IReadOnlyList<ReportResponse>> AllAsync(CancellationToken ct) =>
        await db.Set<Report>().AsNoTracking()
            .OrderBy(r => r.HandledAt != null).ThenByDescending(r => r.CreatedAt)
            .Select(r => new ReportResponse(
                r.Id, r.RequestId, r.PersonId,
                r.Request != null ? r.Request.Title : r.Person!.DisplayName,
                r.Reason, r.Pc4, r.Reporter!.DisplayName, r.CreatedAt,
                r.HandledAt, r.HandledBy != null ? r.HandledBy.DisplayName : null, r.HandledNote))
            .ToListAsync(ct);

    public async Task<Outcome<Done>> MarkHandledAsync(string adminId, Guid reportId, HandleReportInput input, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var note = errors.Required(text, "note", input.Note, Report.NoteMaxLength);
        if (errors.Any) return errors;
        var report = await db.Set<Report>().SingleOrDefaultAsync(r => r.Id == reportId, ct);
        if (report is null) return Refusal.NotFound(text["Report.NotFound"]);
        if (report.HandledAt is not null) return Refusal.Conflict(text["Report.AlreadyHandled"]);
        (report.HandledAt, report.HandledById, report.HandledNote) = (clock.GetUtcNow(), adminId, note);
        // The report's id only: what the reporter and the admin wrote stays in the report.
        audit.Record(adminId, AuditActions.ReportHandle, AuditTargets.Report, reportId.ToString());
        await db.SaveChangesAsync(ct);
        return Done.Instance;
    }

    private async Task<bool> SharesCircleAsync(string reporterId, string personId, CancellationToken ct)
    {
        var members = db.Set<CircleMember>();
        return await members.AnyAsync(m => m.UserId == personId && members.Any(r => r.CircleId == m.CircleId && r.UserId == reporterId), ct);
    }

    /// <summary>
    /// Someone the reporter met through the app outside a circle: the poster or helper of a request the reporter can
    /// see, or the volunteer of an offer (offers are shown to everyone signed in).
    /// </summary>
    private async Task<bool> MetOutsideCircleAsync(string reporterId, string personId, CancellationToken ct)
    {
        if (await db.Set<HelpOffer>().AnyAsync(o => o.VolunteerId == personId, ct)) return true;
        var theirs = await db.Set<HelpRequest>().Where(r => r.RequestedById == personId || r.ClaimedById == personId)
            .OrderByDescending(r => r.CreatedAt).Select(r => r.Id).Take(RequestsTried).ToListAsync(ct);
        foreach (var requestId in theirs)
        {
            if (await access.FindAsync(reporterId, requestId, ct) is not null) return true;
        }
        return false;
    }
}
