namespace Wehelpen.Web.Features.Notifications;

/// <summary>One notification as its reader sees it: the text in their language, and whether they have read it.</summary>
public sealed record NotificationItem(Guid Id, NotificationKind Kind, string Title, string Body, string Link, DateTimeOffset CreatedAt, DateTimeOffset? ReadAt)
{
    public bool Unread => ReadAt is null;
}

/// <param name="Items">Newest first.</param>
/// <param name="Next">The <c>before</c> of the next (older) page; null when there is none.</param>
/// <param name="Unread">All unread notifications of the person, not only these.</param>
public sealed record NotificationPage(IReadOnlyList<NotificationItem> Items, DateTimeOffset? Next, int Unread);

/// <summary>The person's unread count after a change, or as asked for; also what the hub sends as "notificationsRead".</summary>
public sealed record UnreadNotifications(int Unread);

/// <param name="AppointmentOffsets">Minutes before an appointment, largest first; empty is "no appointment reminders".</param>
/// <param name="OffsetChoices">What may be chosen for <paramref name="AppointmentOffsets"/>.</param>
public sealed record NotificationSettingsResponse(
    IReadOnlyList<int> AppointmentOffsets, AppointmentScope AppointmentScope, bool TaskReminders, bool Email, DigestFrequency Digest,
    IReadOnlyList<int> OffsetChoices);

/// <summary>
/// A change of settings; a field left out (null) stays as it is. Scope and digest are their names
/// ("involved", "allCircles"; "none", "daily", "weekly"), read by the use case so that a wrong one gets a message in
/// the person's language rather than the JSON reader's.
/// </summary>
public sealed record NotificationSettingsInput(
    IReadOnlyList<int>? AppointmentOffsets = null, string? AppointmentScope = null, bool? TaskReminders = null, bool? Email = null, string? Digest = null);
