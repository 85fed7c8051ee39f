using System.Globalization;
using System.Net;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Wehelpen.Web.Hosting;

namespace Wehelpen.Web.Platform.RateLimiting;

/// <summary>
/// How "too many" is said: 429 with Retry-After, a ProblemDetails in the person's language for programs and a short
/// readable page for people; in the hub the same sentence as a HubException.
/// </summary>
internal static class RateLimitRejection
{
    public static TimeSpan? RetryAfter(RateLimitLease lease) =>
        lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : null;

    /// <summary>What was done too often and when it can be done again; the general sentence for rules without their own.</summary>
    public static string Detail(IStringLocalizer text, RateLimitRule? rule, TimeSpan? retryAfter)
    {
        if (rule?.DetailKey is null) return text["RateLimit.Detail"];
        var minutes = (int)Math.Ceiling((retryAfter ?? rule.Window).TotalMinutes);
        var wait = minutes <= 1 ? text["RateLimit.WaitMinute"] : text["RateLimit.WaitMinutes", minutes];
        return $"{text[rule.DetailKey]} {wait}";
    }

    public static async Task WriteAsync(HttpContext http, RateLimitLease lease, RateLimitRule? rule)
    {
        var text = http.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
        var retryAfter = RetryAfter(lease);
        if (retryAfter is { } wait)
            http.Response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        var problem = new ProblemDetails
        {
            Status = StatusCodes.Status429TooManyRequests,
            Title = text["RateLimit.Title"],
            Detail = Detail(text, rule, retryAfter),
        };
        if (http.Request.IsProgramRequest())
            await TypedResults.Problem(problem).ExecuteAsync(http);
        else
            await TypedResults.Content(Page(problem), "text/html; charset=utf-8", statusCode: 429).ExecuteAsync(http);
    }

    // A bare page rather than the layout: the limiter answers before the page pipeline runs.
    private static string Page(ProblemDetails problem)
    {
        var title = WebUtility.HtmlEncode(problem.Title);
        var detail = WebUtility.HtmlEncode(problem.Detail);
        return $"""
            <!DOCTYPE html><html lang="{CultureInfo.CurrentUICulture.TwoLetterISOLanguageName}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{title}</title><link rel="stylesheet" href="/css/site.css"></head>
            <body><main class="container"><h1>{title}</h1><p role="status">{detail}</p><p><a href="/">Wehelpen</a></p></main></body></html>
            """;
    }
}
