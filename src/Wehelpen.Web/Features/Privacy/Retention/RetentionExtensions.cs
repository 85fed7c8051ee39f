using Quartz;
using Wehelpen.Web.Platform.Scheduling;
using Wehelpen.Web.Hosting;

namespace Wehelpen.Web.Features.Privacy.Retention;

/// <summary>
/// The daily retention job. It knows no feature: each feature registers the rules for its own data
/// (<c>services.AddRetentionRule&lt;T&gt;()</c>, Platform/PersonalData), with the periods of <c>RetentionOptions</c>.
/// </summary>
public static class RetentionExtensions
{
    public static WebApplicationBuilder AddRetention(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<RetentionRun>();
        builder.AddJob<RetentionJob>(RetentionJob.Key,
            "Verwijdert wat over de bewaartermijn is: adressen van afgesloten hulpvragen, oude meldingen en mailbestanden, accounts die lang niet gebruikt zijn, oude adressen en regels van het beheerlog",
            t => t.WithIdentity(RetentionJob.NightlyTrigger)
                .WithCronSchedule(CronScheduleBuilder.Create($"0 {RetentionJob.At.Minute} {RetentionJob.At.Hour} * * ?")
                    .InTimeZone(AmsterdamTime.Zone)
                    .WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed)),
            // Made anew at every start-up (Quartz replaces stored triggers by the declared ones): one firing, a little
            // after the app is up, that runs only when a night was missed.
            t => t.WithIdentity(RetentionJob.StartUpTrigger)
                .StartAt(DateTimeOffset.UtcNow + RetentionJob.AfterStartUp)
                .WithSimpleSchedule(s => s.WithRepeatCount(0).WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow)));
        return builder;
    }
}
