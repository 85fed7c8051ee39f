using Microsoft.EntityFrameworkCore;
using Wehelpen.Web.Data;
using Wehelpen.Web.Features.Agenda;
using Wehelpen.Web.Features.Circles;
using Wehelpen.Web.Features.Notifications;
using Wehelpen.Web.Features.Requests;

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
    WehelpenDbContext db, ReminderPlanner planner, Notifier notifier, ReminderOptions options, ReminderMetrics metrics, TimeProvider clock,
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

        var appointmentIds = due.Where(r => r.Kind == ReminderKind.Appointment).Select(r => r.SubjectId).Distinct().ToList();
        var requestIds = due.Where(r => r.Kind != ReminderKind.Appointment).Select(r => r.SubjectId).Distinct().ToList();
        // A little beyond now: the database keeps moments to 100 µs, so a due time read back may be a hair earlier than
        // the one worked out again here, and that must not make a due reminder look unwanted.
        var stillWanted = (await planner.ExpectedAsync(appointmentIds, requestIds, now, now + TimeSpan.FromMinutes(1), ct)).Select(p => p.Key).ToHashSet();
        var subjects = await SubjectsAsync(appointmentIds, requestIds, ct);

        var outgoing = new List<NewNotification>();
        foreach (var reminder in due)
        {
            reminder.HandledAt = now;
            if (reminder.EventAt <= now || !stillWanted.Contains(reminder.Key) || subjects.Describe(reminder) is not { } notification)
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

    private async Task<Subjects> SubjectsAsync(List<Guid> appointmentIds, List<Guid> requestIds, CancellationToken ct)
    {
        var appointments = await db.Set<Appointment>().AsNoTracking().Where(a => appointmentIds.Contains(a.Id))
            .Join(db.Set<Circle>(), a => a.CircleId, c => c.Id, (a, c) => new { Appointment = a, Circle = c.Name })
            .ToDictionaryAsync(x => x.Appointment.Id, x => (x.Appointment, x.Circle), ct);
        var requests = await db.Set<HelpRequest>().AsNoTracking().Where(r => requestIds.Contains(r.Id))
            .Select(r => new { Request = r, Circle = r.Circle!.Name, Helper = r.ClaimedBy!.DisplayName })
            .ToDictionaryAsync(x => x.Request.Id, x => (x.Request, x.Circle, x.Helper), ct);
        return new Subjects(appointments, requests);
    }

    private sealed record Subjects(
        Dictionary<Guid, (Appointment Appointment, string Circle)> Appointments,
        Dictionary<Guid, (HelpRequest Request, string Circle, string Helper)> Requests)
    {
        public NewNotification? Describe(Reminder reminder)
        {
            if (reminder.Kind == ReminderKind.Appointment)
            {
                if (!Appointments.TryGetValue(reminder.SubjectId, out var a)) return null;
                return new NewNotification(reminder.UserId, NotificationKind.AppointmentReminder,
                    new NotificationData(a.Appointment.Title, reminder.EventAt, a.Circle, Place: a.Appointment.Place),
                    $"/circles/{a.Appointment.CircleId}/agenda/{a.Appointment.Id}", reminder.Key);
            }
            if (!Requests.TryGetValue(reminder.SubjectId, out var r)) return null;
            var data = new NotificationData(r.Request.Title, reminder.EventAt, r.Circle, Person: r.Helper);
            return reminder.Kind switch
            {
                ReminderKind.TaskDayBefore when r.Request.ComingConfirmedAt is null =>
                    new NewNotification(reminder.UserId, NotificationKind.TaskConfirm, data, $"/help/{r.Request.Id}", reminder.Key),
                ReminderKind.TaskDayBefore or ReminderKind.TaskMorning =>
                    new NewNotification(reminder.UserId, NotificationKind.TaskReminder, data, $"/help/{r.Request.Id}", reminder.Key),
                _ => new NewNotification(reminder.UserId, NotificationKind.TaskUnconfirmed, data,
                    $"/circles/{r.Request.CircleId}/requests/{r.Request.Id}", reminder.Key),
            };
        }
    }
}
