using System.Net;
using MailKit.Security;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MimeKit;
using Wehelpen.Web.Features.Accounts;
using Wehelpen.Web.Platform.Email;
using Wehelpen.Web.Features.Notifications;
using Wehelpen.Web.Tests.Circles;
using Wehelpen.Web.Tests.Hosting;
using Wehelpen.Web.Tests.Notifications;

namespace Wehelpen.Web.Tests.Email;

/// <summary>The app's mail through a real SMTP server on 127.0.0.1, by the callers that send it: the outbox and the account mail.</summary>
public sealed class SmtpMailTests
{
    private const string Title = "Controle bij de cardioloog – één uur";

    [Theory, BothDatabases]
    public async Task A_reminder_arrives_from_the_configured_sender_with_its_subject_and_a_text_and_html_body_in_Dutch(DatabaseProvider provider)
    {
        await using var smtp = await TestSmtpServer.StartAsync();
        var (app, clock) = await SmtpSteps.StartAsync(provider, smtp);
        await using var _app = app;
        var (zoe, zoeId, circleId) = await app.ResidentAsync(smtp, "Zoë Bakker");
        await zoe.AppointmentTodayAsync(circleId, Title, "12:30", "13:00");
        await app.DispatchAtAsync(clock, new TimeOnly(9, 31));

        Assert.Equal(1, await app.SendMailAsync());

        var mail = Assert.Single(smtp.Received, m => m.Subject.Contains(Title, StringComparison.Ordinal));
        var message = mail.Message;
        Assert.StartsWith("Herinnering: " + Title + ", maandag 23 november", mail.Subject);
        var from = Assert.IsType<MailboxAddress>(Assert.Single(message.From));
        Assert.Equal(("Wehelpen", "noreply@wehelpen.local"), (from.Name, from.Address));
        Assert.Equal("zoe.bakker@example.nl", Assert.IsType<MailboxAddress>(Assert.Single(message.To)).Address);
        Assert.Equal("noreply@wehelpen.local", mail.EnvelopeFrom);
        Assert.Equal(["zoe.bakker@example.nl"], mail.EnvelopeTo);
        var alternative = Assert.IsType<MultipartAlternative>(message.Body);
        Assert.Equal(["text/plain", "text/html"], alternative.Select(p => p.ContentType.MimeType).ToArray());
        Assert.All(alternative.OfType<TextPart>(), p => Assert.Equal("utf-8", p.ContentType.Charset, ignoreCase: true));
        Assert.StartsWith("Beste Zoë Bakker,", mail.Text);
        Assert.Contains(Title, mail.Text);
        // The app writes its html with characters outside ASCII as entities; the text part carries them as UTF-8.
        Assert.Contains("<p>" + WebUtility.HtmlEncode("Beste Zoë Bakker,") + "</p>", mail.Html);
        Assert.Contains("<strong>" + WebUtility.HtmlEncode(mail.Subject) + "</strong>", mail.Html);
        var notification = Assert.Single(await app.NotificationsOfAsync(zoeId));
        Assert.Equal($"notification-{notification.Id:N}@wehelpen.local", message.MessageId);
        Assert.Contains("/notifications/settings?token=", message.Headers[HeaderId.ListUnsubscribe]);
    }

    [Theory, BothDatabases]
    public async Task Fifty_reminders_go_out_over_one_connection_and_after_a_pause_over_a_new_one(DatabaseProvider provider)
    {
        await using var smtp = await TestSmtpServer.StartAsync();
        var (app, clock) = await SmtpSteps.StartAsync(provider, smtp);
        await using var _app = app;
        var (rita, _, circleId) = await app.ResidentAsync(smtp, "Rita Rozenboom");
        for (var i = 1; i <= 50; i++) await rita.AppointmentTodayAsync(circleId, $"Afspraak {i}", "12:30", "13:00");
        Assert.Equal(50, await app.DispatchAtAsync(clock, new TimeOnly(9, 31)));
        // The confirmation's connection was idle for the half hour the clock just moved: it is not used again.
        var before = smtp.Sessions;

        Assert.Equal(50, await app.SendMailAsync());

        Assert.Equal(50, smtp.Received.Count(m => m.Subject.StartsWith("Herinnering: Afspraak", StringComparison.Ordinal)));
        Assert.Equal(before + 1, smtp.Sessions);

        await rita.AppointmentTodayAsync(circleId, "Nog een afspraak", "12:45", "13:00");
        clock.Advance(SmtpConnections.IdleLimit + TimeSpan.FromMinutes(14));
        Assert.Equal(1, await app.DispatchAsync());
        Assert.Equal(1, await app.SendMailAsync());
        Assert.Single(smtp.Received, m => m.Subject.StartsWith("Herinnering: Nog een afspraak", StringComparison.Ordinal));
        Assert.Equal(before + 2, smtp.Sessions);
    }

    [Theory, BothDatabases]
    public async Task Account_mails_sent_at_the_same_time_each_arrive_once_over_no_more_connections_than_senders(DatabaseProvider provider)
    {
        await using var smtp = await TestSmtpServer.StartAsync();
        var (app, _) = await SmtpSteps.StartAsync(provider, smtp);
        await using var _app = app;
        var names = Enumerable.Range(1, 12).Select(i => $"Buur Nummer{i}").ToArray();

        var registered = await Task.WhenAll(names.Select(n => app.RegisterAsync(n)));
        foreach (var (client, _) in registered) client.Dispose();

        var received = await smtp.WaitForAsync(r => r.Count >= names.Length);
        app.AccountMailSent();
        Assert.Equal(names.Select(CircleSteps.EmailOf).Order(), smtp.Received.Select(m => Assert.Single(m.EnvelopeTo)).Order());
        Assert.All(received, m => Assert.Equal("Bevestig uw e-mailadres voor Wehelpen", m.Subject));
        Assert.InRange(smtp.Sessions, 1, 4); // the account mail sends four at a time, each over a connection of its own
    }

    [Theory, BothDatabases]
    public async Task When_the_mail_server_is_down_the_outbox_keeps_the_reminder_and_sends_it_once_the_server_is_back(DatabaseProvider provider)
    {
        var logs = new LogCapture();
        await using var smtp = await TestSmtpServer.StartAsync();
        var (app, clock) = await SmtpSteps.StartAsync(provider, smtp, services: s => s.AddSingleton<ILoggerProvider>(logs));
        await using var _app = app;
        var (rita, ritaId, circleId) = await app.ResidentAsync(smtp, "Rita Rozenboom");
        await rita.AppointmentTodayAsync(circleId, "Huisarts", "12:30", "13:00");
        await app.DispatchAtAsync(clock, new TimeOnly(9, 31));
        // Goes down with the app's connection still open: nothing listens on its port any more.
        await smtp.StopAsync();

        Assert.Equal(0, await app.SendMailAsync());

        var waiting = Assert.Single(await app.NotificationsOfAsync(ritaId));
        Assert.Equal((NotificationEmail.Pending, 1), (waiting.Email, waiting.EmailAttempts));
        Assert.Contains(logs.Records, r => r.Level == LogLevel.Warning && r.Text.StartsWith($"Mail for notification {waiting.Id} failed (attempt 1 of 5)", StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Records, r => r.Level >= LogLevel.Information && r.Text.Contains("rita.rozenboom@example.nl", StringComparison.OrdinalIgnoreCase));

        await smtp.StartAgainAsync();
        Assert.Equal(0, await app.SendMailAsync()); // it waits its pause out first
        clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(1, await app.SendMailAsync());

        Assert.Single(smtp.Received, m => m.Subject.StartsWith("Herinnering: Huisarts", StringComparison.Ordinal));
        Assert.Equal(NotificationEmail.Sent, Assert.Single(await app.NotificationsOfAsync(ritaId)).Email);
        Assert.Equal(0, await app.SendMailAsync());
    }

    [Theory, BothDatabases]
    public async Task A_confirmation_asked_for_while_nothing_listens_for_mail_arrives_once_the_server_is_up(DatabaseProvider provider)
    {
        var failed = new FirstWarning(nameof(AccountMailSender));
        await using var smtp = TestSmtpServer.Down();
        var (app, _) = await SmtpSteps.StartAsync(provider, smtp, services: s =>
        {
            s.AddSingleton<ILoggerProvider>(failed);
            s.AddSingleton(new AccountMailTiming(TimeSpan.Zero, Enumerable.Repeat(TimeSpan.FromMilliseconds(50), 600).ToArray()));
        });
        await using var _app = app;

        var (client, email) = await app.RegisterAsync("Mia Mulder");
        using var _client = client;
        await failed.Logged.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Empty(smtp.Received);
        await smtp.StartAgainAsync();

        var mail = Assert.Single(await smtp.WaitForMailToAsync(email));
        Assert.Equal("Bevestig uw e-mailadres voor Wehelpen", mail.Subject);
        app.AccountMailSent();
        Assert.Single(smtp.Received);
    }

    [Theory, BothDatabases]
    public async Task The_app_signs_in_with_the_configured_user_and_with_a_wrong_password_delivers_nothing(DatabaseProvider provider)
    {
        await using var smtp = await TestSmtpServer.StartAsync(login: ("wehelpen", "een-geheim-wachtwoord"));
        var (app, _) = await SmtpSteps.StartAsync(provider, smtp);
        await using (app)
        {
            await app.ResidentAsync(smtp, "Rita Rozenboom");
            Assert.Equal("wehelpen", Assert.Single(smtp.Received).User);
        }

        var failed = new FirstWarning(nameof(AccountMailSender));
        var (wrong, _) = await SmtpSteps.StartAsync(provider, smtp, password: "fout", services: s => s.AddSingleton<ILoggerProvider>(failed));
        await using (wrong)
        {
            var (client, _) = await wrong.RegisterAsync("Mia Mulder");
            client.Dispose();
            var warning = await failed.Logged.WaitAsync(TimeSpan.FromSeconds(30));
            Assert.Contains(nameof(AuthenticationException), warning);
            Assert.DoesNotContain("mia.mulder@example.nl", warning, StringComparison.OrdinalIgnoreCase);
            Assert.Single(smtp.Received);
        }
    }

    [Theory]
    [InlineData(false, 587, SecureSocketOptions.None)]
    [InlineData(false, 25, SecureSocketOptions.None)]
    [InlineData(true, 587, SecureSocketOptions.StartTls)]
    [InlineData(true, 25, SecureSocketOptions.StartTls)]
    [InlineData(true, 465, SecureSocketOptions.SslOnConnect)]
    public void EnableSsl_means_starttls_and_on_port_465_tls_from_the_start(bool enableSsl, int port, SecureSocketOptions expected) =>
        Assert.Equal(expected, SmtpConnections.SecurityFor(new SmtpOptions { EnableSsl = enableSsl, Port = port }));

    /// <summary>The first warning of one logger category, with its exception: to wait for a failure without polling.</summary>
    private sealed class FirstWarning(string categoryEnd) : ILoggerProvider
    {
        private readonly TaskCompletionSource<string> _logged = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task<string> Logged => _logged.Task;

        public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName.EndsWith(categoryEnd, StringComparison.Ordinal));

        public void Dispose() { }

        private sealed class Logger(FirstWarning owner, bool watched) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => watched && logLevel == LogLevel.Warning;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (IsEnabled(logLevel)) owner._logged.TrySetResult(formatter(state, exception) + "\n" + exception);
            }
        }
    }
}
