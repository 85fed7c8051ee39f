using Microsoft.EntityFrameworkCore;
using Wehelpen.Web.Data;
using Wehelpen.Web.Platform.PersonalData;

namespace Wehelpen.Web.Platform.Audit;

/// <summary>
/// The audit log is the record of what administrators and professionals did with their powers, so it outlives their
/// accounts: on erasure their entries stay, done by the former member and without the client address. Entries about a
/// person (the professional whose gebied was approved) stay too, about the former member. The export gives a person
/// what they did, and what was done about them without who did it.
/// </summary>
internal sealed class AuditPersonalData(WehelpenDbContext db) : IPersonalData
{
    public IEnumerable<PersonalColumn> Columns => [new("AuditLog", "ActorId"), new("AuditLog", "SubjectId")];

    public IEnumerable<ExportSection> Export(string userId) =>
    [
        new("audit-log", _ => db.Set<AuditEntry>().AsNoTracking().Where(e => e.ActorId == userId).OrderBy(e => e.At).ThenBy(e => e.Id)
            .Select(e => new { e.At, e.Action, e.TargetKind, e.TargetId, e.ClientAddress }).AsAsyncEnumerable()),
        new("audit-about-you", _ => db.Set<AuditEntry>().AsNoTracking().Where(e => e.SubjectId == userId).OrderBy(e => e.At).ThenBy(e => e.Id)
            .Select(e => new { e.At, e.Action, e.TargetKind, e.TargetId }).AsAsyncEnumerable()),
    ];

    public async Task EraseAsync(PersonErasure erasure, CancellationToken ct)
    {
        var (id, former) = (erasure.UserId, FormerMember.Id);
        var log = db.Set<AuditEntry>();
        await log.Where(e => e.ActorId == id)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.ActorId, former).SetProperty(e => e.ClientAddress, (string?)null), ct);
        await log.Where(e => e.SubjectId == id).ExecuteUpdateAsync(s => s.SetProperty(e => e.SubjectId, former), ct);
    }
}
