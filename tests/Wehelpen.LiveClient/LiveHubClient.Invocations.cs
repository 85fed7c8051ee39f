using System.Net.WebSockets;
using System.Text.Json;

namespace Wehelpen.LiveClient;

public sealed partial class LiveHubClient
{
    /// <summary>
    /// Calls a hub method and waits for its completion: the result (JSON null for a void method;
    /// <see cref="JsonValueKind.Undefined"/> if the server sent none). <paramref name="cancellationToken"/> stops the
    /// waiting (a late answer is ignored).
    /// </summary>
    /// <exception cref="HubInvocationException">The server answered with an error; its text is the message.</exception>
    /// <exception cref="HubConnectionClosedException">The connection ended before the answer came.</exception>
    public async Task<JsonElement> InvokeAsync(string method, object?[] args, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(method);
        ArgumentNullException.ThrowIfNull(args);
        ObjectDisposedException.ThrowIf(_disposed != 0, this);

        var (id, reply) = _pending.Add();
        try
        {
            await SendInvocationAsync(id, method, args, cancellationToken);
            var completion = await reply.WaitAsync(cancellationToken);
            return completion.Error is null ? completion.Result : throw new HubInvocationException(method, completion.Error);
        }
        finally
        {
            _pending.Remove(id);
        }
    }

    /// <summary>
    /// As <see cref="InvokeAsync(string, object?[], CancellationToken)"/>, with the result read as a
    /// <typeparamref name="T"/> by the options' serializer settings; default when the server sent no result.
    /// </summary>
    public async Task<T> InvokeAsync<T>(string method, object?[] args, CancellationToken cancellationToken = default)
    {
        var result = await InvokeAsync(method, args, cancellationToken);
        return result.ValueKind == JsonValueKind.Undefined ? default! : result.Deserialize<T>(_options.SerializerOptions)!;
    }

    /// <summary>Calls a hub method without waiting for it: the server sends no completion, also not for an error.
    /// Done once the invocation is sent.</summary>
    public Task SendAsync(string method, object?[] args, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(method);
        ArgumentNullException.ThrowIfNull(args);
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        if (!_connected) throw new HubConnectionClosedException(_closeError, null);
        return SendInvocationAsync(null, method, args, cancellationToken);
    }

    private async Task SendInvocationAsync(string? invocationId, string method, object?[] args, CancellationToken cancellationToken)
    {
        try
        {
            await _sender.SendInvocationAsync(invocationId, method, args, cancellationToken);
        }
        catch (Exception e) when (e is WebSocketException or IOException or ObjectDisposedException
                                  || (e is InvalidOperationException && _socket.State != WebSocketState.Open))
        {
            // The transport's own words for a connection that went away underneath the send.
            throw new HubConnectionClosedException(_closeError, e);
        }
    }
}
