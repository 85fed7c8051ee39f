using System.Globalization;
using System.Text.Json;

namespace Wehelpen.LiveClient;

/// <summary>
/// The invocations waiting for their completion, by invocation id. Once the connection has ended, every waiting
/// invocation fails and new ones are refused, so nothing waits for an answer that cannot come.
/// </summary>
internal sealed class PendingInvocations
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, TaskCompletionSource<Completion>> _waiting = new(StringComparer.Ordinal);
    private long _lastId;
    private (string? CloseError, Exception? Cause)? _ended;

    public (string Id, Task<Completion> Reply) Add()
    {
        lock (_lock)
        {
            if (_ended is var (closeError, cause)) throw new HubConnectionClosedException(closeError, cause);
            var id = (++_lastId).ToString(CultureInfo.InvariantCulture);
            var reply = new TaskCompletionSource<Completion>(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiting.Add(id, reply);
            return (id, reply.Task);
        }
    }

    /// <summary>Forgets an invocation that was answered, cancelled or never sent; a late answer is then ignored.</summary>
    public void Remove(string id)
    {
        lock (_lock) _waiting.Remove(id);
    }

    public void Complete(string id, JsonElement result, string? error)
    {
        TaskCompletionSource<Completion>? reply;
        lock (_lock) _waiting.Remove(id, out reply);
        reply?.TrySetResult(new Completion(result, error));
    }

    public void End(string? closeError, Exception? cause)
    {
        TaskCompletionSource<Completion>[] waiting;
        lock (_lock)
        {
            if (_ended is not null) return;
            _ended = (closeError, cause);
            waiting = [.. _waiting.Values];
            _waiting.Clear();
        }
        foreach (var reply in waiting) reply.TrySetException(new HubConnectionClosedException(closeError, cause));
    }
}

/// <summary>A completion: the result (undefined when the server sent none), or the server's error.</summary>
internal readonly record struct Completion(JsonElement Result, string? Error);
