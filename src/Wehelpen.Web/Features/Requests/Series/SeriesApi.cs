using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Quartz;
using Wehelpen.Web.Features.Accounts;
using Wehelpen.Web.Hosting;
using Wehelpen.Web.Features.Requests.Series.Regulars;
using Wehelpen.Web.Platform.PersonalData;
using Wehelpen.Web.Platform.RateLimiting;
using Wehelpen.Web.Platform.Scheduling;

namespace Wehelpen.Web.Features.Requests.Series;

/// <summary>
/// /api/v1/series/{seriesId}: a series as its circle sees it, and changing or stopping it from a date on. A series
/// is started by posting a request with a <c>repeat</c> (RequestsApi).
/// </summary>
internal static class SeriesApi
{
    /// <summary>Changing and stopping series, per person.</summary>
    public const string ChangeLimit = "request-series";

    public static void MapSeriesApi(this WebApplication app)
    {
        var series = app.MapGroup("/api/v1/series").WithTags("Requests").RequireAuthorization(AccountsExtensions.ApiPolicy);
        series.MapGet("/{seriesId:guid}", async Task<Results<Ok<SeriesResponse>, ProblemHttpResult>> (
            Guid seriesId, ClaimsPrincipal user, SeriesManagement management, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
            await management.GetAsync(user.RequiredUserId(), seriesId, ct) is { } found
                ? TypedResults.Ok(found)
                : TypedResults.Problem(detail: text["Series.NotFound"], statusCode: StatusCodes.Status404NotFound));
        series.MapPost("/{seriesId:guid}/change", async (Guid seriesId, ChangeSeriesInput input, ClaimsPrincipal user, SeriesManagement management, CancellationToken ct) =>
            (await management.ChangeFromAsync(user.RequiredUserId(), seriesId, input, ct)).ToApi(TypedResults.Ok))
            .RequireRateLimiting(ChangeLimit);
        series.MapPost("/{seriesId:guid}/stop", async (Guid seriesId, StopSeriesInput input, ClaimsPrincipal user, SeriesManagement management, CancellationToken ct) =>
            (await management.StopAsync(user.RequiredUserId(), seriesId, input, ct)).ToApi(TypedResults.Ok))
            .RequireRateLimiting(ChangeLimit);
        app.MapRegularApi();
    }

    public static WebApplicationBuilder AddRequestSeries(this WebApplicationBuilder builder)
    {
        builder.AddRateLimit(new RateLimitRule(ChangeLimit, 30, TimeSpan.FromHours(1))
            { Setting = "SeriesChangesPerHour", DetailKey = "RateLimit.Series.Detail" });
        builder.Services.AddSingleton(builder.Configuration.GetSection("Requests:Series").Get<SeriesOptions>() ?? new SeriesOptions());
        builder.Services.AddScoped<SeriesOccurrences>();
        builder.Services.AddScoped<SeriesStarting>();
        builder.Services.AddScoped<SeriesManagement>();
        builder.AddRegularVolunteers();
        builder.Services.AddScoped<SeriesOverviews>();
        builder.Services.AddPersonalData<SeriesPersonalData>();
        builder.Services.AddRetentionRule<SeriesRetention>();
        builder.AddJob<SeriesOccurrencesJob>(SeriesOccurrencesJob.Key, "Maakt de komende keren van herhaalde hulpvragen aan, tot de horizon vooruit",
            // Fire-and-proceed: after a night the app was down, the series are topped up at start-up.
            t => t.WithIdentity("request-series-nightly", "requests")
                .WithCronSchedule(CronScheduleBuilder.Create($"0 {SeriesOccurrencesJob.At.Minute} {SeriesOccurrencesJob.At.Hour} * * ?")
                    .InTimeZone(AmsterdamTime.Zone)
                    .WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed)));
        return builder;
    }
}
