using System.Threading.Channels;

namespace Wehelpen.Web.Features.Accounts;

public enum AccountMailKind
{
    /// <summary>The confirmation link, to an account not confirmed yet (a new one, or "send it again").</summary>
    Confirmation,

    /// <summary>A reset link, to a confirmed account.</summary>
    PasswordReset,

    /// <summary>Someone registered with this address: to its confirmed owner a note, to an unconfirmed one the confirmation again.</summary>
    RegistrationAttempt,
}

/// <param name="Id">In the logs, and the mail's own id (a retry that follows a send which did go out is dropped as a repeat).</param>
/// <param name="Email">As typed: whether it has an account is found out when the mail is made, not while the person waits.</param>
public sealed record AccountMailRequest(Guid Id, AccountMailKind Kind, string Email);

/// <param name="Pause">
/// How long a mail waits before it is made: the answer to the request that asked for it is out by then, so the work of
/// making it (only for an address with an account) does not slow that answer down.
/// </param>
/// <param name="Retries">How long to wait before each next try of a mail that failed; after the last, it is given up (and logged).</param>
public sealed record AccountMailTiming(TimeSpan Pause, IReadOnlyList<TimeSpan> Retries)
{
    public static readonly AccountMailTiming Default = new(TimeSpan.FromMilliseconds(100),
        [TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5)]);
}

/// <summary>
/// The account mails a request asks for, made and sent after the answer (<see cref="AccountMailSender"/>): the answer
/// takes as long whether the address has an account or not. Held in memory: a node that dies loses what it had not
/// sent yet, and the person asks again ("no mail? send it again" is on every page that promises one).
/// </summary>
public sealed class AccountMailQueue
{
    private readonly Channel<AccountMailRequest> _channel = Channel.CreateUnbounded<AccountMailRequest>();
    private int _pending;
    private readonly object _idle = new();

    public ChannelReader<AccountMailRequest> Reader => _channel.Reader;

    /// <summary>Asked for and not yet sent or given up (waiting for a retry included).</summary>
    public int Pending => Volatile.Read(ref _pending);

    public void Enqueue(AccountMailKind kind, string? email)
    {
        if (string.IsNullOrWhiteSpace(email)) return;
        Interlocked.Increment(ref _pending);
        if (!_channel.Writer.TryWrite(new AccountMailRequest(Guid.NewGuid(), kind, email.Trim()))) Finished();
    }

    /// <summary>For a retry: the mail was pending all along.</summary>
    internal bool Requeue(AccountMailRequest mail) => _channel.Writer.TryWrite(mail);

    internal void Finished()
    {
        if (Interlocked.Decrement(ref _pending) != 0) return;
        lock (_idle) Monitor.PulseAll(_idle);
    }

    /// <summary>
    /// Waits until nothing is pending (tests read the mail folder after it); false when the time ran out. It sleeps
    /// until the last mail is done rather than spinning, which would take a core from the sender it waits for.
    /// </summary>
    public bool WaitUntilIdle(TimeSpan timeout)
    {
        var deadline = Environment.TickCount64 + (long)timeout.TotalMilliseconds;
        lock (_idle)
        {
            while (Pending != 0)
            {
                var left = deadline - Environment.TickCount64;
                if (left <= 0) return false;
                Monitor.Wait(_idle, TimeSpan.FromMilliseconds(left));
            }
            return true;
        }
    }
}

/// <summary>
/// Sends what <see cref="AccountMailQueue"/> holds, a few at a time, each in a scope of its own. A failure (the mail
/// server, the database) is logged with the mail's id and kind and the account's id, never the address, and tried
/// again after <see cref="AccountMailTiming.Retries"/>; at a stop, what is queued is still sent within the host's shutdown time.
/// </summary>
internal sealed class AccountMailSender(
    AccountMailQueue queue, IServiceScopeFactory scopes, AccountMailTiming timing, ILogger<AccountMailSender> logger) : BackgroundService
{
    private const int AtOnce = 4;

    private readonly Dictionary<Guid, int> _tries = [];

    protected override async Task ExecuteAsync(CancellationToken stopping)
    {
        await Task.WhenAll(Enumerable.Range(0, AtOnce).Select(_ => Task.Run(() => WorkAsync(stopping), CancellationToken.None)));
        // What was asked for before the stop still goes out (once: a failure now is not tried again).
        while (queue.Reader.TryRead(out var mail)) await SendAsync(mail, stopping);
    }

    private async Task WorkAsync(CancellationToken stopping)
    {
        try
        {
            await foreach (var mail in queue.Reader.ReadAllAsync(stopping))
            {
                try
                {
                    if (timing.Pause > TimeSpan.Zero) await Task.Delay(timing.Pause, stopping);
                }
                catch (OperationCanceledException)
                {
                    queue.Requeue(mail); // for the loop after the workers
                    throw;
                }
                await SendAsync(mail, stopping);
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested) { }
    }

    private async Task SendAsync(AccountMailRequest mail, CancellationToken stopping)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var userId = await scope.ServiceProvider.GetRequiredService<AccountEmails>().DeliverAsync(mail, CancellationToken.None);
            if (userId is null) logger.LogDebug("Account mail {MailId} ({Kind}): no account that needs it", mail.Id, mail.Kind);
            else logger.LogInformation("Account mail {MailId} ({Kind}) sent to account {UserId}", mail.Id, mail.Kind, userId);
            Done(mail);
        }
        catch (Exception e)
        {
            int tried;
            lock (_tries) _tries[mail.Id] = tried = _tries.GetValueOrDefault(mail.Id) + 1;
            if (tried > timing.Retries.Count || stopping.IsCancellationRequested)
            {
                logger.LogError(e, "Account mail {MailId} ({Kind}) was not sent after {Tries} tries; given up", mail.Id, mail.Kind, tried);
                Done(mail);
                return;
            }
            logger.LogWarning(e, "Account mail {MailId} ({Kind}) failed (try {Try}); trying again in {Delay}", mail.Id, mail.Kind, tried, timing.Retries[tried - 1]);
            _ = RetryLaterAsync(mail, timing.Retries[tried - 1], stopping);
        }
    }

    private async Task RetryLaterAsync(AccountMailRequest mail, TimeSpan delay, CancellationToken stopping)
    {
        try
        {
            await Task.Delay(delay, stopping);
            if (queue.Requeue(mail)) return;
        }
        catch (OperationCanceledException) { }
        logger.LogError("Account mail {MailId} ({Kind}) was not sent: the app stopped while it waited to try again", mail.Id, mail.Kind);
        Done(mail);
    }

    private void Done(AccountMailRequest mail)
    {
        lock (_tries) _tries.Remove(mail.Id);
        queue.Finished();
    }
}
