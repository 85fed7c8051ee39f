using Microsoft.EntityFrameworkCore;
using Wehelpen.Web.Data;
using Wehelpen.Web.Features.Notifications;
using Wehelpen.Web.Features.Reminders;

namespace Wehelpen.Web.Features.Requests;

/// <summary>
/// The reminders of a claimed task: the volunteer hears the day before (asked to confirm when they have not) and on
/// the morning itself; whoever asked hears in time when the volunteer did not confirm after being asked.
/// </summary>
internal sealed class TaskReminders(WehelpenDbContext db) : IReminderSource
{
    public bool Owns(ReminderKind kind) => kind is ReminderKind.TaskDayBefore or ReminderKind.TaskMorning or ReminderKind.TaskUnconfirmed;

    public Task<List<Guid>> UpcomingAsync(DateTimeOffset now, DateTimeOffset until, CancellationToken ct) =>
        Claimed(now).OrderBy(r => r.Id).Select(r => r.Id).ToListAsync(ct);

    public Task<List<Guid>> OfPersonAsync(string userId, DateTimeOffset now, DateTimeOffset until, CancellationToken ct) =>
        Claimed(now).Where(r => r.ClaimedById == userId || r.RequestedById == userId).Select(r => r.Id).ToListAsync(ct);

    public async Task<List<PlannedReminder>> ExpectedAsync(IReadOnlyCollection<Guid> ids, DateTimeOffset now, DateTimeOffset until, CancellationToken ct)
    {
        var planned = new List<PlannedReminder>();
        var requests = await db.Set<HelpRequest>().AsNoTracking().Where(r => ids.Contains(r.Id)).ToListAsync(ct);
        if (requests.Count == 0) return planned;
        var settings = await ReminderSettings.ForAsync(db, requests.Where(r => r.ClaimedById is not null).Select(r => r.ClaimedById!), ct);
        foreach (var request in requests.Where(r => r.ClaimedById is not null))
            planned.AddRange(For(request, settings(request.ClaimedById!), now, until));
        return planned;
    }

    public async Task<Func<Reminder, NewNotification?>> MessagesAsync(IReadOnlyCollection<Reminder> due, CancellationToken ct)
    {
        var ids = due.Select(r => r.SubjectId).Distinct().ToList();
        var requests = await db.Set<HelpRequest>().AsNoTracking().Where(r => ids.Contains(r.Id))
            .Select(r => new { Request = r, Circle = r.Circle!.Name, Helper = r.ClaimedBy!.DisplayName })
            .ToDictionaryAsync(x => x.Request.Id, x => (x.Request, x.Circle, x.Helper), ct);
        return reminder =>
        {
            if (!requests.TryGetValue(reminder.SubjectId, out var r)) return null;
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
        };
    }

    public static IEnumerable<PlannedReminder> For(HelpRequest request, NotificationSettings helper, DateTimeOffset now, DateTimeOffset until)
    {
        if (request is not { Status: RequestStatus.Claimed, ClaimedById: { } helperId, ClaimedAt: { } claimedAt }) yield break;
        var start = request.StartsAt ?? request.EndsAt;
        if (start <= now) yield break;
        var claim = $"{request.Id:N}:{start.UtcDateTime:yyyyMMddTHHmm}:{claimedAt.UtcTicks}";
        var known = ReminderPlan.Latest(claimedAt, helper.UpdatedAt);
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

    private IQueryable<HelpRequest> Claimed(DateTimeOffset now) =>
        db.Set<HelpRequest>().Where(r => r.Status == RequestStatus.Claimed && r.EndsAt > now);
}
