using System.Net.WebSockets;

namespace Wehelpen.LiveClient;

/// <summary>
/// One connection to a SignalR hub, speaking the JSON hub protocol (version 1) over a WebSocket: invocations with and
/// without an answer, server events queued per target, a Ping every <see cref="LiveHubClientOptions.KeepAliveInterval"/>.
/// No reconnecting, no streaming, no client results. All members are thread-safe.
/// </summary>
public sealed partial class LiveHubClient : IAsyncDisposable
{
    private static readonly TimeSpan CloseTimeout = TimeSpan.FromSeconds(2);

    private readonly WebSocket _socket;
    private readonly RecordReader _reader;
    private readonly MessageSender _sender;
    private readonly LiveHubClientOptions _options;
    private readonly PendingInvocations _pending = new();
    private readonly EventInbox? _inbox;
    private readonly CancellationTokenSource _lifetime = new();
    private readonly TaskCompletionSource _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task _receiving = Task.CompletedTask;
    private Task _keepingAlive = Task.CompletedTask;
    private volatile bool _connected = true;
    private volatile string? _closeError;
    private int _disposed;

    private LiveHubClient(WebSocket socket, RecordReader reader, MessageSender sender, LiveHubClientOptions options)
    {
        _socket = socket;
        _reader = reader;
        _sender = sender;
        _options = options;
        _inbox = options.QueueEvents ? new EventInbox() : null;
    }

    /// <summary>Completes when the connection has ended, for whatever reason (it never fails).</summary>
    public Task Closed => _closed.Task;

    /// <summary>The error in the server's Close message, if it sent one with an error.</summary>
    public string? CloseError => _closeError;

    /// <summary>True from the handshake until the connection ends or the client is disposed.</summary>
    public bool IsConnected => _connected;

    /// <summary>
    /// Does the handshake on an open WebSocket (a TestServer's, a <see cref="ClientWebSocket"/>), then starts reading and
    /// the keep-alive. The client owns the socket from here on, also when the handshake fails.
    /// </summary>
    /// <exception cref="HubHandshakeException">The server refused the handshake.</exception>
    /// <exception cref="TimeoutException">The server did not answer within <see cref="LiveHubClientOptions.HandshakeTimeout"/>.</exception>
    public static async Task<LiveHubClient> StartAsync(WebSocket socket, LiveHubClientOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(socket);
        options ??= LiveHubClientOptions.Default;
        options.Validate();
        if (socket.State != WebSocketState.Open) throw new ArgumentException($"The WebSocket must be open; it is {socket.State}.", nameof(socket));

        var reader = new RecordReader(socket);
        var sender = new MessageSender(socket, options.SerializerOptions);
        try
        {
            await HandshakeAsync(reader, sender, options.HandshakeTimeout, cancellationToken);
        }
        catch
        {
            socket.Abort();
            socket.Dispose();
            reader.Dispose();
            throw;
        }

        var client = new LiveHubClient(socket, reader, sender, options);
        client.Start();
        return client;
    }

    /// <summary>Opens a <see cref="ClientWebSocket"/> to <paramref name="uri"/> (ws:// or wss://, straight to the hub's
    /// path: no negotiate request), then does what <see cref="StartAsync"/> does.</summary>
    /// <param name="configure">For headers, cookies, credentials and the like on the socket before it connects.</param>
    public static async Task<LiveHubClient> ConnectAsync(
        Uri uri,
        Action<ClientWebSocketOptions>? configure = null,
        LiveHubClientOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(uri);
        (options ?? LiveHubClientOptions.Default).Validate();
        var socket = new ClientWebSocket();
        try
        {
            configure?.Invoke(socket.Options);
            await socket.ConnectAsync(uri, cancellationToken);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
        return await StartAsync(socket, options, cancellationToken);
    }

    /// <summary>
    /// Closes the WebSocket politely (a close frame, then the server's answer, for at most two seconds, else it is
    /// aborted) and stops the loops. Waiting invocations and events fail with <see cref="HubConnectionClosedException"/>.
    /// Never throws.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        _connected = false;
        try
        {
            if (!_receiving.IsCompleted && _socket.State == WebSocketState.Open) await _sender.CloseAsync(waitForServer: false, CloseTimeout);
            await _receiving.WaitAsync(CloseTimeout);
        }
        catch (Exception)
        {
            // The server did not answer the close in time, or was already gone: leave without its answer.
            _socket.Abort();
        }
        await _receiving;
        await _keepingAlive;
        _socket.Dispose();
        _lifetime.Dispose();
    }

    private static async Task HandshakeAsync(RecordReader reader, MessageSender sender, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            await sender.SendAsync(MessageSender.HandshakeRequest, deadline.Token);
            var response = await reader.ReadAsync(deadline.Token)
                ?? throw new HubConnectionClosedException(null, null, "The server closed the connection during the handshake.");
            HubMessage.CheckHandshakeResponse(response);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"The server did not answer the handshake within {timeout.TotalSeconds:0.###} s.");
        }
    }

    private void Start()
    {
        // On the thread pool, so the loops never run on (or wait for) the starting caller's synchronization context.
        _receiving = Task.Run(ReceiveAsync);
        if (_options.KeepAliveInterval != Timeout.InfiniteTimeSpan) _keepingAlive = Task.Run(() => KeepAliveAsync(_options.KeepAliveInterval));
    }
}
