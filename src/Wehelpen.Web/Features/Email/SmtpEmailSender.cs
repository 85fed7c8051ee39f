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
        await client.SendMailAsync(mail, cancellationToken);
        logger.LogInformation("Sent email '{Subject}' through {Host}", message.Subject, settings.Smtp.Host);
    }
}
