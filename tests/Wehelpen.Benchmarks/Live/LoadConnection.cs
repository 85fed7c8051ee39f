using System.Buffers.Text;
using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;

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
    public HubConnection? Hub { get; private set; }

    /// <summary>Messages this connection sent so far, over all levels: numbers its client message ids.</summary>
    public int Sent { get; set; }

    public DeliveryLog? Log
    {
        get => Volatile.Read(ref _log);
        set => Volatile.Write(ref _log, value);
    }

    /// <summary>Connected, and its first call answered: it is in its circle.</summary>
    public bool Joined { get; private set; }

    public bool IsConnected => Hub?.State == HubConnectionState.Connected;

    public async Task ConnectAsync(Uri hub, string accessToken, CancellationToken ct)
    {
        Hub = LoadHub.Create(hub, accessToken);
        Hub.On<JsonElement>("chatMessage", OnChatMessage);
        await Hub.StartAsync(ct);
        // The hub puts a connection into its circles' groups after it answered the handshake; once a call of ours is
        // answered, that is done, and no message of the load can pass this connection by.
        await Hub.InvokeAsync("UnreadCounts", ct);
        Joined = true;
    }

    public ValueTask DisposeAsync() => Hub?.DisposeAsync() ?? ValueTask.CompletedTask;

    /// <summary>
    /// Called by the client for each chatMessage, one at a time in the order they came: reads what it needs straight
    /// from the parsed JSON, nothing more. A message that is not the load's, or not for this circle, is counted.
    /// Presence and unread events have no handler: the client drops them unread.
    /// </summary>
    private void OnChatMessage(JsonElement message)
    {
        var arrived = Stopwatch.GetTimestamp();
        if (Log is not { } log) return;
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
