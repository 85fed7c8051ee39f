using Wehelpen.Web.Platform.Telemetry;

namespace Wehelpen.Web.Hosting;

/// <summary>
/// Requests made by programs rather than by pages: the JSON API (/api), the live hub (/hubs) and the metrics scrape. They get status codes
/// and ProblemDetails, never a redirect to a page, and take their language from Accept-Language as well.
/// </summary>
public static class ProgramRequests
{
    public const string HubsPath = "/hubs";

    public static bool IsProgramRequest(this HttpRequest request) =>
        request.Path.StartsWithSegments("/api") || request.Path.StartsWithSegments(HubsPath)
        || request.Path.StartsWithSegments(TelemetryExtensions.ScrapePath);
}
