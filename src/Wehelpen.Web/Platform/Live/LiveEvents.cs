namespace Wehelpen.Web.Platform.Live;

/// <summary>
/// What the transport itself tells clients, by name; the payloads are the records below (JSON, camelCase). The
/// features name their own events next to their payloads (ChatEvents, RequestEvents, NotificationEvents).
/// </summary>
public static class LiveEvents
{
    /// <summary><see cref="LiveChange"/>: something on a page may have changed; the page reads itself again.</summary>
    public const string Changed = "changed";

    /// <summary><see cref="PresenceNotice"/>: a member of a circle came online or went away.</summary>
    public const string Presence = "presence";

    /// <summary><see cref="LeftCircleNotice"/>: the person is no longer a member; the circle's pages are closed to them.</summary>
    public const string LeftCircle = "leftCircle";
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

public sealed record PresenceNotice(Guid CircleId, string UserId, string Name, bool Online);

public sealed record LeftCircleNotice(Guid CircleId);
