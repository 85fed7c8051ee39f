using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Wehelpen.Web.Hosting;

namespace Wehelpen.Web.Features.Accounts;

/// <summary>
/// Login and password-reset attempts are limited per client address, on the API and the pages alike, so that
/// passwords cannot be guessed at speed and nobody's mailbox is flooded with reset mails. Only POSTs count:
/// looking at the login page is free.
/// </summary>
public static class AccountRateLimits
{
    public const string Login = "login";
    public const string PasswordReset = "password-reset";

    public static WebApplicationBuilder AddAccountRateLimits(this WebApplicationBuilder builder)
    {
        var settings = builder.Configuration.GetSection("RateLimits").Get<RateLimitSettings>() ?? new RateLimitSettings();
        builder.Services.AddRateLimiter(o =>
        {
            o.AddPolicy(Login, ctx => PerClient(ctx, Login, settings.LoginAttemptsPerMinute, TimeSpan.FromMinutes(1)));
            o.AddPolicy(PasswordReset, ctx => PerClient(ctx, PasswordReset, settings.PasswordResetsPerQuarterHour, TimeSpan.FromMinutes(15)));
            o.OnRejected = async (context, cancellationToken) =>
            {
                var http = context.HttpContext;
                var text = http.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                    http.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString();
                http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                var problem = new ProblemDetails
                {
                    Status = StatusCodes.Status429TooManyRequests,
                    Title = text["RateLimit.Title"],
                    Detail = text["RateLimit.Detail"],
                };
                if (http.Request.IsProgramRequest())
                    await TypedResults.Problem(problem).ExecuteAsync(http);
                else
                    await TypedResults.Content(RateLimitPage(problem), "text/html; charset=utf-8", statusCode: 429).ExecuteAsync(http);
            };
        });
        return builder;
    }

    private static RateLimitPartition<string> PerClient(HttpContext ctx, string policy, int permits, TimeSpan window)
    {
        if (HttpMethods.IsGet(ctx.Request.Method) || HttpMethods.IsHead(ctx.Request.Method))
            return RateLimitPartition.GetNoLimiter($"{policy}:read");
        var client = ctx.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        return RateLimitPartition.GetFixedWindowLimiter($"{policy}:{client}", _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permits,
            Window = window,
            QueueLimit = 0,
        });
    }

    // A bare page rather than the layout: the limiter answers before the page pipeline runs.
    private static string RateLimitPage(ProblemDetails problem)
    {
        var title = System.Net.WebUtility.HtmlEncode(problem.Title);
        var detail = System.Net.WebUtility.HtmlEncode(problem.Detail);
        return $"""
            <!DOCTYPE html><html lang="{System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{title}</title><link rel="stylesheet" href="/css/site.css"></head>
            <body><main class="container"><h1>{title}</h1><p>{detail}</p><p><a href="/">Wehelpen</a></p></main></body></html>
            """;
    }

    private sealed class RateLimitSettings
    {
        public int LoginAttemptsPerMinute { get; set; } = 10;
        public int PasswordResetsPerQuarterHour { get; set; } = 5;
    }
}
