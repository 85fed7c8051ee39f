using Microsoft.EntityFrameworkCore;
using Wehelpen.Web.Data;
using Wehelpen.Web.Features.Notifications;

namespace Wehelpen.Web.Features.Reminders;

/// <summary>
/// One kind of thing that reminds people: appointments (Agenda) and claimed tasks (Requests). Reminders plans, keeps
/// and sends the reminders; the feature that knows the thing says which reminders there should be and what they
/// say, and registers its source in its own AddX(). So Reminders depends on none of them. Ids are unique across
/// sources (version 7 GUIDs), so a source answers only for the ids that are its own.
/// </summary>
public interface IReminderSource
{
    /// <summary>Its things that may still remind someone before <paramref name="until"/> (planned ahead every hour).</summary>
    Task<List<Guid>> UpcomingAsync(DateTimeOffset now, DateTimeOffset until, CancellationToken ct);

    /// <summary>Its things that may remind this person (after they changed their settings or joined a circle).</summary>
    Task<List<Guid>> OfPersonAsync(string userId, DateTimeOffset now, DateTimeOffset until, CancellationToken ct);

    /// <summary>The reminders there should be now for those of these ids that are its own, due up to <paramref name="until"/>.</summary>
    Task<List<PlannedReminder>> ExpectedAsync(IReadOnlyCollection<Guid> ids, DateTimeOffset now, DateTimeOffset until, CancellationToken ct);

    /// <summary>The notification of each due reminder that is its own (null when the thing is gone): read once per batch.</summary>
    Task<Func<Reminder, NewNotification?>> MessagesAsync(IReadOnlyCollection<Reminder> due, CancellationToken ct);

    /// <summary>Whether reminders of this kind are its own.</summary>
    bool Owns(ReminderKind kind);
}

public static class ReminderSettings
{
    /// <summary>Each person's reminder settings, the defaults for whoever never changed them.</summary>
    public static async Task<Func<string, NotificationSettings>> ForAsync(WehelpenDbContext db, IEnumerable<string> userIds, CancellationToken ct)
    {
        var ids = userIds.Distinct().ToList();
        var stored = await db.Set<NotificationSettings>().AsNoTracking().Where(s => ids.Contains(s.UserId)).ToDictionaryAsync(s => s.UserId, ct);
        return id => stored.GetValueOrDefault(id) ?? NotificationSettings.Default(id);
    }
}
