using System.Buffers;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.Authentication;
using SmtpServer.ComponentModel;
using SmtpServer.Net;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Wehelpen.Web.Tests.Email;

/// <summary>One mail as the server took it: the message, its envelope and who signed in for it.</summary>
public sealed record ReceivedMail(MimeMessage Message, string EnvelopeFrom, string[] EnvelopeTo, string? User)
{
    public string Subject => Message.Subject ?? "";
    public string Text => Message.TextBody ?? "";
    public string Html => Message.HtmlBody ?? "";
}

/// <summary>
/// A real SMTP server (the SmtpServer package) on 127.0.0.1, on a port of its own that stays the same when it is
/// stopped and started again, as a mail server that goes down and comes back. It counts the connections it accepted.
/// </summary>
public sealed class TestSmtpServer : IAsyncDisposable
{
    private readonly (string User, string Password)? _login;
    private readonly List<ReceivedMail> _received = [];
    private TaskCompletionSource _changed = NewSignal();
    private int _sessions;
    private CancellationTokenSource? _stop;
    private Task? _serving;

    private TestSmtpServer(int port, (string, string)? login)
    {
        Port = port;
        _login = login;
    }

    public int Port { get; }

    /// <summary>Connections accepted so far (each one SMTP session).</summary>
    public int Sessions => Volatile.Read(ref _sessions);

    public IReadOnlyList<ReceivedMail> Received
    {
        get { lock (_received) return [.. _received]; }
    }

    /// <summary>The settings that send the app's mail here: plain SMTP on 127.0.0.1, signed in when the server asks for it.</summary>
    public Dictionary<string, string?> AppSettings(string? password = null) => new()
    {
        ["Email:Smtp:Host"] = "127.0.0.1",
        ["Email:Smtp:Port"] = Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Email:Smtp:EnableSsl"] = "false",
        ["Email:Smtp:UserName"] = _login?.User,
        ["Email:Smtp:Password"] = password ?? _login?.Password,
    };

    public static async Task<TestSmtpServer> StartAsync((string User, string Password)? login = null)
    {
        var server = Down(login);
        await server.StartAgainAsync();
        return server;
    }

    /// <summary>A port that nothing listens on (yet).</summary>
    public static TestSmtpServer Down((string User, string Password)? login = null)
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return new TestSmtpServer(port, login);
    }

    public async Task StartAgainAsync()
    {
        var options = new SmtpServerOptionsBuilder().ServerName("localhost")
            .Endpoint(e =>
            {
                e.Endpoint(new IPEndPoint(IPAddress.Loopback, Port));
                if (_login is not null) e.AuthenticationRequired().AllowUnsecureAuthentication();
            })
            .Build();
        var listening = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var listeners = new EndpointListenerFactory();
        listeners.EndpointStarted += (_, _) => listening.TrySetResult();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(listeners);
        services.Add(new Store(this));
        if (_login is { } login) services.Add(new DelegatingUserAuthenticator((user, password) => user == login.User && password == login.Password));
        var server = new SmtpServer.SmtpServer(options, services);
        server.SessionCreated += (_, _) => Interlocked.Increment(ref _sessions);
        _stop = new CancellationTokenSource();
        _serving = server.StartAsync(_stop.Token);
        await Task.WhenAny(listening.Task, _serving).Unwrap().WaitAsync(TimeSpan.FromSeconds(10));
    }

    /// <summary>Stops listening and drops every open connection, as a mail server that goes down.</summary>
    public async Task StopAsync()
    {
        if (_stop is null || _serving is null) return;
        await _stop.CancelAsync();
        try { await _serving.WaitAsync(TimeSpan.FromSeconds(10)); }
        catch (OperationCanceledException) { }
        _stop.Dispose();
        _stop = null;
        _serving = null;
    }

    /// <summary>Waits, without spinning, until the mail received so far satisfies <paramref name="done"/>.</summary>
    public async Task<IReadOnlyList<ReceivedMail>> WaitForAsync(Func<IReadOnlyList<ReceivedMail>, bool> done, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            Task changed;
            lock (_received)
            {
                if (done(_received)) return [.. _received];
                changed = _changed.Task;
            }
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero) throw new TimeoutException($"The mail server has {Received.Count} mails; not what the test waited for.");
            try { await changed.WaitAsync(left); }
            catch (TimeoutException) { }
        }
    }

    /// <summary>The mails to <paramref name="to"/>, once there are <paramref name="count"/>.</summary>
    public async Task<ReceivedMail[]> WaitForMailToAsync(string to, int count = 1) =>
        (await WaitForAsync(r => r.Count(m => m.EnvelopeTo.Contains(to)) >= count)).Where(m => m.EnvelopeTo.Contains(to)).ToArray();

    public async ValueTask DisposeAsync() => await StopAsync();

    private void Add(ReceivedMail mail)
    {
        TaskCompletionSource changed;
        lock (_received)
        {
            _received.Add(mail);
            changed = _changed;
            _changed = NewSignal();
        }
        changed.TrySetResult();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private sealed class Store(TestSmtpServer server) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            using var stream = new MemoryStream(buffer.ToArray());
            var message = await MimeMessage.LoadAsync(stream, cancellationToken);
            server.Add(new ReceivedMail(message, Address(transaction.From), transaction.To.Select(Address).ToArray(), context.Authentication.User));
            return SmtpResponse.Ok;
        }

        private static string Address(SmtpServer.Mail.IMailbox mailbox) => $"{mailbox.User}@{mailbox.Host}";
    }
}
