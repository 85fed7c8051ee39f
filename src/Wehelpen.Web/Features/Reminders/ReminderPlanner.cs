using Microsoft.EntityFrameworkCore;
using Wehelpen.Web.Data;

namespace Wehelpen.Web.Features.Reminders;

/// <summary>
/// Keeps the planned reminders in step with the agenda and the tasks (their <see cref="IReminderSource"/>s): the use
/// cases call it after they saved a change, and a job plans ahead every hour (a weekly series has no end, so reminders are planned
/// <see cref="ReminderOptions.Horizon"/> ahead). Planning is idempotent: a key planned before is not planned again.
/// </summary>
public sealed class ReminderPlanner(
    WehelpenDbContext db, IEnumerable<IReminderSource> sources, ReminderWake wake, ReminderOptions options, TimeProvider clock, ILogger<ReminderPlanner> logger)
{
    private const int BatchSize = 500;

    /// <summary>After an appointment or a task was saved: its reminders as they should be now.</summary>
    public Task SubjectChangedAsync(Guid subjectId, CancellationToken ct) => SafelyAsync([subjectId], ct);

    /// <summary>After someone changed their settings (or joined a circle): everything that may remind them.</summary>
    public async Task PersonChangedAsync(string userId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var subjects = new List<Guid>();
        foreach (var source in sources) subjects.AddRange(await source.OfPersonAsync(userId, now, now + options.Horizon, ct));
        await SafelyAsync(subjects, ct);
    }

    /// <summary>Plans everything up to the horizon; also after downtime, when what fell due meanwhile is still of use.</summary>
    /// <returns>How many reminders were added.</returns>
    public async Task<int> PlanAheadAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var added = 0;
        foreach (var source in sources)
        {
            foreach (var batch in (await source.UpcomingAsync(now, now + options.Horizon, ct)).Order().Chunk(BatchSize))
                added += await SyncAsync(batch, ct);
        }
        return added;
    }

    /// <summary>The reminders there should be now for these appointments and tasks, due up to <paramref name="until"/>.</summary>
    public async Task<List<PlannedReminder>> ExpectedAsync(IReadOnlyCollection<Guid> subjectIds, DateTimeOffset now, DateTimeOffset until, CancellationToken ct)
    {
        var planned = new List<PlannedReminder>();
        if (subjectIds.Count == 0) return planned;
        foreach (var source in sources) planned.AddRange(await source.ExpectedAsync(subjectIds, now, until, ct));
        return planned;
    }

    /// <summary>Planning follows a change that is already saved: it must not undo or fail it. What goes wrong here, the hourly planning puts right.</summary>
    private async Task SafelyAsync(IReadOnlyCollection<Guid> subjects, CancellationToken ct)
    {
        try
        {
            await SyncAsync(subjects, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Planning reminders failed; the hourly planning will try again.");
        }
    }

    private async Task<int> SyncAsync(IReadOnlyCollection<Guid> subjects, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var expected = await ExpectedAsync(subjects, now, now + options.Horizon, ct);
        var expectedKeys = expected.Select(p => p.Key).ToHashSet();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                // Moved, cancelled, given back or turned off: what was planned and is no longer wanted goes.
                var stale = await db.Set<Reminder>()
                    .Where(r => subjects.Contains(r.SubjectId) && r.Status == ReminderStatus.Pending).ToListAsync(ct);
                foreach (var reminder in stale.Where(r => !expectedKeys.Contains(r.Key)))
                    (reminder.Status, reminder.HandledAt, reminder.Outcome) = (ReminderStatus.Dropped, now, "no longer planned");

                var keys = expectedKeys.ToList();
                var known = await db.Set<Reminder>().Where(r => keys.Contains(r.Key)).Select(r => r.Key).ToListAsync(ct);
                var added = expected.ExceptBy(known, p => p.Key).Select(p => new Reminder
                {
                    Key = p.Key, Kind = p.Kind, UserId = p.UserId, SubjectId = p.SubjectId,
                    EventAt = p.EventAt, DueAt = p.DueAt, Status = ReminderStatus.Pending, CreatedAt = now,
                }).ToList();
                db.AddRange(added);
                await db.SaveChangesAsync(ct);
                if (added.Count > 0) await wake.AtAsync(added.Min(r => r.DueAt), ct);
                return added.Count;
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                // Planned at the same moment by another request or node: read again and add what is still missing.
                db.ChangeTracker.Clear();
            }
        }
    }
}
