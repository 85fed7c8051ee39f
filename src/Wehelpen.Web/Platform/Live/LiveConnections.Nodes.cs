using Microsoft.AspNetCore.SignalR;

namespace Wehelpen.Web.Platform.Live;

public sealed partial class LiveConnections
{
    /// <summary>
    /// Whether someone is online here is this node's to say; the others read it from the database. If that write fails,
    /// they miss this person for a while (presence only), never the other way round: the connection stands.
    /// </summary>
    private async Task TellOtherNodesAsync(Func<Task> write)
    {
        try
        {
            await write();
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "The other nodes could not be told who is online here.");
        }
    }

    /// <summary>
    /// Nodes stopped or died, and this node took over what they left: whoever was online only there has gone, and
    /// their circles hear so. Someone whose page reconnected to another node in the meantime is still online.
    /// </summary>
    private async Task NodesGoneAsync(IReadOnlyList<string> nodes)
    {
        var left = await presence.ForgetNodesAsync(nodes);
        if (left.Count == 0) return;
        left.ExceptWith(await OnlineAsync(left));
        foreach (var userId in left)
        {
            var (name, circles) = await ReadAsync(userId);
            foreach (var circle in circles)
                await hub.Clients.Group(CircleGroup(circle)).SendAsync(LiveEvents.Presence, new PresenceNotice(circle, userId, name, false));
        }
    }

    /// <summary>The other nodes had taken this node for gone (it could not reach the database for a while): it says again who is here.</summary>
    private async Task RejoinedAsync()
    {
        foreach (var person in _people.Values.Where(p => p.Online))
            await TellOtherNodesAsync(() => presence.HereAsync(person.UserId, person.IsVolunteer, person.IsProfessional));
    }
}
