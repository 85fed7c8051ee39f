using System.Buffers.Text;
using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text.Json;
using Wehelpen.LiveClient;

namespace Wehelpen.Benchmarks.Live;

/// <summary>
/// One open tab of one person: a hub connection in that person's circle, on one node. Its chatMessage events go to the
/// <see cref="Log"/> of the level that runs; other events (presence, unread) are not looked at.
/// </summary>
/// <param name="nodeOf">The node of any connection, by index: a message whose sender was on another node crossed the bus.</param>
internal sealed class LoadConnection(int index, LoadPerson person, LoadCircle circle, int node, Func<int, int> nodeOf) : IAsyncDisposable
{
    private DeliveryLog? _log;

    public int Index { get; } = index;
    public LoadPerson Person { get; } = person;
    public LoadCircle Circle { get; } = circle;
    public int Node { get; } = node;
    public LiveHubClient? Client { get; private set; }

    /// <summary>Messages this connection sent so far, over all levels: numbers its client message ids.</summary>
    public int Sent { get; set; }

    public DeliveryLog? Log
    {
        get => Volatile.Read(ref _log);
        set => Volatile.Write(ref _log, value);
    }

    /// <summary>Connected, and its first call answered: it is in its circle.</summary>
    public bool Joined { get; private set; }

    public bool IsConnected => Client?.IsConnected == true;

    public async Task ConnectAsync(Uri hub, string accessToken, CancellationToken ct)
    {
        var options = new LiveHubClientOptions { QueueEvents = false, OnEvent = OnEvent };
        Client = await LiveHubClient.ConnectAsync(hub, socket => socket.SetRequestHeader("Authorization", $"Bearer {accessToken}"), options, ct);
        // The hub puts a connection into its circles' groups after it answered the handshake; once a call of ours is
        // answered, that is done, and no message of the load can pass this connection by.
        await Client.InvokeAsync("UnreadCounts", [], ct);
        Joined = true;
    }

    public ValueTask DisposeAsync() => Client?.DisposeAsync() ?? ValueTask.CompletedTask;

    /// <summary>
    /// On the connection's receive loop: reads what it needs straight from the parsed JSON, nothing more. It must not
    /// throw (that would end the connection): a message that is not the load's, or not for this circle, is counted.
    /// </summary>
    private void OnEvent(string target, JsonElement[] arguments)
    {
        if (target != "chatMessage" || Log is not { } log) return;
        var arrived = Stopwatch.GetTimestamp();
        var message = arguments[0];
        if (message.GetProperty("circleId").GetGuid() == Circle.Id && SentTimestamp(message.GetProperty("text")) is { } sent
            && SenderIndex(message.GetProperty("clientMessageId")) is { } sender)
            log.Delivered(message.GetProperty("seq").GetInt64(), arrived - sent, crossed: nodeOf(sender) != Node);
        else
            log.Unexpected();
    }

    /// <summary>The client message id is "{sender's connection index}.{its count}" (see <see cref="LoadLevel"/>).</summary>
    private static int? SenderIndex(JsonElement clientMessageId)
    {
        var raw = JsonMarshal.GetRawUtf8Value(clientMessageId); // with its quotes
        return raw.Length > 1 && Utf8Parser.TryParse(raw[1..], out int index, out _) ? index : null;
    }

    /// <summary>The text starts with the Stopwatch timestamp taken just before it was sent (see <see cref="LoadLevel"/>).</summary>
    private static long? SentTimestamp(JsonElement text)
    {
        var raw = JsonMarshal.GetRawUtf8Value(text); // with its quotes
        return raw.Length > 1 && Utf8Parser.TryParse(raw[1..], out long timestamp, out _) ? timestamp : null;
    }
}
