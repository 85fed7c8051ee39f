using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Wehelpen.Web.Data;
using Wehelpen.Web.Localization;
using Wehelpen.Web.Platform.PersonalData;

namespace Wehelpen.Web.Features.Notifications;

/// <summary>A person's notification centre (with the mail waiting in its outbox) and their notification settings.</summary>
internal sealed class NotificationsPersonalData(WehelpenDbContext db, NotificationTexts texts) : IPersonalData
{
    /// <summary>After the features that collect what a circle held: notifications point at those things.</summary>
    public int Order => ErasureOrder.Pointers + 100;

    public IEnumerable<PersonalColumn> Columns =>
    [
        new("Notifications", "UserId"),
        new("NotificationSettings", "UserId"),
    ];

    public IEnumerable<ExportSection> Export(string userId) =>
    [
        new("notifications", ct => Rendered(userId, ct)),
        new("notification-settings", _ => db.Set<NotificationSettings>().AsNoTracking().Where(s => s.UserId == userId)
            .Select(s => new { s.AppointmentOffsets, AppointmentScope = s.AppointmentScope.ToString(), s.TaskReminders, s.Email, Digest = s.Digest.ToString(), s.UpdatedAt })
            .AsAsyncEnumerable()),
    ];

    /// <summary>Written out as the person reads them, in their own language.</summary>
    private async IAsyncEnumerable<object> Rendered(string userId, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var language = await db.Users.Where(u => u.Id == userId).Select(u => u.PreferredLanguage).SingleOrDefaultAsync(ct) ?? "nl";
        await foreach (var n in db.Set<Notification>().AsNoTracking().Where(n => n.UserId == userId).OrderBy(n => n.CreatedAt).AsAsyncEnumerable().WithCancellation(ct))
        {
            var shown = LocalizationExtensions.InLanguage(language, () => texts.Render(n.Kind, n.Data));
            yield return new { n.CreatedAt, shown.Title, shown.Body, n.Link, n.ReadAt, Mail = n.Email.ToString(), n.EmailAt };
        }
    }

    /// <summary>
    /// Their own notifications and mail waiting to go out go. Notifications of others that name them keep what
    /// happened and say "Voormalig lid" instead (<see cref="NotificationTexts"/> shows a missing person so).
    /// </summary>
    public async Task EraseAsync(PersonErasure erasure, CancellationToken ct)
    {
        await db.Set<Notification>().Where(n => n.UserId == erasure.UserId).ExecuteDeleteAsync(ct);
        await db.Set<NotificationSettings>().Where(s => s.UserId == erasure.UserId).ExecuteDeleteAsync(ct);
        if (erasure.DisplayName.Length == 0) return;
        var named = NotificationData.PersonFragment(erasure.DisplayName);
        foreach (var n in await db.Set<Notification>().Where(n => n.Data.Contains(named)).ToListAsync(ct))
            n.Data = (NotificationData.FromJson(n.Data) with { Person = null }).ToJson();
    }

    /// <summary>
    /// Everything about the circle: what links to it or to the things in it (requests, appointments), and what names it
    /// (a klanthouder's notices carry the circle's name). A few scans in batches of ids, not one per id.
    /// </summary>
    public async Task EraseCircleAsync(CircleErasure erasure, CancellationToken ct)
    {
        var name = await db.Set<Circles.Circle>().Where(c => c.Id == erasure.CircleId).Select(c => c.Name).SingleOrDefaultAsync(ct);
        if (name is not null)
        {
            var named = NotificationData.CircleFragment(name);
            await db.Set<Notification>().Where(n => n.Data.Contains(named)).ExecuteDeleteAsync(ct);
        }
        foreach (var batch in erasure.Subjects.Append(erasure.CircleId.ToString()).Chunk(50))
            await db.Set<Notification>().Where(LinksToAny(batch)).ExecuteDeleteAsync(ct);
    }

    private static Expression<Func<Notification, bool>> LinksToAny(IEnumerable<string> ids)
    {
        var n = Expression.Parameter(typeof(Notification), "n");
        var contains = typeof(string).GetMethod(nameof(string.Contains), [typeof(string)])!;
        Expression Mentions(string property, string id) => Expression.Call(Expression.Property(n, property), contains, Expression.Constant(id));
        var any = ids.Select(id => Expression.OrElse(Mentions(nameof(Notification.Link), id), Mentions(nameof(Notification.SourceKey), id)))
            .Aggregate(Expression.OrElse);
        return Expression.Lambda<Func<Notification, bool>>(any, n);
    }
}
