using Quartz;
using Wehelpen.Web.Features.Circles;
using Wehelpen.Web.Features.Notifications;
using Wehelpen.Web.Platform.Scheduling;
using Wehelpen.Web.Platform.PersonalData;

namespace Wehelpen.Web.Features.Reminders;

/// <summary>
/// Reminders before appointments and tasks: planned ahead in the Reminders table (one row per reminder and
/// person, unique by key), sent by a Quartz job when due, as notifications in the app and by mail.
/// </summary>
public static class ReminderExtensions
{
    public static WebApplicationBuilder AddReminders(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(builder.Configuration.GetSection("Reminders").Get<ReminderOptions>() ?? new ReminderOptions());
        builder.Services.AddSingleton<ReminderWake>();
        builder.Services.AddSingleton<ReminderMetrics>();
        builder.Services.AddScoped<ReminderPlanner>();
        builder.Services.AddScoped<ReminderPersonFollower>();
        builder.Services.AddScoped<IMemberJoined>(s => s.GetRequiredService<ReminderPersonFollower>());
        builder.Services.AddScoped<ISettingsSaved>(s => s.GetRequiredService<ReminderPersonFollower>());
        builder.Services.AddScoped<ReminderDispatcher>();
        builder.Services.AddPersonalData<RemindersPersonalData>();

        builder.AddJob<ReminderDispatchJob>(ReminderDispatchJob.Key, "Verstuurt herinneringen die aan de beurt zijn",
            // A minute's sweep backs up the wake-up trigger (ReminderWake), and sends at once what fell due while the app was down.
            t => t.WithIdentity("reminders-sweep", "reminders").StartNow()
                .WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromMinutes(1)).RepeatForever()
                    .WithMisfireInstruction(SimpleTriggerMisfireInstruction.NowWithExistingCount)));
        builder.AddJob<ReminderPlanningJob>(ReminderPlanningJob.Key, "Plant herinneringen vooruit",
            t => t.WithIdentity("reminder-planning", "reminders").StartNow()
                .WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromHours(1)).RepeatForever()
                    .WithMisfireInstruction(SimpleTriggerMisfireInstruction.NowWithExistingCount)));
        return builder;
    }
}
