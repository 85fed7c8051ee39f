using Wehelpen.Web.Data;
using Wehelpen.Web.Platform.PersonalData;
using Wehelpen.Web.Platform.RateLimiting;

namespace Wehelpen.Web.Features.Privacy;

/// <summary>A person's rights (AVG): their export, their erasure, and the retention periods of the register.</summary>
public static class PrivacyExtensions
{
    public const string ExportLimit = "privacy-export";
    public const string ErasureLimit = "privacy-erasure";

    public static WebApplicationBuilder AddPrivacy(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.Configure<RetentionOptions>(builder.Configuration.GetSection("Retention"));
        services.AddSingleton<DatabaseFiles>();
        services.AddScoped<CircleEraser>();
        services.AddScoped<AccountErasure>();
        services.AddScoped<DataExport>();
        services.AddScoped<ExportOverview>();
        services.AddRetentionRule<InactiveAccountWarnings>();
        services.AddRetentionRule<InactiveAccountErasure>();
        // An export reads everything about a person: a few an hour is plenty, and keeps it from being used to load the server.
        builder.AddRateLimit(new RateLimitRule(ExportLimit, 10, TimeSpan.FromHours(1)) { CountsReads = true });
        // Erasing asks for the password: limited like a login, so it cannot be used to guess one.
        builder.AddRateLimit(new RateLimitRule(ErasureLimit, 5, TimeSpan.FromMinutes(15)) { CountsReads = true });
        return builder;
    }

    public static WebApplication MapPrivacy(this WebApplication app)
    {
        app.MapPrivacyApi();
        return app;
    }
}
