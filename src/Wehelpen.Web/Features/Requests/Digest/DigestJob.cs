using Quartz;
using Wehelpen.Web.Features.Notifications;
using Wehelpen.Web.Platform.Scheduling;
using Wehelpen.Web.Hosting;

namespace Wehelpen.Web.Features.Requests.Digest;

/// <summary>Sends the volunteers' daily and weekly digests at eight in the morning, Amsterdam time, then their mail.</summary>
[DisallowConcurrentExecution]
public sealed class DigestJob(DigestSender digests, NotificationMailer mailer, ILogger<DigestJob> logger) : IJob
{
    public static readonly JobKey Key = new("volunteer-digest", "notifications");
    public static readonly TriggerKey TriggerKey = new("volunteer-digest-daily", "notifications");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var result = await digests.SendDueAsync(cancellationToken);
        logger.LogInformation("Digests: {Sent} made, {Nothing} with nothing open nearby.", result.Sent, result.Nothing);
        if (result.Sent > 0) await mailer.SendPendingAsync(cancellationToken);
    }
}

public static class DigestExtensions
{
    public static WebApplicationBuilder AddDigest(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<DigestSender>();
        builder.AddJob<DigestJob>(DigestJob.Key, "Stuurt vrijwilligers hun dagelijkse of wekelijkse overzicht van hulpvragen in de buurt",
            // Every day at 08:00 in Amsterdam (weekly digests are picked on Mondays by the sender). Fire-and-proceed:
            // a start-up after a missed eight o'clock sends that day's digest at once rather than skipping it.
            t => t.WithIdentity(DigestJob.TriggerKey)
                .WithCronSchedule(CronScheduleBuilder.Create($"0 {DigestSender.SendFrom.Minute} {DigestSender.SendFrom.Hour} * * ?")
                    .InTimeZone(AmsterdamTime.Zone)
                    .WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed)));
        return builder;
    }
}
