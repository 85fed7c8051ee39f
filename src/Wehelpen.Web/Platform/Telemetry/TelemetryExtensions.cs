using System.Diagnostics;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Wehelpen.Web.Platform.Telemetry;

/// <summary>
/// Metrics and traces through OpenTelemetry. Features own their instruments (a small metrics class each, made from
/// the host's <see cref="System.Diagnostics.Metrics.IMeterFactory"/>, its meter named <c>Wehelpen.&lt;Feature&gt;</c>);
/// this piece only listens to every meter under <see cref="MeterPrefix"/>, adds the framework's own (ASP.NET Core,
/// HttpClient, the runtime), and exports: over OTLP when the standard <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set
/// (traces, metrics and logs; the other standard OTEL_* variables apply), and as a Prometheus scrape at
/// <see cref="ScrapePath"/>, which the composition protects. Without the variable nothing leaves the process.
/// </summary>
public static class TelemetryExtensions
{
    public const string MeterPrefix = "Wehelpen.";
    public const string ScrapePath = "/metrics";
    public const string OtlpEndpointVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>A port on which the scrape needs no sign-in (the app must also listen on it: ASPNETCORE_URLS).</summary>
    public const string ScrapePortSetting = "Telemetry:ScrapePort";

    public static WebApplicationBuilder AddTelemetry(this WebApplicationBuilder builder)
    {
        var otlp = !string.IsNullOrWhiteSpace(builder.Configuration[OtlpEndpointVariable]);
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("wehelpen", serviceVersion: typeof(TelemetryExtensions).Assembly.GetName().Version?.ToString()))
            .WithMetrics(metrics => metrics
                .AddMeter(MeterPrefix + "*")
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddPrometheusExporter());
        if (builder.Configuration.GetValue<int?>(ScrapePortSetting) is int port)
            builder.Services.AddSingleton<IStartupFilter>(new ScrapePortStartupFilter(port));
        // Traces are only worth making when someone collects them.
        if (!otlp) return builder;
        telemetry.WithTracing(tracing => tracing
            .AddAspNetCoreInstrumentation(o => o.EnrichWithHttpResponse = WithoutAddress)
            .AddHttpClientInstrumentation()
            .AddEntityFrameworkCoreInstrumentation())
            .UseOtlpExporter();
        return builder;
    }

    /// <summary>The scrape endpoint; the caller says who may read it.</summary>
    public static IEndpointConventionBuilder MapTelemetry(this WebApplication app) =>
        app.MapPrometheusScrapingEndpoint(ScrapePath);

    /// <summary>
    /// A path can hold a secret (a reset code, a feed token) and ids, a query an address: a span keeps the route
    /// template (as its name already does) and no query.
    /// </summary>
    private static void WithoutAddress(Activity activity, HttpResponse response)
    {
        activity.SetTag("url.path", response.HttpContext.GetEndpoint() is RouteEndpoint route ? "/" + route.RoutePattern.RawText?.TrimStart('/') : null);
        activity.SetTag("url.query", null);
    }

    /// <summary>
    /// A scraper cannot keep an administrator's token fresh: operators may instead give it a port of its own that only
    /// their network reaches. The connection's own port decides, never the Host header (which a client chooses), and
    /// before anything else runs, so that the admin-only endpoint on the public port is not in the way.
    /// </summary>
    private sealed class ScrapePortStartupFilter(int port) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.UseOpenTelemetryPrometheusScrapingEndpoint(context =>
                context.Connection.LocalPort == port && context.Request.Path.Equals(ScrapePath, StringComparison.OrdinalIgnoreCase));
            next(app);
        };
    }
}
