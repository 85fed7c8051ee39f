using System.Net;
using System.Net.Mail;
using System.Net.Mime;
using Microsoft.Extensions.Options;

namespace Wehelpen.Web.Features.Email;

internal sealed class SmtpEmailSender(IOptions<EmailOptions> options, ILogger<SmtpEmailSender> logger) : IEmailSender
{
    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        using var mail = new MailMessage { From = new MailAddress(settings.From), Subject = message.Subject };
        mail.To.Add(message.To);
        if (message.Id is { } id) mail.Headers["Message-ID"] = $"<{id}@{mail.From.Host}>";
        if (message.SettingsLink is { } settingsLink) mail.Headers["List-Unsubscribe"] = $"<{settingsLink}>";
        mail.AlternateViews.Add(AlternateView.CreateAlternateViewFromString(message.TextBody, null, MediaTypeNames.Text.Plain));
        mail.AlternateViews.Add(AlternateView.CreateAlternateViewFromString(message.HtmlBody, null, MediaTypeNames.Text.Html));

        using var client = new SmtpClient(settings.Smtp.Host, settings.Smtp.Port) { EnableSsl = settings.Smtp.EnableSsl };
        if (!string.IsNullOrEmpty(settings.Smtp.UserName))
            client.Credentials = new NetworkCredential(settings.Smtp.UserName, settings.Smtp.Password);
        try
        {
            await client.SendMailAsync(mail, cancellationToken);
        }
        catch (SmtpException e)
        {
            throw Redacted(e, settings.Smtp.Host);
        }
        // No subject: subjects carry request titles and names, and logs hold ids and counts only.
        logger.LogInformation("Sent email {MessageId} through {Host}", message.Id, settings.Smtp.Host);
    }

    /// <summary>
    /// The server's answer often repeats the recipient ("550 5.1.1 &lt;jan@...&gt;: user unknown"), and whoever catches
    /// this logs it: what goes on is the status code and the connection's own error (no addresses in those). The
    /// server's full answer is logged at Debug for an operator who turns that on while looking for a mail problem.
    /// </summary>
    private SmtpException Redacted(SmtpException e, string? host)
    {
        logger.LogDebug(e, "The mail server {Host} refused a message", host);
        var inner = e.InnerException is SmtpException ? null : e.InnerException;
        return new SmtpException($"The mail server {host} refused the message: {(int)e.StatusCode} {e.StatusCode}.", inner) { StatusCode = e.StatusCode };
    }
}
