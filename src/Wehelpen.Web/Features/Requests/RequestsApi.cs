using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Wehelpen.Web.Features.Accounts;
using Wehelpen.Web.Features.Chat;
using Wehelpen.Web.Features.Circles;
using Wehelpen.Web.Features.Reminders;
using Wehelpen.Web.Features.Requests.Matching;
using Wehelpen.Web.Features.Requests.Series;
using Wehelpen.Web.Hosting;
using Wehelpen.Web.Platform.PersonalData;
using Wehelpen.Web.Platform.RateLimiting;
using Wehelpen.Web.Platform.Scheduling;
using Quartz;

namespace Wehelpen.Web.Features.Requests;

/// <summary>
/// /api/v1/circles/{circleId}/requests for the circle (list, post, its widening policy and blocked volunteers), and
/// /api/v1/requests for everyone a request concerns: the nearby list, my tasks, one request and its changes.
/// </summary>
internal static class RequestsApi
{
    public static void MapRequestsApi(this WebApplication app)
    {
        var circle = app.MapCircleApiGroup("Requests");
        circle.MapGet("/requests", async (CircleMembership me, RequestQueries queries, CancellationToken ct) =>
            TypedResults.Ok(await queries.ForCircleAsync(me, ct)));
        // With a "repeat", the first occurrence of a new series (its id in seriesId); the rest are made up to the horizon.
        circle.MapPost("/requests", async (HelpRequestInput input, CircleMembership me, RequestPosting posting, SeriesStarting series, CancellationToken ct) =>
            (input.Repeat is null ? await posting.PostAsync(me, input, ct) : await series.StartAsync(me, input, ct))
                .ToApi(r => TypedResults.Created($"/api/v1/requests/{r.Summary.Id}", r)))
            .RequireRateLimiting(RequestsExtensions.PostingLimit);
        circle.MapGet("/requests/{requestId:guid}/address-views", async (Guid requestId, CircleMembership me, AddressViews views, CancellationToken ct) =>
            (await views.ForCircleAsync(me, requestId, ct)).ToApi(TypedResults.Ok)).RequireAuthorization(CirclePolicies.Manager);
        circle.MapGet("/request-policy", async (CircleMembership me, CircleRequestSettings settings, CancellationToken ct) =>
            TypedResults.Ok(await settings.PolicyAsync(me, ct)));
        circle.MapPut("/request-policy", async (WideningPolicyInput input, CircleMembership me, CircleRequestSettings settings, CancellationToken ct) =>
            (await settings.SetPolicyAsync(me, input, ct)).ToApi(TypedResults.Ok)).RequireAuthorization(CirclePolicies.Manager);

        var blocks = circle.MapGroup("/blocked-volunteers").RequireAuthorization(CirclePolicies.Manager);
        blocks.MapGet("/", async (CircleMembership me, CircleRequestSettings settings, CancellationToken ct) =>
            TypedResults.Ok(await settings.BlockedAsync(me, ct)));
        blocks.MapPut("/{volunteerId}", async (string volunteerId, CircleMembership me, CircleRequestSettings settings, CancellationToken ct) =>
            (await settings.BlockAsync(me, volunteerId, ct)).ToApi(TypedResults.Ok));
        blocks.MapDelete("/{volunteerId}", async (string volunteerId, CircleMembership me, CircleRequestSettings settings, CancellationToken ct) =>
        {
            await settings.UnblockAsync(me, volunteerId, ct);
            return TypedResults.NoContent();
        });

        var requests = app.MapGroup("/api/v1/requests").WithTags("Requests").RequireAuthorization(AccountsExtensions.ApiPolicy);
        requests.MapGet("/nearby", async Task<Results<Ok<NearbyResponse>, ValidationProblem>> (ClaimsPrincipal user, RequestQueries queries, IStringLocalizer<SharedResource> text, CancellationToken ct, string? sort = null) =>
        {
            // "distance" or "date", as people and apps write them: the enum binder would want "Distance".
            if (!Enum.TryParse<NearbySort>(sort ?? nameof(NearbySort.Distance), ignoreCase: true, out var order) || !Enum.IsDefined(order))
                return TypedResults.ValidationProblem(new FieldErrors().Add("sort", text["Request.SortUnknown"]).ToDictionary());
            return TypedResults.Ok(await queries.NearbyAsync(user.RequiredUserId(), order, ct));
        });
        requests.MapGet("/mine", async (ClaimsPrincipal user, RequestQueries queries, CancellationToken ct) =>
            TypedResults.Ok(await queries.MineAsync(user.RequiredUserId(), ct)));
        requests.MapGet("/{requestId:guid}", async Task<Results<Ok<RequestDetails>, ProblemHttpResult>> (Guid requestId, ClaimsPrincipal user, RequestLifecycle lifecycle, RequestNotFound notFound, CancellationToken ct) =>
            await lifecycle.GetAsync(user.RequiredUserId(), requestId, ct) is { } details ? TypedResults.Ok(details) : notFound.Problem());
        requests.MapPost("/{requestId:guid}/claim", async (Guid requestId, ClaimsPrincipal user, RequestLifecycle lifecycle, CancellationToken ct) =>
            (await lifecycle.ClaimAsync(user.RequiredUserId(), requestId, ct)).ToApi(TypedResults.Ok));
        requests.MapPost("/{requestId:guid}/give-back", async (Guid requestId, GiveBackRequest input, ClaimsPrincipal user, RequestLifecycle lifecycle, CancellationToken ct) =>
            (await lifecycle.GiveBackAsync(user.RequiredUserId(), requestId, input, ct)).ToApi(TypedResults.Ok));
        requests.MapPost("/{requestId:guid}/done", async (Guid requestId, ClaimsPrincipal user, RequestLifecycle lifecycle, CancellationToken ct) =>
            (await lifecycle.MarkDoneAsync(user.RequiredUserId(), requestId, ct)).ToApi(TypedResults.Ok));
        requests.MapPost("/{requestId:guid}/cancel", async (Guid requestId, CancelRequest input, ClaimsPrincipal user, RequestLifecycle lifecycle, CancellationToken ct) =>
            (await lifecycle.CancelAsync(user.RequiredUserId(), requestId, input, ct)).ToApi(TypedResults.Ok));
        requests.MapPost("/{requestId:guid}/widen", async (Guid requestId, ClaimsPrincipal user, RequestLifecycle lifecycle, CancellationToken ct) =>
            (await lifecycle.WidenAsync(user.RequiredUserId(), requestId, ct)).ToApi(TypedResults.Ok));
        requests.MapPost("/{requestId:guid}/coming", async (Guid requestId, ClaimsPrincipal user, RequestLifecycle lifecycle, CancellationToken ct) =>
            (await lifecycle.ConfirmComingAsync(user.RequiredUserId(), requestId, ct)).ToApi(TypedResults.Ok));
        requests.MapPost("/{requestId:guid}/confirm", async (Guid requestId, ConfirmRequest input, ClaimsPrincipal user, RequestLifecycle lifecycle, CancellationToken ct) =>
            (await lifecycle.ConfirmAsync(user.RequiredUserId(), requestId, input, ct)).ToApi(TypedResults.Ok));
    }
}

/// <summary>The one answer for a request that does not exist and one the caller may not see.</summary>
public sealed class RequestNotFound(IStringLocalizer<SharedResource> text)
{
    public ProblemHttpResult Problem() => TypedResults.Problem(detail: text["Request.NotFound"], statusCode: StatusCodes.Status404NotFound);
}

public static class RequestsExtensions
{
    /// <summary>Asking for help (page and API), per person.</summary>
    public const string PostingLimit = "request-posting";

    public static WebApplicationBuilder AddRequests(this WebApplicationBuilder builder)
    {
        builder.AddRateLimit(new RateLimitRule(PostingLimit, 20, TimeSpan.FromHours(1))
            { Setting = "HelpRequestsPerHour", DetailKey = "RateLimit.HelpRequests.Detail" });
        builder.Services.AddScoped<RequestAccess>();
        builder.Services.AddSingleton<RequestMetrics>();
        builder.Services.AddScoped<RequestJournal>();
        builder.Services.AddSingleton<RequestDescriptions>();
        builder.Services.AddScoped<RequestPosting>();
        builder.Services.AddSingleton<RequestNews>();
        builder.Services.AddScoped<RequestLifecycle>();
        builder.Services.AddScoped<RequestPushes>();
        builder.Services.AddScoped<RequestQueries>();
        builder.Services.AddScoped<RequestSweeper>();
        builder.Services.AddScoped<CircleRequestSettings>();
        builder.Services.AddScoped<RequestNotFound>();
        builder.Services.AddPersonalData<RequestsPersonalData>();
        builder.Services.AddRetentionRule<RequestAddressRetention>();
        builder.Services.AddScoped<AddressViews>();
        builder.Services.AddPersonalData<AddressViewPersonalData>();
        builder.Services.AddRetentionRule<AddressViewRetention>();
        builder.Services.AddRequestMatching();
        builder.AddRequestSeries();
        builder.Services.AddScoped<IThreadRequests, ThreadRequests>();
        builder.Services.AddScoped<IReminderSource, TaskReminders>();
        var sweep = TimeSpan.FromSeconds(Math.Max(1, builder.Configuration.GetValue("Requests:SweepSeconds", 60)));
        builder.AddJob<RequestSweepJob>(RequestSweepJob.Key, "Verbreedt, vraagt vrijwilligers en laat verlopen: hulpvragen die op de klok wachten",
            t => t.WithIdentity("request-sweep", "requests").StartNow()
                .WithSimpleSchedule(s => s.WithInterval(sweep).RepeatForever().WithMisfireInstruction(SimpleTriggerMisfireInstruction.NowWithExistingCount)));
        return builder;
    }

    public static WebApplication MapRequests(this WebApplication app)
    {
        app.MapRequestsApi();
        app.MapRequestMatchingApi();
        app.MapSeriesApi();
        return app;
    }
}
