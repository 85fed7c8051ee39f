using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace Wehelpen.Web.Platform.RateLimiting;

/// <summary>
/// Rate limits as a piece every feature uses: a feature registers its rules here and names them on its endpoints,
/// pages, page handlers and hub methods. Counters live in this process (per node, see docs/operations.md "Several nodes").
/// </summary>
public static class RateLimitExtensions
{
    /// <summary>Registers a feature's rule; the setting <c>RateLimits:{rule.Setting}</c>, when given, overrides its permits.</summary>
    public static WebApplicationBuilder AddRateLimit(this WebApplicationBuilder builder, RateLimitRule rule)
    {
        if (rule.Setting is { } setting)
        {
            rule = rule with { Permits = builder.Configuration.GetValue($"RateLimits:{setting}", rule.Permits) };
            if (rule.Permits < 1) throw new InvalidOperationException($"RateLimits:{setting} must be 1 or more.");
        }
        var services = builder.Services;
        if (!services.Any(s => s.ServiceType == typeof(RateLimitRegistry)))
        {
            services.AddSingleton<RateLimitRegistry>();
            services.Configure<MvcOptions>(o => o.Filters.Add<RateLimitedPageHandlers>());
            services.AddRateLimiter(o => o.OnRejected = (context, _) =>
            {
                var http = context.HttpContext;
                var policy = http.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName;
                var rule = policy is null ? null : http.RequestServices.GetRequiredService<RateLimitRegistry>().Find(policy);
                return new ValueTask(RateLimitRejection.WriteAsync(http, context.Lease, rule));
            });
        }
        services.AddSingleton(rule);
        services.AddRateLimiter(o => o.AddPolicy(rule.Name, context =>
            context.RequestServices.GetRequiredService<RateLimitRegistry>().PartitionFor(rule.Name, context)));
        return builder;
    }
}
