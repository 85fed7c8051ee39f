using System.Net;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Localization;
using Wehelpen.Web.Features.Email;
using Wehelpen.Web.Hosting;
using Wehelpen.Web.Localization;

namespace Wehelpen.Web.Features.Accounts;

/// <summary>The emails of the account flow, written in the recipient's own language.</summary>
public sealed class AccountEmails(
    UserManager<ApplicationUser> users,
    IEmailSender sender,
    EmailLinks links,
    IStringLocalizer<SharedResource> text)
{
    /// <summary>
    /// "Send me a reset link" for an address someone typed. Whether or not it has an account, the caller says the
    /// same thing, so nobody can find out which addresses are registered.
    /// </summary>
    public async Task RequestPasswordResetAsync(string? email, CancellationToken ct = default)
    {
        if (await FindAsync(email) is { EmailConfirmed: true } user) await SendPasswordResetAsync(user, ct);
    }

    /// <summary>"Send the confirmation again": only an unconfirmed account gets one; the answer is the same.</summary>
    public async Task RequestConfirmationAsync(string? email, CancellationToken ct = default)
    {
        if (await FindAsync(email) is { EmailConfirmed: false } user) await SendConfirmationAsync(user, ct);
    }

    private async Task<ApplicationUser?> FindAsync(string? email) =>
        string.IsNullOrWhiteSpace(email) ? null : await users.FindByEmailAsync(email.Trim());

    public async Task SendConfirmationAsync(ApplicationUser user, CancellationToken ct = default)
    {
        var code = Encode(await users.GenerateEmailConfirmationTokenAsync(user));
        var link = links.To($"/account/confirm-email?userId={Uri.EscapeDataString(user.Id)}&code={code}");
        await SendAsync(user, "Email.Confirm.Subject", () => text["Email.Confirm.Body"].Value, "Email.Confirm.Button", link, ct);
    }

    public async Task SendPasswordResetAsync(ApplicationUser user, CancellationToken ct = default)
    {
        var code = Encode(await users.GeneratePasswordResetTokenAsync(user));
        var link = links.To($"/account/reset-password?email={Uri.EscapeDataString(user.Email!)}&code={code}");
        await SendAsync(user, "Email.Reset.Subject", () => text["Email.Reset.Body"].Value, "Email.Reset.Button", link, ct);
    }

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
    private Task SendAsync(ApplicationUser user, string subjectKey, Func<string> body, string buttonKey, string link, CancellationToken ct,
        string footerKey = "Email.Footer")
    {
        var message = LocalizationExtensions.InLanguage(user.PreferredLanguage, () =>
        {
            var subject = text[subjectKey].Value;
            var greeting = text["Email.Greeting", user.DisplayName].Value;
            var said = body();
            var button = text[buttonKey].Value;
            var footer = text[footerKey].Value;
            var plain = $"{greeting}\n\n{said}\n\n{link}\n\n{footer}\n";
            var html = $"""
                <p>{WebUtility.HtmlEncode(greeting)}</p>
                <p>{WebUtility.HtmlEncode(said)}</p>
                <p><a href="{WebUtility.HtmlEncode(link)}">{WebUtility.HtmlEncode(button)}</a></p>
                <p style="color:#555">{WebUtility.HtmlEncode(footer)}</p>
                """;
            return new EmailMessage(user.Email!, subject, plain, html);
        });
        return sender.SendAsync(message, ct);
    }
}
