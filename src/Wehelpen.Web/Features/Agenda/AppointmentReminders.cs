using Microsoft.EntityFrameworkCore;
using Wehelpen.Web.Data;
using Wehelpen.Web.Features.Circles;
using Wehelpen.Web.Features.Notifications;
using Wehelpen.Web.Features.Reminders;
using Wehelpen.Web.Hosting;

namespace Wehelpen.Web.Features.Agenda;

public sealed record ConcernedMember(string UserId, CircleRole Role, DateTimeOffset JoinedAt, NotificationSettings Settings);

/// <summary>The reminders before appointments: to the members the agenda concerns, as each set their reminders.</summary>
internal sealed class AppointmentReminders(WehelpenDbContext db) : IReminderSource
{
    public bool Owns(ReminderKind kind) => kind == ReminderKind.Appointment;

    public Task<List<Guid>> UpcomingAsync(DateTimeOffset now, DateTimeOffset until, CancellationToken ct) =>
        Upcoming(now, until).OrderBy(a => a.Id).Select(a => a.Id).ToListAsync(ct);

    public Task<List<Guid>> OfPersonAsync(string userId, DateTimeOffset now, DateTimeOffset until, CancellationToken ct)
    {
        var circles = db.Set<CircleMember>().Where(m => m.UserId == userId).Select(m => m.CircleId);
        return Upcoming(now, until).Where(a => circles.Contains(a.CircleId)).Select(a => a.Id).ToListAsync(ct);
    }

    public async Task<List<PlannedReminder>> ExpectedAsync(IReadOnlyCollection<Guid> ids, DateTimeOffset now, DateTimeOffset until, CancellationToken ct)
    {
        var planned = new List<PlannedReminder>();
        var appointments = await db.Set<Appointment>().AsNoTracking().Where(a => ids.Contains(a.Id)).ToListAsync(ct);
        if (appointments.Count == 0) return planned;
        var appointmentIds = appointments.Select(a => a.Id).ToList();
        var circleIds = appointments.Select(a => a.CircleId).Distinct().ToList();
        var members = await db.Set<CircleMember>().AsNoTracking().Where(m => circleIds.Contains(m.CircleId)).ToListAsync(ct);
        var companions = await db.Set<AppointmentCompanion>().AsNoTracking()
            .Where(c => appointmentIds.Contains(c.AppointmentId) && c.OccurrenceStartUtc > now).ToListAsync(ct);
        var settings = await ReminderSettings.ForAsync(db, members.Select(m => m.UserId), ct);
        var membersByCircle = members.GroupBy(m => m.CircleId).ToDictionary(
            g => g.Key, g => (IReadOnlyList<ConcernedMember>)g.Select(m => new ConcernedMember(m.UserId, m.Role, m.JoinedAt, settings(m.UserId))).ToList());
        var companionsOf = companions.GroupBy(c => c.AppointmentId).ToDictionary(g => g.Key, g => (IReadOnlyList<AppointmentCompanion>)g.ToList());
        foreach (var appointment in appointments)
            planned.AddRange(For(appointment, membersByCircle.GetValueOrDefault(appointment.CircleId, []), companionsOf.GetValueOrDefault(appointment.Id, []), now, until));
        return planned;
    }

    public async Task<Func<Reminder, NewNotification?>> MessagesAsync(IReadOnlyCollection<Reminder> due, CancellationToken ct)
    {
        var ids = due.Select(r => r.SubjectId).Distinct().ToList();
        var appointments = await db.Set<Appointment>().AsNoTracking().Where(a => ids.Contains(a.Id))
            .Join(db.Set<Circle>(), a => a.CircleId, c => c.Id, (a, c) => new { Appointment = a, Circle = c.Name })
            .ToDictionaryAsync(x => x.Appointment.Id, x => (x.Appointment, x.Circle), ct);
        return reminder =>
        {
            if (!appointments.TryGetValue(reminder.SubjectId, out var a)) return null;
            return new NewNotification(reminder.UserId, NotificationKind.AppointmentReminder,
                new NotificationData(a.Appointment.Title, reminder.EventAt, a.Circle, Place: a.Appointment.Place),
                $"/circles/{a.Appointment.CircleId}/agenda/{a.Appointment.Id}", reminder.Key);
        };
    }

    /// <summary>The reminders of the occurrences of one appointment that start after <paramref name="now"/>, due up to <paramref name="until"/>.</summary>
    public static IEnumerable<PlannedReminder> For(
        Appointment appointment, IReadOnlyList<ConcernedMember> members, IReadOnlyList<AppointmentCompanion> companions,
        DateTimeOffset now, DateTimeOffset until)
    {
        var longest = NotificationSettings.OffsetChoices.Max();
        var from = DateOnly.FromDateTime(AmsterdamTime.ToAmsterdam(now).DateTime);
        var to = DateOnly.FromDateTime(AmsterdamTime.ToAmsterdam(until + TimeSpan.FromMinutes(longest)).DateTime).AddDays(1);
        foreach (var date in appointment.DatesBetween(from, to))
        {
            var start = appointment.StartUtcOn(date);
            if (start <= now) continue;
            var goingAlong = companions.Where(c => c.OccurrenceDate == date).ToDictionary(c => c.UserId, c => c.CreatedAt);
            foreach (var member in members)
            {
                var along = goingAlong.TryGetValue(member.UserId, out var since);
                // The resident and the coördinators keep the agenda: all of it concerns them.
                var always = CircleMember.CanManage(member.Role) || member.Settings.AppointmentScope == AppointmentScope.AllCircles;
                if (!always && !along) continue;
                var known = ReminderPlan.Latest(appointment.UpdatedAt, member.JoinedAt, member.Settings.UpdatedAt, always ? DateTimeOffset.MinValue : since);
                foreach (var minutes in member.Settings.Offsets)
                {
                    var due = ReminderTimes.Before(start, minutes);
                    if (due <= known || due > until) continue;
                    yield return new PlannedReminder(
                        $"a:{appointment.Id:N}:{start.UtcDateTime:yyyyMMddTHHmm}:{minutes}:{member.UserId}",
                        ReminderKind.Appointment, member.UserId, appointment.Id, start, due);
                }
            }
        }
    }

    /// <summary>Appointments that may still have an occurrence ahead.</summary>
    private IQueryable<Appointment> Upcoming(DateTimeOffset now, DateTimeOffset until)
    {
        // A reminder can be due up to a week before its occurrence starts.
        var latestStart = until + TimeSpan.FromMinutes(NotificationSettings.OffsetChoices.Max());
        return db.Set<Appointment>().Where(a => (a.LastEndUtc == null || a.LastEndUtc > now) && a.FirstStartUtc <= latestStart);
    }
}
