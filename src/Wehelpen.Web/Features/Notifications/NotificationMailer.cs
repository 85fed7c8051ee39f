using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Wehelpen.Web.Data;
using Wehelpen.Web.Platform.Email;
using Wehelpen.Web.Localization;

namespace Wehelpen.Web.Features.Notifications;

/// <summary>
/// The mail outbox of the notifications. A notification waiting for mail is claimed (Pending → Sending) before it
/// is handed to the mail server, so two senders never both send it; one that stays Sending (the process died while
/// sending) is sent again after <see cref="StaleAfter"/> with the same message id. A failure is retried with a
/// growing pause, and after <see cref="MaxAttempts"/> stays Failed, for the admin page to show and retry.
/// </summary>
public sealed class NotificationMailer(
    WehelpenDbContext db, IEmailSender sender, NotificationTexts texts, NotificationSettingsLink settingsLink, EmailLinks links,
    IStringLocalizer<SharedResource> text, EmailMetrics metrics, TimeProvider clock, ILogger<NotificationMailer> logger)
{
    public const int MaxAttempts = 5;
    public static readonly TimeSpan StaleAfter = TimeSpan.FromMinutes(10);
    private const int BatchSize = 100;

    /// <returns>How many mails were sent.</returns>
    public async Task<int> SendPendingAsync(CancellationToken ct)
    {
        var sent = 0;
        while (true)
        {
            var now = clock.GetUtcNow();
            var stale = now - StaleAfter;
            var batch = await db.Set<Notification>().AsNoTracking()
                .Where(n => (n.Email == NotificationEmail.Pending && n.EmailAt <= now) || (n.Email == NotificationEmail.Sending && n.EmailAt <= stale))
                .OrderBy(n => n.EmailAt).Take(BatchSize)
                .Select(n => new { n.Id, n.Email, n.EmailAt })
                .ToListAsync(ct);
            if (batch.Count == 0) return sent;
            foreach (var item in batch)
                if (await SendOneAsync(item.Id, item.Email, item.EmailAt, ct)) sent++;
            if (batch.Count < BatchSize) return sent;
        }
    }

    /// <summary>Puts a failed mail back in the outbox (the admin page's "retry").</summary>
    public async Task<bool> RetryAsync(Guid notificationId, CancellationToken ct) =>
        await db.Set<Notification>().Where(n => n.Id == notificationId && n.Email == NotificationEmail.Failed)
            .ExecuteUpdateAsync(u => u.SetProperty(n => n.Email, NotificationEmail.Pending).SetProperty(n => n.EmailAttempts, 0)
                .SetProperty(n => n.EmailAt, clock.GetUtcNow()), ct) == 1;

    private async Task<bool> SendOneAsync(Guid id, NotificationEmail state, DateTimeOffset? seenAt, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var claimed = await db.Set<Notification>().Where(n => n.Id == id && n.Email == state && n.EmailAt == seenAt)
            .ExecuteUpdateAsync(u => u.SetProperty(n => n.Email, NotificationEmail.Sending).SetProperty(n => n.EmailAt, now), ct);
        if (claimed == 0) return false; // another sender has it

        var notification = await db.Set<Notification>().AsNoTracking().Include(n => n.User).SingleAsync(n => n.Id == id, ct);
        NotificationEmail outcome;
        var attempts = notification.EmailAttempts + 1;
        DateTimeOffset next = clock.GetUtcNow();
        try
        {
            if (notification.User is not { Email: { Length: > 0 } } user) outcome = NotificationEmail.None;
            else
            {
                await sender.SendAsync(Compose(notification, user), ct);
                outcome = NotificationEmail.Sent;
                metrics.Sent(EmailMetrics.Notification);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            outcome = attempts >= MaxAttempts ? NotificationEmail.Failed : NotificationEmail.Pending;
            metrics.Failed(EmailMetrics.Notification);
            next += TimeSpan.FromMinutes(Math.Pow(2, attempts));
            logger.LogWarning(e, "Mail for notification {NotificationId} failed (attempt {Attempt} of {Max}).", id, attempts, MaxAttempts);
        }
        await db.Set<Notification>().Where(n => n.Id == id)
            .ExecuteUpdateAsync(u => u.SetProperty(n => n.Email, outcome).SetProperty(n => n.EmailAttempts, attempts).SetProperty(n => n.EmailAt, next), CancellationToken.None);
        return outcome == NotificationEmail.Sent;
    }

    private EmailMessage Compose(Notification notification, ApplicationUser user) =>
        LocalizationExtensions.InLanguage(user.PreferredLanguage, () =>
        {
            var content = texts.Render(notification.Kind, notification.Data);
            var link = links.To(notification.Link);
            var settings = settingsLink.For(user.Id);
            var greeting = text["Email.Greeting", user.DisplayName].Value;
            var button = text["Notification.Email.Open"].Value;
            var why = text["Notification.Email.Why"].Value;
            var change = text["Notification.Email.Settings"].Value;
            var plain = $"{greeting}\n\n{content.Title}\n{content.Body}\n\n{button}: {link}\n\n{why}\n{change}: {settings}\n";
            var html = $"""
                <p>{WebUtility.HtmlEncode(greeting)}</p>
                <p><strong>{WebUtility.HtmlEncode(content.Title)}</strong><br>{WebUtility.HtmlEncode(content.Body)}</p>
                <p><a href="{WebUtility.HtmlEncode(link)}">{WebUtility.HtmlEncode(button)}</a></p>
                <p style="color:#555">{WebUtility.HtmlEncode(why)} <a href="{WebUtility.HtmlEncode(settings)}">{WebUtility.HtmlEncode(change)}</a></p>
                """;
            return new EmailMessage(user.Email!, content.Title, plain, html, Id: $"notification-{notification.Id:N}", SettingsLink: settings);
        });
}
