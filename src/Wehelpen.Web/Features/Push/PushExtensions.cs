using Microsoft.Extensions.Options;
using Quartz;
using Wehelpen.Web.Platform.PersonalData;
using Wehelpen.Web.Platform.RateLimiting;
using Wehelpen.Web.Platform.Scheduling;

namespace Wehelpen.Web.Features.Push;

/// <summary>
/// Pushes to a person's devices (Web Push): their subscriptions, quiet hours, and an outbox that a job empties.
/// Features that want to push call <see cref="PushOutbox"/> in their unit of work and <see cref="PushWake"/> after it.
/// </summary>
public static class PushExtensions
{
    public const string Changes = "push-changes";

    public static WebApplicationBuilder AddPush(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection("Push");
        builder.Services.AddOptions<PushOptions>().Bind(section).PostConfigure(o =>
        {
            if (builder.Environment.IsDevelopment() && !o.Enabled)
                (o.PublicKey, o.PrivateKey) = DevelopmentVapidKeys.LoadOrCreate(Path.Combine(builder.Environment.ContentRootPath, DevelopmentVapidKeys.File));
            if (builder.Environment.IsDevelopment() && section["AllowLoopbackEndpoints"] is null) o.AllowLoopbackEndpoints = true;
            if (builder.Environment.IsProduction()) o.AllowLoopbackEndpoints = false;
            o.Subject ??= "mailto:" + new System.Net.Mail.MailAddress(builder.Configuration["Email:From"] ?? "noreply@wehelpen.local").Address;
        });
        builder.Services.AddHttpClient(PushClient.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(30))
            .ConfigurePrimaryHttpMessageHandler(services => PushClient.Handler(services.GetRequiredService<IOptions<PushOptions>>().Value.AllowLoopbackEndpoints));
        builder.Services.AddSingleton<PushClient>();
        builder.Services.AddSingleton<PushMetrics>();
        builder.Services.AddSingleton<PushWake>();
        builder.Services.AddScoped<PushDevices>();
        builder.Services.AddScoped<PushPreferences>();
        builder.Services.AddScoped<PushOutbox>();
        builder.Services.AddScoped<PushSender>();
        builder.Services.AddScoped<PushSuggestion>();
        builder.Services.AddPersonalData<PushPersonalData>();
        builder.Services.AddRetentionRule<PushRetention>();
        builder.AddRateLimit(new RateLimitRule(Changes, 30, TimeSpan.FromMinutes(15)) { Setting = "PushChangesPerQuarterHour" });
        builder.AddJob<PushJob>(PushJob.Key, "Verstuurt meldingen naar telefoons en computers (Web Push) en probeert mislukte opnieuw",
            t => t.WithIdentity("push", "push").StartNow()
                .WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromSeconds(30)).RepeatForever()
                    .WithMisfireInstruction(SimpleTriggerMisfireInstruction.NowWithExistingCount)));
        return builder;
    }

    public static WebApplication MapPush(this WebApplication app)
    {
        app.MapPushApi();
        if (!app.Services.GetRequiredService<IOptions<PushOptions>>().Value.Enabled)
            app.Logger.LogWarning("Pushes to devices are off: set Push__PublicKey and Push__PrivateKey (a VAPID key pair; docs/operations.md).");
        return app;
    }
}
