using System.Net;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Localization;
using Wehelpen.Web.Data;
using Wehelpen.Web.Platform.Email;
using Wehelpen.Web.Hosting;
using Wehelpen.Web.Localization;

namespace Wehelpen.Web.Features.Accounts;

/// <summary>The emails of the account flow, written in the recipient's own language.</summary>
public sealed class AccountEmails(
    UserManager<ApplicationUser> users,
    IEmailSender sender,
    EmailLinks links,
    IStringLocalizer<SharedResource> text,
    AccountMailQueue queue,
    EmailMetrics metrics)
{
    /// <summary>
    /// "Send me a reset link" for an address someone typed. Whether or not it has an account, the caller says the
    /// same thing, at once: the mail is made and sent after the answer (<see cref="AccountMailQueue"/>), so nobody can
    /// find out which addresses are registered, not even by how long the answer takes.
    /// </summary>
    public Task RequestPasswordResetAsync(string? email, CancellationToken ct = default) => Request(AccountMailKind.PasswordReset, email);

    /// <summary>"Send the confirmation again": only an unconfirmed account gets one; the answer is the same, as quick.</summary>
    public Task RequestConfirmationAsync(string? email, CancellationToken ct = default) => Request(AccountMailKind.Confirmation, email);

    /// <summary>Someone registered with an address that has an account: its owner hears of it, the registrant does not.</summary>
    public Task RequestRegistrationAttemptAsync(string email, CancellationToken ct = default) => Request(AccountMailKind.RegistrationAttempt, email);

    private Task Request(AccountMailKind kind, string? email)
    {
        queue.Enqueue(kind, email);
        return Task.CompletedTask;
    }

    /// <summary>
    /// Makes and sends the mail asked for, if the address has an account that needs it (<see cref="AccountMailSender"/>).
    /// Returns the account's id, or null when nothing was sent.
    /// </summary>
    public async Task<string?> DeliverAsync(AccountMailRequest mail, CancellationToken ct)
    {
        if (await users.FindByEmailAsync(mail.Email) is not { } user) return null;
        var id = $"account-{mail.Id:N}";
        switch (mail.Kind, user.EmailConfirmed)
        {
            case (AccountMailKind.PasswordReset, true):
                await SendPasswordResetAsync(user, ct, id);
                break;
            case (AccountMailKind.Confirmation, false):
            // Registered before and never confirmed: the link again is what helps, whoever registered then.
            case (AccountMailKind.RegistrationAttempt, false):
                await SendConfirmationAsync(user, ct, id);
                break;
            case (AccountMailKind.RegistrationAttempt, true):
                await SendRegistrationAttemptAsync(user, ct, id);
                break;
            default:
                return null;
        }
        return user.Id;
    }

    public async Task SendConfirmationAsync(ApplicationUser user, CancellationToken ct = default, string? messageId = null)
    {
        var code = Encode(await users.GenerateEmailConfirmationTokenAsync(user));
        var link = links.To($"/account/confirm-email?userId={Uri.EscapeDataString(user.Id)}&code={code}");
        await SendAsync(user, "Email.Confirm.Subject", () => text["Email.Confirm.Body"].Value, "Email.Confirm.Button", link, ct, messageId: messageId);
    }

    public async Task SendPasswordResetAsync(ApplicationUser user, CancellationToken ct = default, string? messageId = null)
    {
        var code = Encode(await users.GeneratePasswordResetTokenAsync(user));
        var link = links.To($"/account/reset-password?email={Uri.EscapeDataString(user.Email!)}&code={code}");
        await SendAsync(user, "Email.Reset.Subject", () => text["Email.Reset.Body"].Value, "Email.Reset.Button", link, ct, messageId: messageId);
    }

    /// <summary>"Someone tried to register with your address": sign in, or choose a new password if it was you; nothing to do if not.</summary>
    public Task SendRegistrationAttemptAsync(ApplicationUser user, CancellationToken ct = default, string? messageId = null) =>
        SendAsync(user, "Email.RegistrationAttempt.Subject", () => text["Email.RegistrationAttempt.Body"].Value, "Email.RegistrationAttempt.Button",
            links.To("/account/login"), ct, footerKey: "Email.RegistrationAttempt.Footer", messageId: messageId,
            also: ("Email.RegistrationAttempt.Reset", links.To("/account/forgot-password")));

    /// <summary>
    /// To an account nobody signed in to for a long time: sign in before <paramref name="deadline"/> (a date in
    /// Amsterdam, in the person's language) to keep it. Nothing to confirm or click but the login page.
    /// </summary>
    public Task SendInactivityWarningAsync(ApplicationUser user, DateTimeOffset deadline, CancellationToken ct = default) =>
        SendAsync(user, "Email.Inactive.Subject", () => text["Email.Inactive.Body", deadline.ToAmsterdam().ToString("d MMMM yyyy")].Value,
            "Email.Inactive.Button", links.To("/account/login"), ct, footerKey: "Email.Inactive.Footer");

    /// <summary>Tokens travel in links; Base64Url keeps them intact in a URL and in mail clients.</summary>
    public static string Encode(string token) => WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));

    public static string? Decode(string? code)
    {
        if (string.IsNullOrEmpty(code)) return null;
        try { return Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code)); }
        catch (FormatException) { return null; }
    }

    /// <param name="body">Made in the recipient's language, as everything in the mail.</param>
    /// <param name="also">A second link under the button, with the text before it.</param>
    private async Task SendAsync(ApplicationUser user, string subjectKey, Func<string> body, string buttonKey, string link, CancellationToken ct,
        string footerKey = "Email.Footer", string? messageId = null, (string TextKey, string Link)? also = null)
    {
        var message = LocalizationExtensions.InLanguage(user.PreferredLanguage, () =>
        {
            var subject = text[subjectKey].Value;
            var greeting = text["Email.Greeting", user.DisplayName].Value;
            var said = body();
            var button = text[buttonKey].Value;
            var footer = text[footerKey].Value;
            var second = also is { } a ? (Text: text[a.TextKey].Value, a.Link) : default;
            var plain = also is null
                ? $"{greeting}\n\n{said}\n\n{link}\n\n{footer}\n"
                : $"{greeting}\n\n{said}\n\n{link}\n\n{second.Text}\n{second.Link}\n\n{footer}\n";
            var secondHtml = also is null ? "" : $"""<p>{WebUtility.HtmlEncode(second.Text)} <a href="{WebUtility.HtmlEncode(second.Link)}">{WebUtility.HtmlEncode(second.Link)}</a></p>""";
            var html = $"""
                <p>{WebUtility.HtmlEncode(greeting)}</p>
                <p>{WebUtility.HtmlEncode(said)}</p>
                <p><a href="{WebUtility.HtmlEncode(link)}">{WebUtility.HtmlEncode(button)}</a></p>
                {secondHtml}
                <p style="color:#555">{WebUtility.HtmlEncode(footer)}</p>
                """;
            return new EmailMessage(user.Email!, subject, plain, html, Id: messageId);
        });
        try
        {
            await sender.SendAsync(message, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            metrics.Failed(EmailMetrics.Account);
            throw;
        }
        metrics.Sent(EmailMetrics.Account);
    }
}
