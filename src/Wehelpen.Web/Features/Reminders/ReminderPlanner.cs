using Microsoft.EntityFrameworkCore;
using Wehelpen.Web.Data;
using Wehelpen.Web.Features.Agenda;
using Wehelpen.Web.Features.Circles;
using Wehelpen.Web.Features.Notifications;
using Wehelpen.Web.Features.Requests;

namespace Wehelpen.Web.Features.Reminders;

/// <summary>
/// Keeps the planned reminders in step with the agenda and the tasks: the use cases call it after they saved a
/// change, and a job plans ahead every hour (a weekly series has no end, so reminders are planned
/// <see cref="ReminderOptions.Horizon"/> ahead). Planning is idempotent: a key planned before is not planned again.
/// </summary>
public sealed class ReminderPlanner(
    WehelpenDbContext db, ReminderWake wake, ReminderOptions options, TimeProvider clock, ILogger<ReminderPlanner> logger)
{
    private const int BatchSize = 500;

    public Task AppointmentChangedAsync(Guid appointmentId, CancellationToken ct) => SafelyAsync([appointmentId], [], ct);

    public Task RequestChangedAsync(Guid requestId, CancellationToken ct) => SafelyAsync([], [requestId], ct);

    /// <summary>After someone changed their settings: everything that may remind them.</summary>
    public async Task PersonChangedAsync(string userId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var circles = db.Set<CircleMember>().Where(m => m.UserId == userId).Select(m => m.CircleId);
        var appointments = await Upcoming(now).Where(a => circles.Contains(a.CircleId)).Select(a => a.Id).ToListAsync(ct);
        var requests = await Claimed(now).Where(r => r.ClaimedById == userId || r.RequestedById == userId).Select(r => r.Id).ToListAsync(ct);
        await SafelyAsync(appointments, requests, ct);
    }

    /// <summary>Plans everything up to the horizon; also after downtime, when what fell due meanwhile is still of use.</summary>
    /// <returns>How many reminders were added.</returns>
    public async Task<int> PlanAheadAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var added = 0;
        foreach (var batch in (await Upcoming(now).OrderBy(a => a.Id).Select(a => a.Id).ToListAsync(ct)).Chunk(BatchSize))
            added += await SyncAsync(batch, [], ct);
        foreach (var batch in (await Claimed(now).OrderBy(r => r.Id).Select(r => r.Id).ToListAsync(ct)).Chunk(BatchSize))
            added += await SyncAsync([], batch, ct);
        return added;
    }

    /// <summary>The reminders there should be now for these appointments and requests, due up to <paramref name="until"/>.</summary>
    public async Task<List<PlannedReminder>> ExpectedAsync(
        IReadOnlyCollection<Guid> appointmentIds, IReadOnlyCollection<Guid> requestIds, DateTimeOffset now, DateTimeOffset until, CancellationToken ct)
    {
        var planned = new List<PlannedReminder>();
        if (appointmentIds.Count > 0)
        {
            var appointments = await db.Set<Appointment>().AsNoTracking().Where(a => appointmentIds.Contains(a.Id)).ToListAsync(ct);
            var circleIds = appointments.Select(a => a.CircleId).Distinct().ToList();
            var members = await db.Set<CircleMember>().AsNoTracking().Where(m => circleIds.Contains(m.CircleId)).ToListAsync(ct);
            var companions = await db.Set<AppointmentCompanion>().AsNoTracking()
                .Where(c => appointmentIds.Contains(c.AppointmentId) && c.OccurrenceStartUtc > now).ToListAsync(ct);
            var settings = await SettingsAsync(members.Select(m => m.UserId), ct);
            var membersByCircle = members.GroupBy(m => m.CircleId).ToDictionary(
                g => g.Key, g => (IReadOnlyList<ConcernedMember>)g.Select(m => new ConcernedMember(m.UserId, m.Role, m.JoinedAt, settings(m.UserId))).ToList());
            var companionsOf = companions.GroupBy(c => c.AppointmentId).ToDictionary(g => g.Key, g => (IReadOnlyList<AppointmentCompanion>)g.ToList());
            foreach (var appointment in appointments)
                planned.AddRange(ReminderPlan.ForAppointment(
                    appointment, membersByCircle.GetValueOrDefault(appointment.CircleId, []), companionsOf.GetValueOrDefault(appointment.Id, []), now, until));
        }
        if (requestIds.Count > 0)
        {
            var requests = await db.Set<HelpRequest>().AsNoTracking().Where(r => requestIds.Contains(r.Id)).ToListAsync(ct);
            var settings = await SettingsAsync(requests.Where(r => r.ClaimedById is not null).Select(r => r.ClaimedById!), ct);
            foreach (var request in requests.Where(r => r.ClaimedById is not null))
                planned.AddRange(ReminderPlan.ForTask(request, settings(request.ClaimedById!), now, until));
        }
        return planned;
    }

    private async Task<Func<string, NotificationSettings>> SettingsAsync(IEnumerable<string> userIds, CancellationToken ct)
    {
        var ids = userIds.Distinct().ToList();
        var stored = await db.Set<NotificationSettings>().AsNoTracking().Where(s => ids.Contains(s.UserId)).ToDictionaryAsync(s => s.UserId, ct);
        return id => stored.GetValueOrDefault(id) ?? NotificationSettings.Default(id);
    }

    /// <summary>Appointments that may still have an occurrence ahead.</summary>
    private IQueryable<Appointment> Upcoming(DateTimeOffset now)
    {
        // A reminder can be due up to a week before its occurrence starts.
        var latestStart = now + options.Horizon + TimeSpan.FromMinutes(NotificationSettings.OffsetChoices.Max());
        return db.Set<Appointment>().Where(a => (a.LastEndUtc == null || a.LastEndUtc > now) && a.FirstStartUtc <= latestStart);
    }

    private IQueryable<HelpRequest> Claimed(DateTimeOffset now) =>
        db.Set<HelpRequest>().Where(r => r.Status == RequestStatus.Claimed && r.EndsAt > now);

    /// <summary>Planning follows a change that is already saved: it must not undo or fail it. What goes wrong here, the hourly planning puts right.</summary>
    private async Task SafelyAsync(IReadOnlyCollection<Guid> appointmentIds, IReadOnlyCollection<Guid> requestIds, CancellationToken ct)
    {
        try
        {
            await SyncAsync(appointmentIds, requestIds, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Planning reminders failed; the hourly planning will try again.");
        }
    }

    private async Task<int> SyncAsync(IReadOnlyCollection<Guid> appointmentIds, IReadOnlyCollection<Guid> requestIds, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var expected = await ExpectedAsync(appointmentIds, requestIds, now, now + options.Horizon, ct);
        var expectedKeys = expected.Select(p => p.Key).ToHashSet();
        var subjects = appointmentIds.Concat(requestIds).ToList();
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
