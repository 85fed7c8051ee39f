using System.Security.Claims;
using System.Threading.RateLimiting;
using Wehelpen.Web.Data;
using Wehelpen.Web.Platform.PersonalData;

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
        services.AddRateLimiter(o =>
        {
            // An export reads everything about a person: a few an hour is plenty, and keeps it from being used to load the server.
            o.AddPolicy(ExportLimit, ctx => PerPerson(ctx, ExportLimit, 10, TimeSpan.FromHours(1)));
            // Erasing asks for the password: limited like a login, so it cannot be used to guess one.
            o.AddPolicy(ErasureLimit, ctx => PerPerson(ctx, ErasureLimit, 5, TimeSpan.FromMinutes(15)));
        });
        return builder;
    }

    public static WebApplication MapPrivacy(this WebApplication app)
    {
        app.MapPrivacyApi();
        return app;
    }

    private static RateLimitPartition<string> PerPerson(HttpContext ctx, string policy, int permits, TimeSpan window) =>
        RateLimitPartition.GetFixedWindowLimiter(
            $"{policy}:{ctx.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? ctx.Connection.RemoteIpAddress?.ToString()}",
            _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = window, QueueLimit = 0 });
}
