using Microsoft.EntityFrameworkCore;
using Wehelpen.Web.Data;
using Wehelpen.Web.Features.Push;
using Wehelpen.Web.Hosting;
using Wehelpen.Web.Platform.Live;
using Wehelpen.Web.Localization;

namespace Wehelpen.Web.Features.Notifications;

/// <summary>What the hub tells clients about notifications, by name; the payloads are JSON, camelCase.</summary>
public static class NotificationEvents
{
    /// <summary><see cref="LiveNotification"/>: a new notification for this person, with their unread count.</summary>
    public const string Notification = "notification";

    /// <summary><see cref="UnreadNotifications"/>: notifications were read on another screen; the bell shows this count.</summary>
    public const string NotificationsRead = "notificationsRead";
}

/// <summary>What the hub sends with <see cref="NotificationEvents.Notification"/>: the text in the person's own language, and their new unread count.</summary>
public sealed record LiveNotification(Guid Id, string Title, string Body, string Link, DateTimeOffset CreatedAt, int Unread);

/// <summary>
/// Tells the people who are online that they have a new notification: the bell counts up and the list gains it
/// without a reload. Like every live message it follows the commit and never fails it: whoever missed it sees the
/// notification on their next page.
/// </summary>
public sealed class NotificationAnnouncer(
    ILiveSender live, IServiceScopeFactory scopes, PushWake pushes, ILogger<NotificationAnnouncer> logger)
{
    public async Task AnnounceAsync(IReadOnlyCollection<Notification> saved)
    {
        try
        {
            var people = await live.OnlineAsync(saved.Select(n => n.UserId));
            var online = saved.Where(n => people.Contains(n.UserId)).ToList();
            if (online.Count == 0) return;
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<WehelpenDbContext>();
            var texts = scope.ServiceProvider.GetRequiredService<NotificationTexts>();
            var userIds = online.Select(n => n.UserId).Distinct().ToList();
            // Each one's language and bell count (capped, as the bell counts) in one query.
            var readers = await db.Set<ApplicationUser>().Where(u => userIds.Contains(u.Id)).Select(u => new
            {
                u.Id,
                u.PreferredLanguage,
                Unread = db.Set<Notification>().Where(n => n.UserId == u.Id && n.ReadAt == null).Take(CappedCount.Rows).Count(),
            }).ToDictionaryAsync(u => u.Id);
            foreach (var notification in online)
            {
                var person = readers.GetValueOrDefault(notification.UserId);
                var text = LocalizationExtensions.InLanguage(person?.PreferredLanguage ?? "nl", () => texts.Render(notification.Kind, notification.Data));
                await live.ToPersonAsync(notification.UserId, NotificationEvents.Notification, new LiveNotification(
                    notification.Id, text.Title, text.Body, notification.Link, notification.CreatedAt, person?.Unread ?? 0));
            }
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Telling people online about {Count} new notifications failed; they see them on their next page.", saved.Count);
        }
        finally
        {
            // The pushes were queued with the notifications; after the screens (also when nobody is online), the
            // outbox sends them rather than at its next round. The wake logs its own failures.
            if (saved.Any(n => NotificationPushes.IsPushed(n.Kind))) await pushes.NowAsync();
        }
    }
}
