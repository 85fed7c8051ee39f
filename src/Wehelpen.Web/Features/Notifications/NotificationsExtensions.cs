using Quartz;
using Wehelpen.Web.Platform.Scheduling;
using Wehelpen.Web.Platform.PersonalData;

namespace Wehelpen.Web.Features.Notifications;

/// <summary>The notification centre: every notification kept per person, live on the bell, mailed through an outbox.</summary>
public static class NotificationsExtensions
{
    public static WebApplicationBuilder AddNotifications(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<Notifier>();
        builder.Services.AddSingleton<NotificationAnnouncer>();
        builder.Services.AddScoped<NotificationTexts>();
        builder.Services.AddScoped<NotificationPushes>();
        builder.Services.AddScoped<NotificationMailer>();
        builder.Services.AddScoped<NotificationSettingsLink>();
        builder.Services.AddScoped<FailedMails>();
        builder.Services.AddScoped<NotificationCentre>();
        builder.Services.AddPersonalData<NotificationsPersonalData>();
        builder.Services.AddSingleton<NotificationMailWake>();
        builder.Services.AddRetentionRule<NotificationRetention>();
        builder.AddJob<NotificationMailJob>(NotificationMailJob.Key, "Verstuurt de e-mail van meldingen en probeert mislukte opnieuw",
            t => t.WithIdentity("notification-mail", "notifications").StartNow()
                .WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromSeconds(30)).RepeatForever()
                    .WithMisfireInstruction(SimpleTriggerMisfireInstruction.NowWithExistingCount)));
        return builder;
    }

    public static WebApplication MapNotifications(this WebApplication app)
    {
        app.MapNotificationsApi();
        return app;
    }
}
