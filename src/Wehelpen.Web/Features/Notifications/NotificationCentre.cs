using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Wehelpen.Web.Data;
using Wehelpen.Web.Hosting;
using Wehelpen.Web.Platform.Live;

namespace Wehelpen.Web.Features.Notifications;

/// <summary>
/// The notification centre's use cases, shared by the pages (/notifications, /notifications/settings) and the API:
/// my notifications newest first, the unread count, reading them, and my settings. A notification of someone else is
/// answered exactly like one that does not exist.
/// </summary>
public sealed class NotificationCentre(
    WehelpenDbContext db, NotificationTexts texts, ILiveSender live, IEnumerable<ISettingsSaved> followers, TimeProvider clock,
    IStringLocalizer<SharedResource> text, ILogger<NotificationCentre> logger)
{
    public const int PageSize = 20;

    /// <summary>
    /// A page of my notifications, newest first, made before <paramref name="before"/>. One batch of reminders can give
    /// someone several notifications at the same moment; a page never splits those, so paging by time loses none.
    /// </summary>
    public async Task<NotificationPage> ListAsync(string userId, DateTimeOffset? before, CancellationToken ct)
    {
        var mine = db.Set<Notification>().AsNoTracking().Where(n => n.UserId == userId);
        var older = before is { } cursor ? mine.Where(n => n.CreatedAt < cursor.ToUniversalTime()) : mine;
        var rows = await older.OrderByDescending(n => n.CreatedAt).Take(PageSize + 1).ToListAsync(ct);
        DateTimeOffset? next = null;
        if (rows.Count > PageSize)
        {
            var last = rows[PageSize - 1].CreatedAt;
            var newer = rows[0].CreatedAt;
            // The whole moment of the last item, however many were made then.
            rows = await older.Where(n => n.CreatedAt >= last && n.CreatedAt <= newer).OrderByDescending(n => n.CreatedAt).ToListAsync(ct);
            next = await older.AnyAsync(n => n.CreatedAt < last, ct) ? last : null;
        }
        var items = rows.OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id).Select(Describe).ToList();
        return new NotificationPage(items, next, await UnreadAsync(userId, ct));
    }

    /// <summary>The count on the bell of every page: a failure here must not take the page down with it.</summary>
    public async Task<int> BellCountAsync(string userId, CancellationToken ct)
    {
        try
        {
            return await UnreadAsync(userId, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Counting the unread notifications of {UserId} failed; the bell shows none.", userId);
            return 0;
        }
    }

    /// <summary>Counted up to <see cref="CappedCount.Rows"/> on the (UserId, ReadAt) index, however many there are.</summary>
    public Task<int> UnreadAsync(string userId, CancellationToken ct) =>
        db.Set<Notification>().Where(n => n.UserId == userId && n.ReadAt == null).Take(CappedCount.Rows).CountAsync(ct);

    /// <summary>Marks one of my notifications read (again is fine); someone else's is not found, as is a made-up id.</summary>
    public async Task<Outcome<UnreadNotifications>> MarkReadAsync(string userId, Guid notificationId, CancellationToken ct)
    {
        var changed = await db.Set<Notification>().Where(n => n.Id == notificationId && n.UserId == userId && n.ReadAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(n => n.ReadAt, clock.GetUtcNow()), ct);
        if (changed == 0 && !await db.Set<Notification>().AnyAsync(n => n.Id == notificationId && n.UserId == userId, ct)) return NotFound();
        return await AfterReadAsync(userId, changed, ct);
    }

    /// <summary>Opening a notification reads it: where it leads, for the page to go to.</summary>
    public async Task<string?> OpenAsync(string userId, Guid notificationId, CancellationToken ct)
    {
        var link = await db.Set<Notification>().Where(n => n.Id == notificationId && n.UserId == userId).Select(n => n.Link).SingleOrDefaultAsync(ct);
        if (link is null) return null;
        await MarkReadAsync(userId, notificationId, ct);
        return link;
    }

    public async Task<UnreadNotifications> MarkAllReadAsync(string userId, CancellationToken ct)
    {
        var changed = await db.Set<Notification>().Where(n => n.UserId == userId && n.ReadAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(n => n.ReadAt, clock.GetUtcNow()), ct);
        return await AfterReadAsync(userId, changed, ct);
    }

    public async Task<NotificationSettingsResponse> SettingsAsync(string userId, CancellationToken ct) =>
        Describe(await db.Set<NotificationSettings>().AsNoTracking().SingleOrDefaultAsync(s => s.UserId == userId, ct) ?? NotificationSettings.Default(userId));

    /// <summary>
    /// Checks every field first and saves all of them or none; then the person's reminders are planned again, so
    /// that an offset turned off is not sent and one turned on is.
    /// </summary>
    public async Task<Outcome<NotificationSettingsResponse>> SaveSettingsAsync(string userId, NotificationSettingsInput input, CancellationToken ct)
    {
        var errors = new FieldErrors();
        foreach (var minutes in (input.AppointmentOffsets ?? []).Where(m => !NotificationSettings.OffsetChoices.Contains(m)).Distinct())
            errors.Add("appointmentOffsets", text["Notifications.Settings.OffsetUnknown", minutes]);
        var scope = Parse<AppointmentScope>(input.AppointmentScope, "appointmentScope", "Notifications.Settings.ScopeUnknown", errors);
        var digest = Parse<DigestFrequency>(input.Digest, "digest", "Notifications.Settings.DigestUnknown", errors);
        if (errors.Any) return errors;

        var settings = await db.Set<NotificationSettings>().SingleOrDefaultAsync(s => s.UserId == userId, ct);
        if (settings is null) db.Add(settings = NotificationSettings.Default(userId));
        if (input.AppointmentOffsets is { } offsets) settings.SetOffsets(offsets);
        if (scope is { } s) settings.AppointmentScope = s;
        if (input.TaskReminders is { } tasks) settings.TaskReminders = tasks;
        if (input.Email is { } email) settings.Email = email;
        if (digest is { } d) settings.Digest = d;
        settings.UpdatedAt = clock.GetUtcNow();
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException) when (db.Entry(settings).State == EntityState.Added)
        {
            // Their first settings, saved at the same moment from another screen: this save is applied over that one.
            db.ChangeTracker.Clear();
            return await SaveSettingsAsync(userId, input, ct);
        }
        foreach (var follower in followers) await follower.SettingsSavedAsync(userId, ct);
        return Describe(settings);
    }

    private NotificationItem Describe(Notification n)
    {
        var rendered = texts.Render(n.Kind, n.Data);
        return new NotificationItem(n.Id, n.Kind, rendered.Title, rendered.Body, n.Link, n.CreatedAt, n.ReadAt);
    }

    private static NotificationSettingsResponse Describe(NotificationSettings s) =>
        new(s.Offsets, s.AppointmentScope, s.TaskReminders, s.Email, s.Digest, NotificationSettings.OffsetChoices);

    /// <summary>By name only ("allCircles", "AllCircles"): a number would name a choice nobody sees.</summary>
    private T? Parse<T>(string? value, string field, string messageKey, FieldErrors errors) where T : struct, Enum
    {
        if (value is null) return null;
        var name = Enum.GetNames<T>().FirstOrDefault(n => string.Equals(n, value.Trim(), StringComparison.OrdinalIgnoreCase));
        if (name is null)
        {
            errors.Add(field, text[messageKey, value]);
            return null;
        }
        return Enum.Parse<T>(name);
    }

    /// <summary>The person's other screens (the bell, an open list) follow what was read here.</summary>
    private async Task<UnreadNotifications> AfterReadAsync(string userId, int changed, CancellationToken ct)
    {
        var unread = new UnreadNotifications(await UnreadAsync(userId, ct));
        if (changed == 0) return unread;
        try
        {
            await live.ToPersonAsync(userId, NotificationEvents.NotificationsRead, unread);
        }
        catch (Exception e)
        {
            // Live news follows the change and never fails it: the other screens catch up on their next page.
            logger.LogWarning(e, "Telling the other screens of {UserId} what was read failed.", userId);
        }
        return unread;
    }

    private Refusal NotFound() => Refusal.NotFound(text["Notifications.NotFound"]);
}
