using Wehelpen.Web.Features.Agenda;
using Wehelpen.Web.Features.Circles;
using Wehelpen.Web.Features.Notifications;
using Wehelpen.Web.Features.Requests;

namespace Wehelpen.Web.Features.Reminders;

public sealed record PlannedReminder(string Key, ReminderKind Kind, string UserId, Guid SubjectId, DateTimeOffset EventAt, DateTimeOffset DueAt);

public sealed record ConcernedMember(string UserId, CircleRole Role, DateTimeOffset JoinedAt, NotificationSettings Settings);

/// <summary>
/// Which reminders there should be, worked out from the appointment or task as it is now. The same rules plan
/// reminders ahead and check, just before sending, that a reminder is still wanted: so an appointment that moved,
/// a task given back or a setting turned off simply no longer produces the old key, and that reminder is dropped.
/// A reminder that would have been due before the thing was planned (or the person joined, or changed their
/// settings) is not made: someone who plans an appointment for tomorrow at noon needs no "tomorrow" reminder now.
/// </summary>
public static class ReminderPlan
{
    /// <summary>The reminders of the occurrences of one appointment that start after <paramref name="now"/>, due up to <paramref name="until"/>.</summary>
    public static IEnumerable<PlannedReminder> ForAppointment(
        Appointment appointment, IReadOnlyList<ConcernedMember> members, IReadOnlyList<AppointmentCompanion> companions,
        DateTimeOffset now, DateTimeOffset until)
    {
        var longest = NotificationSettings.OffsetChoices.Max();
        var from = DateOnly.FromDateTime(Hosting.AmsterdamTime.ToAmsterdam(now).DateTime);
        var to = DateOnly.FromDateTime(Hosting.AmsterdamTime.ToAmsterdam(until + TimeSpan.FromMinutes(longest)).DateTime).AddDays(1);
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
                var known = Latest(appointment.UpdatedAt, member.JoinedAt, member.Settings.UpdatedAt, always ? DateTimeOffset.MinValue : since);
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

    /// <summary>
    /// A claimed task: the volunteer hears the day before (asked to confirm when they have not) and on the morning
    /// itself; whoever asked hears in time when the volunteer did not confirm after being asked.
    /// </summary>
    public static IEnumerable<PlannedReminder> ForTask(HelpRequest request, NotificationSettings helper, DateTimeOffset now, DateTimeOffset until)
    {
        if (request is not { Status: RequestStatus.Claimed, ClaimedById: { } helperId, ClaimedAt: { } claimedAt }) yield break;
        var start = request.StartsAt ?? request.EndsAt;
        if (start <= now) yield break;
        var claim = $"{request.Id:N}:{start.UtcDateTime:yyyyMMddTHHmm}:{claimedAt.UtcTicks}";
        var known = Latest(claimedAt, helper.UpdatedAt);
        var unconfirmed = request.ComingConfirmedAt is null;

        var dayBefore = ReminderTimes.DayBefore(start);
        var asked = dayBefore > claimedAt;
        if ((helper.TaskReminders || unconfirmed) && dayBefore > known && dayBefore <= until)
            yield return new PlannedReminder($"t:{claim}:day:{helperId}", ReminderKind.TaskDayBefore, helperId, request.Id, start, dayBefore);

        var morning = ReminderTimes.MorningOf(start);
        if (helper.TaskReminders && morning > known && morning <= until)
            yield return new PlannedReminder($"t:{claim}:morning:{helperId}", ReminderKind.TaskMorning, helperId, request.Id, start, morning);

        var warning = ReminderTimes.UnconfirmedWarning(start);
        if (unconfirmed && asked && warning > dayBefore && warning > claimedAt && warning <= until)
            yield return new PlannedReminder($"t:{claim}:unconfirmed:{request.RequestedById}", ReminderKind.TaskUnconfirmed, request.RequestedById, request.Id, start, warning);
    }

    private static DateTimeOffset Latest(params DateTimeOffset[] moments) => moments.Max();
}
