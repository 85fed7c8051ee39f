using Microsoft.EntityFrameworkCore;
using Wehelpen.Web.Data;
using Wehelpen.Web.Platform.PersonalData;

namespace Wehelpen.Web.Features.Reports;

/// <summary>Reports a person made, and reports about them.</summary>
internal sealed class ReportsPersonalData(WehelpenDbContext db) : IPersonalData
{
    public IEnumerable<PersonalColumn> Columns =>
    [
        new("Reports", "ReporterId"),
        new("Reports", "PersonId", "a report about someone would tell them who reported them"),
        new("Reports", "HandledById"),
    ];

    public IEnumerable<ExportSection> Export(string userId) =>
    [
        new("reports", _ => db.Set<Report>().AsNoTracking().Where(r => r.ReporterId == userId).OrderBy(r => r.CreatedAt)
            .Select(r => new { r.Id, r.RequestId, AboutAPerson = r.PersonId != null, r.Reason, r.CreatedAt, r.HandledAt })
            .AsAsyncEnumerable()),
        new("reports-handled", _ => db.Set<Report>().AsNoTracking().Where(r => r.HandledById == userId).OrderBy(r => r.HandledAt)
            .Select(r => new { r.Id, r.HandledAt, r.HandledNote })
            .AsAsyncEnumerable()),
    ];

    /// <summary>
    /// A report by or about someone who is gone has nobody left to act on or to answer: it goes. An administrator who
    /// handled reports leaves their notes, without their name.
    /// </summary>
    public async Task EraseAsync(PersonErasure erasure, CancellationToken ct)
    {
        var id = erasure.UserId;
        await db.Set<Report>().Where(r => r.ReporterId == id || r.PersonId == id).ExecuteDeleteAsync(ct);
        await db.Set<Report>().Where(r => r.HandledById == id).ExecuteUpdateAsync(s => s.SetProperty(r => r.HandledById, (string?)null), ct);
    }
}
