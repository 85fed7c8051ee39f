using Microsoft.EntityFrameworkCore;
using Wehelpen.Web.Data;
using Wehelpen.Web.Platform.PersonalData;

namespace Wehelpen.Web.Features.Reminders;

/// <summary>The reminders planned for a person, sent or still to come.</summary>
internal sealed class RemindersPersonalData(WehelpenDbContext db) : IPersonalData
{
    /// <summary>After the features that collect what a circle held: reminders point at those things.</summary>
    public int Order => ErasureOrder.Pointers + 100;

    public IEnumerable<PersonalColumn> Columns => [new("Reminders", "UserId")];

    public IEnumerable<ExportSection> Export(string userId) =>
    [
        new("reminders", _ => db.Set<Reminder>().AsNoTracking().Where(r => r.UserId == userId).OrderBy(r => r.DueAt)
            .Select(r => new { Kind = r.Kind.ToString(), r.SubjectId, r.EventAt, r.DueAt, Status = r.Status.ToString(), r.HandledAt })
            .AsAsyncEnumerable()),
    ];

    public async Task EraseAsync(PersonErasure erasure, CancellationToken ct) =>
        await db.Set<Reminder>().Where(r => r.UserId == erasure.UserId).ExecuteDeleteAsync(ct);

    /// <summary>Reminders of everyone about the circle's appointments and tasks.</summary>
    public async Task EraseCircleAsync(CircleErasure erasure, CancellationToken ct)
    {
        var subjects = erasure.Subjects.Select(s => Guid.TryParse(s, out var id) ? id : Guid.Empty).Where(g => g != Guid.Empty).ToList();
        foreach (var batch in subjects.Chunk(500))
            await db.Set<Reminder>().Where(r => batch.Contains(r.SubjectId)).ExecuteDeleteAsync(ct);
    }
}
