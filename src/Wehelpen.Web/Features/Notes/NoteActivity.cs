using Microsoft.EntityFrameworkCore;
using Wehelpen.Web.Data;

namespace Wehelpen.Web.Features.Notes;

/// <summary>What other parts of a circle want to know about its notes: the overview's latest changes, the workload's counts.</summary>
public sealed class NoteActivity(WehelpenDbContext db)
{
    /// <summary>The pages changed most recently, newest first, for the circle's overview.</summary>
    public async Task<IReadOnlyList<NoteSummary>> RecentlyChangedAsync(Guid circleId, CancellationToken ct, int count = 3) =>
        await db.Set<Note>()
            .Where(n => n.CircleId == circleId && n.DeletedAt == null)
            .OrderByDescending(n => n.ChangedAt).ThenByDescending(n => n.Id)
            .Take(count)
            .Select(n => new NoteSummary(n.Id, n.Title, n.Revision, n.ChangedAt, n.ChangedByName))
            .ToListAsync(ct);

    /// <summary>
    /// How many revisions each member saved in [fromUtc, toUtc): every save counts, also of pages deleted since,
    /// because the work was done. Members who saved nothing are not in the answer.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, int>> SavesPerMemberAsync(Guid circleId, DateTimeOffset fromUtc, DateTimeOffset toUtc, CancellationToken ct)
    {
        // Stored moments are UTC; SQLite compares them as numbers that only order right when both sides are UTC too.
        var from = fromUtc.ToUniversalTime();
        var to = toUtc.ToUniversalTime();
        return await db.Set<NoteRevision>()
            .Where(r => r.Note!.CircleId == circleId && r.SavedAt >= from && r.SavedAt < to)
            .GroupBy(r => r.AuthorId)
            .Select(g => new { UserId = g.Key, Saves = g.Count() })
            .ToDictionaryAsync(g => g.UserId, g => g.Saves, ct);
    }
}
