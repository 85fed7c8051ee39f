namespace Wehelpen.Web.Platform.Cluster;

/// <summary>
/// Messages between the nodes that share the database: what one node's users did that the others must act on (live
/// messages for their connections, a volunteer whose matching data changed). A node never receives its own messages.
/// On one node (SQLite) there is nobody to tell and publishing does nothing.
/// </summary>
public interface IClusterBus
{
    /// <summary>Whether other nodes may be listening: the database is PostgreSQL.</summary>
    bool IsShared { get; }

    /// <summary>Sends to every other node. Never throws: what was saved stands; a failure is logged.</summary>
    Task PublishAsync(string channel, string payload);

    /// <summary>Handlers run one message at a time, in the order the messages were sent.</summary>
    void Subscribe(string channel, Func<string, Task> handler);

    /// <summary>
    /// Runs after this node was deaf for longer than messages are kept, and so may have missed some: whoever keeps
    /// state from messages reads it all again.
    /// </summary>
    void OnMissedMessages(Func<Task> handler);

    /// <summary>Runs when other nodes stopped or died (their heartbeat ended): the ids of the nodes that are gone.</summary>
    void OnNodesGone(Func<IReadOnlyList<string>, Task> handler);

    /// <summary>Runs when the other nodes had taken this node for gone (no heartbeat for a while) and it is back.</summary>
    void OnRejoined(Func<Task> handler);
}

/// <summary>One process on SQLite: there are no other nodes.</summary>
public sealed class SingleNodeBus : IClusterBus
{
    public bool IsShared => false;

    public Task PublishAsync(string channel, string payload) => Task.CompletedTask;

    public void Subscribe(string channel, Func<string, Task> handler) { }

    public void OnMissedMessages(Func<Task> handler) { }

    public void OnNodesGone(Func<IReadOnlyList<string>, Task> handler) { }

    public void OnRejoined(Func<Task> handler) { }
}
