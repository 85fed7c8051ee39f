using Wehelpen.Web.Data;
using Wehelpen.Web.Platform.PersonalData;

namespace Wehelpen.Web.Features.Privacy;

/// <summary>A person's rights (AVG): their export, their erasure, and the retention periods of the register.</summary>
public static class PrivacyExtensions
{
    public static WebApplicationBuilder AddPrivacy(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<RetentionOptions>(builder.Configuration.GetSection("Retention"));
        builder.Services.AddSingleton<DatabaseFiles>();
        builder.Services.AddScoped<CircleEraser>();
        builder.Services.AddScoped<AccountErasure>();
        return builder;
    }

    public static WebApplication MapPrivacy(this WebApplication app) => app;
}
