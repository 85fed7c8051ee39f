using System.Buffers;
using System.Net.WebSockets;
using System.Text.Json;

namespace Wehelpen.LiveClient;

/// <summary>
/// Writes the client's records to the WebSocket, one at a time: a WebSocket allows one send in flight, and two
/// interleaved sends would garble both records. Each record is written into one buffer (reused, under the same lock)
/// and sent as one message.
/// </summary>
internal sealed class MessageSender
{
    private const byte Separator = 0x1E;

    public static readonly ReadOnlyMemory<byte> HandshakeRequest = "{\"protocol\":\"json\",\"version\":1}\u001e"u8.ToArray();
    public static readonly ReadOnlyMemory<byte> Ping = "{\"type\":6}\u001e"u8.ToArray();

    private readonly WebSocket _socket;
    private readonly JsonSerializerOptions _serializerOptions;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly ArrayBufferWriter<byte> _buffer = new(256);
    private readonly Utf8JsonWriter _json;

    public MessageSender(WebSocket socket, JsonSerializerOptions serializerOptions)
    {
        _socket = socket;
        _serializerOptions = serializerOptions;
        _json = new Utf8JsonWriter(_buffer, new JsonWriterOptions { Encoder = serializerOptions.Encoder });
    }

    /// <summary>Sends a ready-made record. <paramref name="cancellationToken"/> only gives up waiting for the turn to
    /// send: cancelling a send in flight would abort the WebSocket.</summary>
    public async Task SendAsync(ReadOnlyMemory<byte> record, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await _socket.SendAsync(record, WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>An invocation; without <paramref name="invocationId"/> the server sends no completion.</summary>
    public async Task SendInvocationAsync(string? invocationId, string target, object?[] arguments, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            Begin(HubMessage.Invocation, invocationId);
            _json.WriteString("target", target);
            _json.WriteStartArray("arguments");
            foreach (var argument in arguments) JsonSerializer.Serialize(_json, argument, _serializerOptions);
            _json.WriteEndArray();
            await SendWrittenAsync();
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>An error completion, the answer to a server invocation that expects a result from the client.</summary>
    public async Task SendCompletionErrorAsync(string invocationId, string error, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            Begin(HubMessage.Completion, invocationId);
            _json.WriteString("error", error);
            await SendWrittenAsync();
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Sends the WebSocket close frame, or with <paramref name="waitForServer"/> also waits for the server's (reading and
    /// dropping what comes before it: only for when the receive loop no longer reads). Gives up after <paramref name="timeout"/>.
    /// </summary>
    public async Task CloseAsync(bool waitForServer, TimeSpan timeout)
    {
        using var giveUp = new CancellationTokenSource(timeout);
        await _gate.WaitAsync(giveUp.Token);
        try
        {
            if (waitForServer) await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, giveUp.Token);
            else await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, giveUp.Token);
        }
        finally
        {
            _gate.Release();
        }
    }

    private void Begin(int type, string? invocationId)
    {
        _buffer.ResetWrittenCount();
        _json.Reset(_buffer);
        _json.WriteStartObject();
        _json.WriteNumber("type", type);
        if (invocationId is not null) _json.WriteString("invocationId", invocationId);
    }

    private async Task SendWrittenAsync()
    {
        _json.WriteEndObject();
        _json.Flush();
        _buffer.GetSpan(1)[0] = Separator;
        _buffer.Advance(1);
        await _socket.SendAsync(_buffer.WrittenMemory, WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);
    }
}
