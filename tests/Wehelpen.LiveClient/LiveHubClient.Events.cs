using System.Text.Json;

namespace Wehelpen.LiveClient;

public sealed partial class LiveHubClient
{
    private static readonly TimeSpan DefaultEventTimeout = TimeSpan.FromSeconds(10);

    /// <summary>
    /// The arguments of the first <paramref name="target"/> event (queued or still to come) that <paramref name="match"/>
    /// accepts; it is taken from the queue, so the next call finds the next one. Events that do not match stay queued.
    /// </summary>
    /// <exception cref="TimeoutException">None came within <paramref name="timeout"/> (10 s unless given); the message
    /// lists what did arrive.</exception>
    /// <exception cref="HubConnectionClosedException">The connection ended, so none can come any more.</exception>
    /// <exception cref="InvalidOperationException"><see cref="LiveHubClientOptions.QueueEvents"/> is off.</exception>
    public Task<JsonElement[]> NextAsync(string target, Func<JsonElement[], bool>? match = null, TimeSpan? timeout = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(target);
        return Inbox.NextAsync(target, match, timeout ?? DefaultEventTimeout);
    }

    /// <summary>Every <paramref name="target"/> event received so far, taken by <see cref="NextAsync"/> or not, oldest
    /// first: a snapshot, to show that something did not arrive.</summary>
    public IReadOnlyList<JsonElement[]> Received(string target)
    {
        ArgumentException.ThrowIfNullOrEmpty(target);
        return Inbox.Received(target);
    }

    private EventInbox Inbox =>
        _inbox ?? throw new InvalidOperationException("This client keeps no events: QueueEvents is off in its options.");
}
