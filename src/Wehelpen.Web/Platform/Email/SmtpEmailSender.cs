using MailKit.Net.Smtp;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Wehelpen.Web.Platform.Email;

/// <summary>
/// Sends through the configured SMTP server with MailKit. A burst (the outbox sending many reminders) goes over one
/// connected, signed-in client: after a send the client waits in <see cref="SmtpConnections"/> for the next one;
/// callers that send at the same moment (the account mail workers) each take a client of their own.
/// </summary>
internal sealed class SmtpEmailSender(IOptions<EmailOptions> options, SmtpConnections connections, TimeProvider clock, ILogger<SmtpEmailSender> logger)
    : IEmailSender
{
    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        var mail = Compose(message, settings.From);
        try
        {
            await connections.SendAsync(mail, cancellationToken);
        }
        catch (SmtpCommandException e)
        {
            throw Redacted(e, settings.Smtp.Host);
        }
        // No subject: subjects carry request titles and names, and logs hold ids and counts only.
        logger.LogInformation("Sent email {MessageId} through {Host}", message.Id, settings.Smtp.Host);
    }

    private MimeMessage Compose(EmailMessage message, string from)
    {
        var sender = MailboxAddress.Parse(from);
        var mail = new MimeMessage { Subject = message.Subject, Date = clock.GetUtcNow() };
        mail.From.Add(sender);
        mail.To.Add(MailboxAddress.Parse(message.To));
        if (message.Id is { } id) mail.MessageId = $"{id}@{sender.Domain}";
        if (message.SettingsLink is { } settingsLink) mail.Headers.Add(HeaderId.ListUnsubscribe, $"<{settingsLink}>");
        mail.Body = new BodyBuilder { TextBody = message.TextBody, HtmlBody = message.HtmlBody }.ToMessageBody();
        return mail;
    }

    /// <summary>
    /// The server's answer often repeats the recipient ("550 5.1.1 &lt;jan@...&gt;: user unknown"), and whoever catches
    /// this logs it: what goes on is the status code (no addresses in that). The server's full answer is logged at
    /// Debug for an operator who turns that on while looking for a mail problem.
    /// </summary>
    private SmtpCommandException Redacted(SmtpCommandException e, string? host)
    {
        logger.LogDebug(e, "The mail server {Host} refused a message", host);
        return new SmtpCommandException(e.ErrorCode, e.StatusCode,
            $"The mail server {host} refused the message: {(int)e.StatusCode} {e.StatusCode} ({e.ErrorCode}).");
    }
}
