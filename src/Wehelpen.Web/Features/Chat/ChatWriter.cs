using System.Diagnostics;
using System.Threading.Channels;

namespace Wehelpen.Web.Features.Chat;

/// <summary>
/// The one writer of chat messages on this node (group commit): senders queue their message and wait; the writer takes
/// what has queued (up to <see cref="MaxBatch"/> messages), writes it in one transaction (<see cref="ChatBatch"/>) and
/// answers each sender. It does not wait for more: while one batch is written, the next one queues (a window of 2 ms
/// to gather more was measured: at 200 messages a second it only added latency). Nothing is answered before it is
/// committed. A batch that fails answers every sender with the error, and the writer goes on with the next. On
/// shutdown the queue is closed and what is in it still written; a message that comes before the writer runs (the demo
/// data, at startup) or after it stopped is written alone, in the same way.
/// </summary>
public sealed partial class ChatWriter(IServiceScopeFactory scopes, ILogger<ChatWriter> logger) : BackgroundService
{
    public const int MaxBatch = 256;

    /// <summary>A senders' burst beyond this waits for room (back-pressure) rather than growing the queue without end.</summary>
    private const int QueueLimit = 8 * MaxBatch;

    /// <summary>How often a message alone is tried again when another node stored the same client id just before it.</summary>
    private const int DuplicateRetries = 3;

    private readonly Channel<Pending> _queue = Channel.CreateBounded<Pending>(
        new BoundedChannelOptions(QueueLimit) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    private volatile bool _running;

    /// <returns>What it was stored as; null when its thread is gone.</returns>
    public async Task<ChatWritten?> WriteAsync(ChatDraft draft, CancellationToken ct)
    {
        var pending = new Pending(draft);
        if (!_running || !await TryQueueAsync(pending, ct)) await WriteAloneAsync(pending);
        // Not cancelled with the caller: once queued, it is written, and the answer is then the truth about it.
        return await pending.Answer.Task;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        _running = true;
        var batch = new List<Pending>(MaxBatch);
        // Not stoppingToken: StopAsync closes the queue, and this goes on until what is in it is written.
        while (await _queue.Reader.WaitToReadAsync(CancellationToken.None))
        {
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var pending)) batch.Add(pending);
            await WriteBatchAsync(batch);
            batch.Clear();
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        _running = false;
        _queue.Writer.TryComplete();
        await base.StopAsync(cancellationToken);
    }

    private async Task<bool> TryQueueAsync(Pending pending, CancellationToken ct)
    {
        try
        {
            await _queue.Writer.WriteAsync(pending, ct);
            return true;
        }
        catch (ChannelClosedException)
        {
            return false;
        }
    }

    private async Task WriteBatchAsync(List<Pending> batch)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            var written = await WriteInScopeAsync(batch);
            for (var i = 0; i < batch.Count; i++) batch[i].Answer.TrySetResult(written[i]);
            LogBatch(batch.Count, batch.Select(p => p.Draft.ThreadId).Distinct().Count(), Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        catch (Exception e) when (ChatBatch.IsDuplicate(e))
        {
            // Another node stored one of these client ids just now (a batch of one too: a resend through the other node
            // that waited for its lock): written one by one, each then finds it.
            LogRace(batch.Count);
            foreach (var pending in batch) await WriteAloneAsync(pending);
        }
        catch (Exception e)
        {
            LogFailed(e, batch.Count);
            foreach (var pending in batch) pending.Answer.TrySetException(e);
        }
    }

    private async Task WriteAloneAsync(Pending pending)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                pending.Answer.TrySetResult((await WriteInScopeAsync([pending]))[0]);
                return;
            }
            catch (Exception e) when (ChatBatch.IsDuplicate(e) && attempt < DuplicateRetries)
            {
                // Stored by another node between the look-up and the insert: the next attempt finds it.
            }
            catch (Exception e)
            {
                LogFailed(e, 1);
                pending.Answer.TrySetException(e);
                return;
            }
        }
    }

    private async Task<ChatWritten?[]> WriteInScopeAsync(IReadOnlyList<Pending> batch)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ChatBatch>().WriteAsync([.. batch.Select(p => p.Draft)], CancellationToken.None);
    }

    private sealed class Pending(ChatDraft draft)
    {
        public ChatDraft Draft { get; } = draft;

        /// <summary>Its continuation runs on the thread pool, not in the writer's loop.</summary>
        public TaskCompletionSource<ChatWritten?> Answer { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    [LoggerMessage(LogLevel.Debug, "Chat batch of {Messages} messages in {Threads} threads written in {Milliseconds:0.0} ms")]
    private partial void LogBatch(int messages, int threads, double milliseconds);

    [LoggerMessage(LogLevel.Information, "A chat batch of {Messages} messages met a client id another node stored just before; writing them one by one")]
    private partial void LogRace(int messages);

    [LoggerMessage(LogLevel.Error, "Writing a chat batch of {Messages} messages failed; its senders get the error")]
    private partial void LogFailed(Exception exception, int messages);
}
