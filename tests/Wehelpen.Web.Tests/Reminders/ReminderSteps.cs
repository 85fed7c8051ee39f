using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Wehelpen.Web.Features.Notifications;
using Wehelpen.Web.Features.Reminders;

namespace Wehelpen.Web.Tests.Reminders;

/// <summary>Runs the reminder jobs' work by hand, with the test's clock, and reads what people were told.</summary>
public static class ReminderSteps
{
    /// <summary>What the dispatch job does when it wakes: send what is due, then the mail.</summary>
    public static async Task<ReminderDispatcher.Result> DispatchAsync(this WehelpenApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<ReminderDispatcher>().DispatchDueAsync(CancellationToken.None);
        await scope.ServiceProvider.GetRequiredService<NotificationMailer>().SendPendingAsync(CancellationToken.None);
        return result;
    }

    public static async Task<int> PlanAheadAsync(this WehelpenApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ReminderPlanner>().PlanAheadAsync(CancellationToken.None);
    }

    public static Task<List<Notification>> NotificationsAsync(this WehelpenApplication app, string userId) =>
        app.QueryAsync(db => db.Set<Notification>().AsNoTracking().Where(n => n.UserId == userId).OrderBy(n => n.CreatedAt).ToListAsync());

    /// <summary>
    /// A person's notifications other than being asked to help: a volunteer near a task posted to the neighbourhood
    /// was asked about it at once, before they took it on.
    /// </summary>
    public static async Task<List<Notification>> NotificationsBesidesAskedAsync(this WehelpenApplication app, string userId) =>
        (await app.NotificationsAsync(userId)).Where(n => n.Kind != NotificationKind.HelpAsked).ToList();

    public static Task<List<Notification>> AllNotificationsAsync(this WehelpenApplication app) =>
        app.QueryAsync(db => db.Set<Notification>().AsNoTracking().ToListAsync());

    public static Task<List<Reminder>> RemindersAsync(this WehelpenApplication app) =>
        app.QueryAsync(db => db.Set<Reminder>().AsNoTracking().OrderBy(r => r.DueAt).ToListAsync());

    /// <summary>The notification's title as its reader sees it, in Dutch.</summary>
    public static string DutchTitle(this WehelpenApplication app, Notification notification)
    {
        using var scope = app.Services.CreateScope();
        var texts = scope.ServiceProvider.GetRequiredService<NotificationTexts>();
        return Web.Localization.LocalizationExtensions.InLanguage("nl", () => texts.Render(notification.Kind, notification.Data).Title);
    }

    public static async Task SetSettingsAsync(this WehelpenApplication app, string userId, Action<NotificationSettings> change)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Web.Data.WehelpenDbContext>();
        var settings = await db.Set<NotificationSettings>().FindAsync(userId);
        if (settings is null) db.Add(settings = NotificationSettings.Default(userId));
        change(settings);
        settings.UpdatedAt = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow();
        await db.SaveChangesAsync();
        await scope.ServiceProvider.GetRequiredService<ReminderPlanner>().PersonChangedAsync(userId, CancellationToken.None);
    }
}
