using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Wehelpen.Web.Platform.Email;

/// <summary>
/// The SMTP clients that are connected and signed in, waiting for the next mail. One is taken for each send and given
/// back after it, so a run of mails from one caller reuses one connection, and concurrent callers never share a client
/// (a MailKit client does one thing at a time). A client idle longer than <see cref="IdleLimit"/> is closed rather than
/// reused (servers close idle connections after a while, often a minute or five); one the server dropped anyway fails
/// on its next mail, which is then sent once more over a new connection. That second try can repeat a mail the server
/// took just before the connection broke: the message id (EmailMessage.Id) lets mail systems drop the repeat.
/// </summary>
internal sealed class SmtpConnections(IOptions<EmailOptions> options, TimeProvider clock, ILogger<SmtpConnections> logger)
    : IAsyncDisposable, IDisposable
{
    public static readonly TimeSpan IdleLimit = TimeSpan.FromSeconds(30);

    /// <summary>More waiting clients than senders that run at once would only hold connections open.</summary>
    private const int KeepAtMost = 4;

    private static readonly TimeSpan QuitTimeout = TimeSpan.FromSeconds(2);

    private readonly Stack<(SmtpClient Client, DateTimeOffset IdleSince)> _idle = new();
    private bool _disposed;

    public async Task SendAsync(MimeMessage mail, CancellationToken ct)
    {
        if (await TakeIdleAsync() is { } reused)
        {
            try
            {
                await reused.SendAsync(mail, ct);
                await GiveBackAsync(reused);
                return;
            }
            catch (Exception e) when (Dropped(e) && !ct.IsCancellationRequested)
            {
                logger.LogDebug(e, "A kept SMTP connection was gone; sending over a new one");
                reused.Dispose();
            }
            catch
            {
                await CloseAsync(reused);
                throw;
            }
        }
        var fresh = await ConnectAsync(ct);
        try
        {
            await fresh.SendAsync(mail, ct);
        }
        catch
        {
            await CloseAsync(fresh);
            throw;
        }
        await GiveBackAsync(fresh);
    }

    /// <summary>
    /// How the old EnableSsl setting is read: false is plain SMTP; true is TLS, implicit on port 465 (SMTPS) and
    /// STARTTLS, required, on any other port (587, 25).
    /// </summary>
    public static SecureSocketOptions SecurityFor(SmtpOptions smtp) =>
        !smtp.EnableSsl ? SecureSocketOptions.None : smtp.Port == 465 ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTls;

    private async Task<SmtpClient> ConnectAsync(CancellationToken ct)
    {
        var smtp = options.Value.Smtp;
        var client = new SmtpClient();
        try
        {
            await client.ConnectAsync(smtp.Host!, smtp.Port, SecurityFor(smtp), ct);
            if (!string.IsNullOrEmpty(smtp.UserName)) await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? "", ct);
        }
        catch
        {
            client.Dispose();
            throw;
        }
        logger.LogDebug("Connected to the mail server {Host}:{Port} ({Security})", smtp.Host, smtp.Port, SecurityFor(smtp));
        return client;
    }

    /// <summary>The connection broke or the server closed it (421), rather than the server refusing this mail.</summary>
    private static bool Dropped(Exception e) =>
        e is IOException or ServiceNotConnectedException or SmtpProtocolException
        || e is SmtpCommandException { StatusCode: SmtpStatusCode.ServiceNotAvailable };

    private async Task<SmtpClient?> TakeIdleAsync()
    {
        var stale = new List<SmtpClient>();
        SmtpClient? taken = null;
        lock (_idle)
        {
            var now = clock.GetUtcNow();
            while (taken is null && _idle.TryPop(out var idle))
            {
                if (idle.Client.IsConnected && now - idle.IdleSince <= IdleLimit) taken = idle.Client;
                else stale.Add(idle.Client);
            }
        }
        foreach (var client in stale) await CloseAsync(client);
        return taken;
    }

    private async Task GiveBackAsync(SmtpClient client)
    {
        lock (_idle)
        {
            if (!_disposed && _idle.Count < KeepAtMost)
            {
                _idle.Push((client, clock.GetUtcNow()));
                return;
            }
        }
        await CloseAsync(client);
    }

    /// <summary>Says QUIT when the server still listens, briefly; the connection goes either way.</summary>
    private static async Task CloseAsync(SmtpClient client)
    {
        try
        {
            using var timeout = new CancellationTokenSource(QuitTimeout);
            if (client.IsConnected) await client.DisconnectAsync(quit: true, timeout.Token);
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or SmtpProtocolException or SmtpCommandException or ServiceNotConnectedException) { }
        finally
        {
            client.Dispose();
        }
    }

    private List<SmtpClient> TakeAll()
    {
        lock (_idle)
        {
            _disposed = true;
            var all = _idle.Select(i => i.Client).ToList();
            _idle.Clear();
            return all;
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var client in TakeAll()) await CloseAsync(client);
    }

    public void Dispose()
    {
        foreach (var client in TakeAll()) client.Dispose();
    }
}
