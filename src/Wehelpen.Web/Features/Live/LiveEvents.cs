using Wehelpen.Web.Features.Chat;
using Wehelpen.Web.Features.Requests;

namespace Wehelpen.Web.Features.Live;

/// <summary>What the hub tells clients, by name; the payloads are the records below (JSON, camelCase).</summary>
public static class LiveEvents
{
    /// <summary><see cref="LiveChange"/>: something on a page may have changed; the page reads itself again.</summary>
    public const string Changed = "changed";

    /// <summary><see cref="ChatMessageResponse"/>: a new message in a conversation the person is in.</summary>
    public const string ChatMessage = "chatMessage";

    /// <summary><see cref="TypingNotice"/>.</summary>
    public const string Typing = "typing";

    /// <summary><see cref="PresenceNotice"/>: a member of a circle came online or went away.</summary>
    public const string Presence = "presence";

    /// <summary><see cref="UnreadCount"/>: the person's unread count of a circle's chat changed on another screen.</summary>
    public const string Unread = "unread";

    /// <summary><see cref="Wehelpen.Web.Features.Requests.Matching.AskedRequest"/>: matching asks this volunteer to help, with why them.</summary>
    public const string Alert = "alert";

    /// <summary><see cref="AlertClosedNotice"/>: a request this volunteer was asked about is no longer open.</summary>
    public const string AlertClosed = "alertClosed";

    /// <summary><see cref="LeftCircleNotice"/>: the person is no longer a member; the circle's pages are closed to them.</summary>
    public const string LeftCircle = "leftCircle";

    /// <summary><see cref="Wehelpen.Web.Features.Notifications.LiveNotification"/>: a new notification for this person, with their unread count.</summary>
    public const string Notification = "notification";

    /// <summary><see cref="Wehelpen.Web.Features.Notifications.UnreadNotifications"/>: notifications were read on another screen; the bell shows this count.</summary>
    public const string NotificationsRead = "notificationsRead";
}

/// <summary>The parts of the product a change concerns; a page names the ones it shows.</summary>
public enum LiveArea
{
    Agenda,
    Logbook,
    Notes,
    Requests,
    Members,

    /// <summary>The neighbourhood requests near a volunteer, and the buurtteam's list.</summary>
    Nearby,

    /// <summary>A request as its helper sees it, and their tasks.</summary>
    Help,
}

public sealed record LiveChange(IReadOnlyList<LiveArea> Areas, Guid? CircleId = null, Guid? RequestId = null);

public sealed record TypingNotice(ChatTarget Target, Guid CircleId, string UserId, string Name);

public sealed record PresenceNotice(Guid CircleId, string UserId, string Name, bool Online);

public sealed record OnlineMember(string UserId, string Name);

public sealed record AlertClosedNotice(Guid RequestId, RequestStatus Status);

public sealed record LeftCircleNotice(Guid CircleId);
