using Microsoft.EntityFrameworkCore;
using Wehelpen.Web.Data;
using Wehelpen.Web.Features.Requests;
using Wehelpen.Web.Platform.PersonalData;

namespace Wehelpen.Web.Features.Thanks;

/// <summary>
/// Thanks a person wrote for their circle, and thanks a volunteer received. The thanks are the volunteer's: when the
/// writer erases their account the note stays for the volunteer, from a former member; when the volunteer erases
/// theirs, the thanks to them go. A circle's erasure takes its thanks and its setting along.
/// </summary>
internal sealed class ThanksPersonalData(WehelpenDbContext db) : IPersonalData
{
    /// <summary>Before the requests, whose rows the thanks point at.</summary>
    public int Order => RequestsPersonalData.ErasureOrder - 1;

    public IEnumerable<PersonalColumn> Columns =>
    [
        new("RequestThanks", "WrittenById"),
        new("RequestThanks", "VolunteerId"),
    ];

    public IEnumerable<ExportSection> Export(string userId) =>
    [
        new("thanks-written", _ => db.Set<RequestThanks>().AsNoTracking().Where(t => t.WrittenById == userId).OrderBy(t => t.WrittenAt)
            .Select(t => new { t.RequestId, t.Request!.Title, t.Note, t.WrittenAt, t.ChangedAt }).AsAsyncEnumerable()),
        new("thanks-received", _ => db.Set<RequestThanks>().AsNoTracking().Where(t => t.VolunteerId == userId).OrderBy(t => t.WrittenAt)
            .Select(t => new { t.RequestId, t.Request!.Title, t.Note, t.WrittenAt, t.ChangedAt }).AsAsyncEnumerable()),
    ];

    public async Task EraseAsync(PersonErasure erasure, CancellationToken ct)
    {
        var id = erasure.UserId;
        await db.Set<RequestThanks>().Where(t => t.VolunteerId == id).ExecuteDeleteAsync(ct);
        await db.Set<RequestThanks>().Where(t => t.WrittenById == id).ExecuteUpdateAsync(s => s.SetProperty(t => t.WrittenById, FormerMember.Id), ct);
    }

    public async Task EraseCircleAsync(CircleErasure erasure, CancellationToken ct)
    {
        await db.Set<RequestThanks>().Where(t => t.CircleId == erasure.CircleId).ExecuteDeleteAsync(ct);
        await db.Set<CircleThanksSettings>().Where(s => s.CircleId == erasure.CircleId).ExecuteDeleteAsync(ct);
    }
}
