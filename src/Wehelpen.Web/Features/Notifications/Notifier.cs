using Microsoft.EntityFrameworkCore;
using Wehelpen.Web.Data;
using Wehelpen.Web.Features.Push;

namespace Wehelpen.Web.Features.Notifications;

/// <summary>
/// Makes notifications. <see cref="Add"/> puts them in the caller's unit of work, so a notification is saved
/// together with whatever caused it (the reminder marked sent) or not at all; after the commit,
/// <see cref="AnnounceAsync"/> tells the people who are online, and the mail goes out through the outbox
/// (<see cref="NotificationMailer"/>).
/// </summary>
public sealed class Notifier(WehelpenDbContext db, NotificationAnnouncer announcer, NotificationPushes pushes, PushOutbox outbox)
{
    /// <summary>Adds the notifications to the unit of work; mail is queued for those who want it, pushes for their devices.</summary>
    public async Task<IReadOnlyList<Notification>> AddAsync(IReadOnlyCollection<NewNotification> items, DateTimeOffset now, CancellationToken ct)
    {
        var userIds = items.Select(i => i.UserId).Distinct().ToList();
        var noMail = await db.Set<NotificationSettings>().AsNoTracking()
            .Where(s => userIds.Contains(s.UserId) && !s.Email).Select(s => s.UserId).ToListAsync(ct);
        var made = items.Select(i => new Notification
        {
            UserId = i.UserId, Kind = i.Kind, Data = i.Data.ToJson(), Link = i.Link, SourceKey = i.SourceKey, CreatedAt = now,
            Email = noMail.Contains(i.UserId) ? NotificationEmail.None : NotificationEmail.Pending,
            EmailAt = now,
        }).ToList();
        db.AddRange(made);
        await outbox.AddAsync(pushes.For(made, now), now, ct);
        return made;
    }

    /// <summary>After the commit: the bell and the list of everyone concerned who is online.</summary>
    public Task AnnounceAsync(IReadOnlyCollection<Notification> saved) => announcer.AnnounceAsync(saved);
}
