namespace Wehelpen.Web.Platform.Live;

/// <summary>
/// The live transport, one way: it sends an event to a circle, to named people, and says who is online. Which people
/// hear something is decided by the feature that knows (Chat, Requests, Notifications, ...); the event's name and
/// payload are that feature's too. Sends reach every node (<see cref="ClusterHubLifetimeManager{THub}"/>).
/// </summary>
public interface ILiveSender
{
    /// <summary>To every connection in the circle's group (the members online), except <paramref name="exceptConnectionId"/>.</summary>
    Task ToCircleAsync(Guid circleId, string eventName, object payload, string? exceptConnectionId = null);

    Task ToPeopleAsync(IReadOnlyList<string> userIds, string eventName, object payload);

    Task ToPersonAsync(string userId, string eventName, object payload);

    /// <summary>Of these people, the ones online on this node or another.</summary>
    Task<HashSet<string>> OnlineAsync(IEnumerable<string> userIds);

    /// <summary>Everyone online (here or on another node) with the volunteer role, or else the professional role.</summary>
    Task<HashSet<string>> OnlineWithRoleAsync(bool volunteers);

    /// <summary>
    /// Runs what a use case tells after its save: it never fails the use case (what was saved stands, and a page that
    /// missed a change shows it on its next load); a failure is logged.
    /// </summary>
    Task SafelyAsync(string what, Func<Task> send);
}
