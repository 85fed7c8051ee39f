namespace Wehelpen.Web.Platform.Email;

/// <param name="Id">
/// Set when the same message may be handed over twice (a retry after a crash between sending and recording it):
/// the folder keeps one file per id, and SMTP carries it as the Message-ID, by which mail systems drop a repeat.
/// </param>
/// <param name="SettingsLink">Where the recipient changes which mail they get: the List-Unsubscribe header.</param>
public sealed record EmailMessage(string To, string Subject, string TextBody, string HtmlBody, string? Id = null, string? SettingsLink = null);

/// <summary>Sends mail through SMTP when one is configured, otherwise writes it to a folder.</summary>
public interface IEmailSender
{
    Task SendAsync(EmailMessage message, CancellationToken cancellationToken = default);
}

/// <summary>Bound from "Email" (environment: Email__Smtp__Host, Email__From, ...).</summary>
public sealed class EmailOptions
{
    public string From { get; set; } = "Wehelpen <noreply@wehelpen.local>";

    /// <summary>Where mail goes when no SMTP host is set; relative to the app's folder.</summary>
    public string Folder { get; set; } = "data/mail";

    /// <summary>
    /// The address links in emails point to, e.g. https://wehelpen.example.nl. Required in Production; elsewhere, when
    /// empty, the address the server listens on. Never the request's Host header.
    /// </summary>
    public string? PublicBaseUrl { get; set; }

    public SmtpOptions Smtp { get; set; } = new();
}

public sealed class SmtpOptions
{
    public string? Host { get; set; }
    public int Port { get; set; } = 587;
    public bool EnableSsl { get; set; } = true;
    public string? UserName { get; set; }
    public string? Password { get; set; }
}
