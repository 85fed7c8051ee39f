using Microsoft.EntityFrameworkCore;
using Wehelpen.Web.Data;
using Wehelpen.Web.Platform.PersonalData;

namespace Wehelpen.Web.Features.Requests.Matching;

/// <summary>When matching asked a volunteer about a request, and why them: data about the volunteer.</summary>
internal sealed class RequestAlertsPersonalData(WehelpenDbContext db) : IPersonalData
{
    public IEnumerable<PersonalColumn> Columns => [new("RequestAlerts", "VolunteerId")];

    public IEnumerable<ExportSection> Export(string userId) =>
    [
        new("asked-to-help", _ => db.Set<RequestAlert>().AsNoTracking().Where(a => a.VolunteerId == userId).OrderBy(a => a.AlertedAt)
            .Select(a => new { a.RequestId, a.AlertedAt, a.Wave, a.DistanceMetres, a.Widened, a.Score })
            .AsAsyncEnumerable()),
    ];

    /// <summary>The circle sees only how many were asked, never who: the rows of the person go.</summary>
    public async Task EraseAsync(PersonErasure erasure, CancellationToken ct) =>
        await db.Set<RequestAlert>().Where(a => a.VolunteerId == erasure.UserId).ExecuteDeleteAsync(ct);
}
