using Microsoft.AspNetCore.SignalR;

namespace Wehelpen.Web.Platform.Live;

/// <summary>The hub's clients and groups, whichever hub class the composition maps (<see cref="LiveTransportExtensions.AddLiveTransport{THub}"/>).</summary>
public sealed record LiveClients(IHubClients Clients, IGroupManager Groups);

internal sealed class LiveSender(LiveClients hub, LiveConnections connections, ILogger<LiveSender> logger) : ILiveSender
{
    public Task ToCircleAsync(Guid circleId, string eventName, object payload, string? exceptConnectionId = null) =>
        exceptConnectionId is null
            ? hub.Clients.Group(LiveConnections.CircleGroup(circleId)).SendAsync(eventName, payload)
            : hub.Clients.GroupExcept(LiveConnections.CircleGroup(circleId), [exceptConnectionId]).SendAsync(eventName, payload);

    public Task ToPeopleAsync(IReadOnlyList<string> userIds, string eventName, object payload) =>
        hub.Clients.Users(userIds).SendAsync(eventName, payload);

    public Task ToPersonAsync(string userId, string eventName, object payload) =>
        hub.Clients.User(userId).SendAsync(eventName, payload);

    public Task<HashSet<string>> OnlineAsync(IEnumerable<string> userIds) => connections.OnlineAsync(userIds);

    public Task<HashSet<string>> OnlineWithRoleAsync(bool volunteers) => connections.OnlineWithRoleAsync(volunteers);

    public async Task SafelyAsync(string what, Func<Task> send)
    {
        try
        {
            await send();
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Live news ({What}) could not be sent; open pages catch up on their next load.", what);
        }
    }
}
