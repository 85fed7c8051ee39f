using System.Net.WebSockets;
using System.Runtime.InteropServices;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Wehelpen.LiveClient;

namespace Wehelpen.Web.Tests.Live;

/// <summary>
/// A WebSocket endpoint (over TestServer) that plays a script instead of being a hub: it sends exactly the bytes and
/// frames a test wants, to try the client on what a real hub does only by chance (records split or packed together)
/// or never (a refused handshake). After the script, the server closes its side.
/// </summary>
internal sealed class ScriptedHubServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly TaskCompletionSource _played = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ScriptedHubServer(WebApplication app) => _app = app;

    /// <summary>Completes when the script has run; fails as it failed, so its assertions count.</summary>
    public Task Played => _played.Task;

    public static async Task<ScriptedHubServer> StartAsync(Func<ScriptedSocket, Task> script)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseTestServer();
        var app = builder.Build();
        var server = new ScriptedHubServer(app);
        app.Run(context => server.PlayAsync(context, script));
        await app.StartAsync();
        return server;
    }

    public async Task<WebSocket> OpenAsync() =>
        await _app.GetTestServer().CreateWebSocketClient().ConnectAsync(new Uri("ws://localhost/hub"), CancellationToken.None);

    public async Task<LiveHubClient> ConnectAsync(LiveHubClientOptions? options = null) => await LiveHubClient.StartAsync(await OpenAsync(), options);

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private async Task PlayAsync(HttpContext context, Func<ScriptedSocket, Task> script)
    {
        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        try
        {
            await script(new ScriptedSocket(socket));
            if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
            _played.TrySetResult();
        }
        catch (Exception e)
        {
            _played.TrySetException(e);
        }
    }
}

/// <summary>The server's end of the socket, as a script sees it.</summary>
internal sealed class ScriptedSocket(WebSocket socket)
{
    private const byte Separator = 0x1E;

    private readonly List<byte> _received = [];

    /// <summary>Sends text as one frame; with <paramref name="endOfMessage"/> false, more frames of the message follow.</summary>
    public Task SendAsync(string text, bool endOfMessage = true) => SendAsync(Encoding.UTF8.GetBytes(text), endOfMessage);

    public Task SendAsync(byte[] bytes, bool endOfMessage = true) =>
        socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage, CancellationToken.None);

    /// <summary>Answers the client's handshake request with <paramref name="response"/>.</summary>
    public async Task HandshakeAsync(string response = "{}")
    {
        Assert.Equal("""{"protocol":"json","version":1}""", await ReceiveRecordAsync());
        await SendAsync(response + "\u001e");
    }

    /// <summary>The client's next record, without its separator; null once the client closed the socket.</summary>
    public async Task<string?> ReceiveRecordAsync()
    {
        var buffer = new byte[1024];
        while (true)
        {
            var end = _received.IndexOf(Separator);
            if (end >= 0)
            {
                var record = Encoding.UTF8.GetString(CollectionsMarshal.AsSpan(_received)[..end]);
                _received.RemoveRange(0, end + 1);
                return record;
            }
            var result = await socket.ReceiveAsync(buffer, CancellationToken.None);
            if (result.MessageType == WebSocketMessageType.Close) return null;
            _received.AddRange(buffer.AsSpan(0, result.Count));
        }
    }
}
