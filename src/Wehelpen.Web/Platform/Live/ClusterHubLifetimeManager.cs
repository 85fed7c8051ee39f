using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Protocol;
using Microsoft.Extensions.Options;
using Wehelpen.Web.Platform.Cluster;

namespace Wehelpen.Web.Platform.Live;

/// <summary>
/// SignalR across nodes: what a hub sends goes to this node's own connections at once (the framework's default
/// manager), and over the cluster bus to every other node, which sends it to its connections. Groups and users are
/// per node: each node knows which of its own connections are in which circle. The arguments travel as the JSON the
/// client would get, so the other node sends exactly the same message. Used on PostgreSQL; one node needs none of it.
/// </summary>
public sealed class ClusterHubLifetimeManager<THub> : HubLifetimeManager<THub> where THub : Hub
{
    private readonly DefaultHubLifetimeManager<THub> _local;
    private readonly IClusterBus _bus;
    private readonly JsonSerializerOptions _json;
    private readonly string _channel = $"hub:{typeof(THub).Name}";

    /// <summary>This node's own connections: a message to one of them (the caller's answer) stays on this node.</summary>
    private readonly ConcurrentDictionary<string, byte> _here = new(StringComparer.Ordinal);

    public ClusterHubLifetimeManager(ILogger<DefaultHubLifetimeManager<THub>> logger, IClusterBus bus, IOptions<JsonHubProtocolOptions> protocol)
    {
        _local = new DefaultHubLifetimeManager<THub>(logger);
        _bus = bus;
        _json = protocol.Value.PayloadSerializerOptions;
        bus.Subscribe(_channel, ReceiveAsync);
    }

    public override Task OnConnectedAsync(HubConnectionContext connection)
    {
        _here[connection.ConnectionId] = 0;
        return _local.OnConnectedAsync(connection);
    }

    public override Task OnDisconnectedAsync(HubConnectionContext connection)
    {
        _here.TryRemove(connection.ConnectionId, out _);
        return _local.OnDisconnectedAsync(connection);
    }

    // A node can only put its own connections in a group; LiveConnections only ever does.
    public override Task AddToGroupAsync(string connectionId, string groupName, CancellationToken cancellationToken = default) =>
        _local.AddToGroupAsync(connectionId, groupName, cancellationToken);

    public override Task RemoveFromGroupAsync(string connectionId, string groupName, CancellationToken cancellationToken = default) =>
        _local.RemoveFromGroupAsync(connectionId, groupName, cancellationToken);

    public override async Task SendAllAsync(string methodName, object?[] args, CancellationToken cancellationToken = default)
    {
        await _local.SendAllAsync(methodName, args, cancellationToken);
        await PublishAsync(new HubSend(HubSendKind.All, null, null, methodName, args));
    }

    public override async Task SendAllExceptAsync(string methodName, object?[] args, IReadOnlyList<string> excludedConnectionIds, CancellationToken cancellationToken = default)
    {
        await _local.SendAllExceptAsync(methodName, args, excludedConnectionIds, cancellationToken);
        await PublishAsync(new HubSend(HubSendKind.All, null, excludedConnectionIds, methodName, args));
    }

    public override Task SendConnectionAsync(string connectionId, string methodName, object?[] args, CancellationToken cancellationToken = default) =>
        SendConnectionsAsync([connectionId], methodName, args, cancellationToken);

    public override async Task SendConnectionsAsync(IReadOnlyList<string> connectionIds, string methodName, object?[] args, CancellationToken cancellationToken = default)
    {
        await _local.SendConnectionsAsync(connectionIds, methodName, args, cancellationToken);
        var elsewhere = connectionIds.Where(id => !_here.ContainsKey(id)).ToList();
        if (elsewhere.Count > 0) await PublishAsync(new HubSend(HubSendKind.Connections, elsewhere, null, methodName, args));
    }

    public override Task SendGroupAsync(string groupName, string methodName, object?[] args, CancellationToken cancellationToken = default) =>
        SendGroupExceptAsync(groupName, methodName, args, [], cancellationToken);

    public override async Task SendGroupsAsync(IReadOnlyList<string> groupNames, string methodName, object?[] args, CancellationToken cancellationToken = default)
    {
        await _local.SendGroupsAsync(groupNames, methodName, args, cancellationToken);
        await PublishAsync(new HubSend(HubSendKind.Groups, groupNames, null, methodName, args));
    }

    public override async Task SendGroupExceptAsync(string groupName, string methodName, object?[] args, IReadOnlyList<string> excludedConnectionIds, CancellationToken cancellationToken = default)
    {
        await _local.SendGroupExceptAsync(groupName, methodName, args, excludedConnectionIds, cancellationToken);
        await PublishAsync(new HubSend(HubSendKind.Groups, [groupName], excludedConnectionIds, methodName, args));
    }

    public override Task SendUserAsync(string userId, string methodName, object?[] args, CancellationToken cancellationToken = default) =>
        SendUsersAsync([userId], methodName, args, cancellationToken);

    public override async Task SendUsersAsync(IReadOnlyList<string> userIds, string methodName, object?[] args, CancellationToken cancellationToken = default)
    {
        await _local.SendUsersAsync(userIds, methodName, args, cancellationToken);
        await PublishAsync(new HubSend(HubSendKind.Users, userIds, null, methodName, args));
    }

    private Task PublishAsync(HubSend send) => _bus.PublishAsync(_channel, JsonSerializer.Serialize(send, _json));

    /// <summary>Another node sent something: to this node's connections that it is meant for.</summary>
    private Task ReceiveAsync(string payload)
    {
        var send = JsonSerializer.Deserialize<ReceivedHubSend>(payload, _json) ?? throw new JsonException("An empty hub message.");
        // JSON elements are written to the client as they are: the same bytes the sending node's clients got.
        var args = send.Args.EnumerateArray().Select(a => (object?)a.Clone()).ToArray();
        var targets = send.Targets ?? [];
        return send.Kind switch
        {
            HubSendKind.All when send.Excluded is { Count: > 0 } excluded => _local.SendAllExceptAsync(send.Method, args, excluded),
            HubSendKind.All => _local.SendAllAsync(send.Method, args),
            HubSendKind.Connections => _local.SendConnectionsAsync(targets, send.Method, args),
            HubSendKind.Groups when targets.Count == 1 => _local.SendGroupExceptAsync(targets[0], send.Method, args, send.Excluded ?? []),
            HubSendKind.Groups => _local.SendGroupsAsync(targets, send.Method, args),
            HubSendKind.Users => _local.SendUsersAsync(targets, send.Method, args),
            _ => Task.CompletedTask,
        };
    }

    private enum HubSendKind { All, Connections, Groups, Users }

    private sealed record HubSend(HubSendKind Kind, IReadOnlyList<string>? Targets, IReadOnlyList<string>? Excluded, string Method, object?[] Args);

    private sealed record ReceivedHubSend(HubSendKind Kind, IReadOnlyList<string>? Targets, IReadOnlyList<string>? Excluded, string Method, JsonElement Args);
}
