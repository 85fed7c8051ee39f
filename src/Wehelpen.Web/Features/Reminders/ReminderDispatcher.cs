using Microsoft.EntityFrameworkCore;
using Wehelpen.Web.Data;
using Wehelpen.Web.Features.Notifications;

namespace Wehelpen.Web.Features.Reminders;

/// <summary>
/// Turns due reminders into notifications, exactly once as people see it. A batch is read, checked against what
/// should be planned now (an appointment moved or cancelled, a task given back or confirmed, a setting turned
/// off), and in one transaction each reminder is marked sent together with its notification, or dropped. A crash
/// before the commit leaves the batch pending for the next run; after it, everything is there once (and the
/// notification's unique source key refuses a second one, whatever runs twice). Reminders for something that
/// has already started are dropped and logged: a late "tomorrow at ten" helps nobody.
/// </summary>
public sealed class ReminderDispatcher(
    WehelpenDbContext db, ReminderPlanner planner, IEnumerable<IReminderSource> sources, Notifier notifier, ReminderOptions options, ReminderMetrics metrics, TimeProvider clock,
    ILogger<ReminderDispatcher> logger)
{
    public sealed record Result(int Sent, int Dropped, DateTimeOffset? NextDue);

    public async Task<Result> DispatchDueAsync(CancellationToken ct)
    {
        var (sent, dropped) = (0, 0);
        while (true)
        {
            var (batchSent, batchDropped, more) = await DispatchBatchAsync(ct);
            (sent, dropped) = (sent + batchSent, dropped + batchDropped);
            if (!more) break;
        }
        var next = await db.Set<Reminder>().Where(r => r.Status == ReminderStatus.Pending)
            .OrderBy(r => r.DueAt).Select(r => (DateTimeOffset?)r.DueAt).FirstOrDefaultAsync(ct);
        return new Result(sent, dropped, next);
    }

    private async Task<(int Sent, int Dropped, bool More)> DispatchBatchAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var due = await db.Set<Reminder>().Where(r => r.Status == ReminderStatus.Pending && r.DueAt <= now)
            .OrderBy(r => r.DueAt).Take(options.BatchSize).ToListAsync(ct);
        if (due.Count == 0) return (0, 0, false);

        var subjectIds = due.Select(r => r.SubjectId).Distinct().ToList();
        // A little beyond now: the database keeps moments to 100 µs, so a due time read back may be a hair earlier than
        // the one worked out again here, and that must not make a due reminder look unwanted.
        var stillWanted = (await planner.ExpectedAsync(subjectIds, now, now + TimeSpan.FromMinutes(1), ct)).Select(p => p.Key).ToHashSet();
        var messages = new List<(IReminderSource Source, Func<Reminder, NewNotification?> Message)>();
        foreach (var source in sources)
        {
            var its = due.Where(r => source.Owns(r.Kind)).ToList();
            if (its.Count > 0) messages.Add((source, await source.MessagesAsync(its, ct)));
        }
        NewNotification? Describe(Reminder r) => messages.FirstOrDefault(m => m.Source.Owns(r.Kind)).Message?.Invoke(r);

        var outgoing = new List<NewNotification>();
        foreach (var reminder in due)
        {
            reminder.HandledAt = now;
            if (reminder.EventAt <= now || !stillWanted.Contains(reminder.Key) || Describe(reminder) is not { } notification)
            {
                reminder.Status = ReminderStatus.Dropped;
                reminder.Outcome = reminder.EventAt <= now ? "started before it could be sent" : "no longer wanted";
                logger.LogInformation("Reminder {Key} dropped: {Outcome}.", reminder.Key, reminder.Outcome);
                continue;
            }
            reminder.Status = ReminderStatus.Sent;
            outgoing.Add(notification);
        }
        var made = await notifier.AddAsync(outgoing, now, ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        db.ChangeTracker.Clear();
        foreach (var reminder in due) metrics.Handled(reminder);
        await notifier.AnnounceAsync(made);
        return (outgoing.Count, due.Count - outgoing.Count, due.Count == options.BatchSize);
    }
}
