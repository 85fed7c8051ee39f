using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Localization;

namespace Wehelpen.Web.Features.Accounts.Sessions;

/// <summary>
/// Hub connections of a session that ends: closed as soon as this node hears of it (<see cref="SessionGate.Ended"/>:
/// at once on this node, over the bus from the others), and every call is checked against the gate too, in case the
/// news was lost: such a call is refused (not closed, or the refusal would never reach the caller). A new connection
/// of an ended session never gets this far: its cookie or token is refused when it connects.
/// </summary>
public sealed class SessionHubFilter(SessionGate gate, SessionHubConnections connections, IStringLocalizer<SharedResource> text) : IHubFilter
{
    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocation, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        var context = invocation.Context;
        if (context.User is null || !await gate.IsOpenAsync(context.User, context.ConnectionAborted))
            throw new HubException(text["Sessions.Ended"]);
        return await next(invocation);
    }

    public Task OnConnectedAsync(HubLifetimeContext context, Func<HubLifetimeContext, Task> next)
    {
        connections.Add(context.Context);
        return next(context);
    }

    public Task OnDisconnectedAsync(HubLifetimeContext context, Exception? exception, Func<HubLifetimeContext, Exception?, Task> next)
    {
        connections.Remove(context.Context);
        return next(context, exception);
    }
}

/// <summary>This node's hub connections by session, to close those of a session that ended.</summary>
public sealed class SessionHubConnections
{
    private readonly ConcurrentDictionary<string, (Guid Session, HubCallerContext Context)> _byConnection = new();

    public SessionHubConnections(SessionGate gate) => gate.Ended += Close;

    public void Add(HubCallerContext context)
    {
        if (context.User.SessionId() is { } session) _byConnection[context.ConnectionId] = (session, context);
    }

    public void Remove(HubCallerContext context) => _byConnection.TryRemove(context.ConnectionId, out _);

    private void Close(IReadOnlyCollection<Guid> sessions)
    {
        foreach (var (_, (session, context)) in _byConnection)
            if (sessions.Contains(session)) context.Abort();
    }
}
