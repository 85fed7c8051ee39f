using Wehelpen.Web.Features.Push;

namespace Wehelpen.Web.Features.Notifications;

/// <summary>
/// Which notifications also go to a person's devices as a push, and what the push says: being asked to help and the
/// reminders (the rest waits in the notification centre and the mail). A push says less than the notification: never
/// where an appointment is, only the postcode area of a request. A request that starts within
/// <see cref="UrgentWithin"/> cannot wait for the end of someone's quiet hours.
/// </summary>
public sealed class NotificationPushes(NotificationTexts texts)
{
    public static readonly TimeSpan UrgentWithin = TimeSpan.FromHours(12);
    private static readonly TimeSpan KeptWithoutMoment = TimeSpan.FromDays(1);

    public static bool IsPushed(NotificationKind kind) => kind is NotificationKind.HelpAsked or NotificationKind.AppointmentReminder
        or NotificationKind.TaskReminder or NotificationKind.TaskConfirm;

    public IReadOnlyList<NewPush> For(IEnumerable<Notification> made, DateTimeOffset now) =>
        made.Where(n => IsPushed(n.Kind)).Select(n =>
        {
            var at = NotificationData.FromJson(n.Data).At;
            var urgent = n.Kind == NotificationKind.HelpAsked && at is { } start && start - now < UrgentWithin;
            return new NewPush(n.UserId, $"notification:{n.Id:N}", _ => Content(n), urgent, at is { } moment && moment > now ? moment : now + KeptWithoutMoment);
        }).ToList();

    private PushContent Content(Notification n)
    {
        var data = NotificationData.FromJson(n.Data);
        // The place of an appointment may be an address: the push leaves it out, the notification centre has it.
        var shown = texts.Render(n.Kind, (n.Kind == NotificationKind.AppointmentReminder ? data with { Place = null } : data).ToJson());
        return new PushContent(shown.Title, shown.Body, n.Link, Tag: n.Id.ToString("N"));
    }
}
