using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Wehelpen.Web.Features.Accounts;
using Wehelpen.Web.Features.Circles;
using Wehelpen.Web.Features.Requests;
using Wehelpen.Web.Platform.PersonalData;
using Wehelpen.Web.Platform.RateLimiting;

namespace Wehelpen.Web.Features.Thanks;

/// <summary>
/// /api/v1/requests/{id}/thanks for the circle and the volunteer it thanks; /api/v1/me/thanks and
/// /api/v1/me/help-overview for the volunteer; /api/v1/circles/{id}/thanks-settings for what the circle allows.
/// </summary>
internal static class ThanksApi
{
    public static void MapThanksApi(this WebApplication app)
    {
        var requests = app.MapGroup("/api/v1/requests/{requestId:guid}/thanks").WithTags("Thanks").RequireAuthorization(AccountsExtensions.ApiPolicy);
        requests.MapGet("/", async Task<Results<Ok<RequestThanksView>, ProblemHttpResult>> (Guid requestId, ClaimsPrincipal user, Thanking thanking, RequestNotFound notFound, CancellationToken ct) =>
            await thanking.ForRequestAsync(user.RequiredUserId(), requestId, ct) is { } view ? TypedResults.Ok(view) : notFound.Problem());
        requests.MapPut("/", async (Guid requestId, ThanksInput input, ClaimsPrincipal user, Thanking thanking, CancellationToken ct) =>
            (await thanking.SayAsync(user.RequiredUserId(), requestId, input, ct)).ToApi(TypedResults.Ok))
            .RequireRateLimiting(ThanksExtensions.WritingLimit);

        var me = app.MapGroup("/api/v1/me").WithTags("Thanks").RequireAuthorization(AccountsExtensions.ApiPolicy);
        me.MapGet("/thanks", async (ClaimsPrincipal user, Thanking thanking, CancellationToken ct) =>
            TypedResults.Ok(await thanking.ReceivedAsync(user.RequiredUserId(), ct)));
        me.MapGet("/help-overview", async (ClaimsPrincipal user, HelpOverview overview, CancellationToken ct, int? year = null) =>
            (await overview.ForYearAsync(user.RequiredUserId(), year, ct)).ToApi(TypedResults.Ok));

        var circle = app.MapCircleApiGroup("Thanks");
        circle.MapGet("/thanks-settings", async (CircleMembership me, CircleThanksSettingsEditing editing, CancellationToken ct) =>
            TypedResults.Ok(await editing.GetAsync(me, ct)));
        circle.MapPut("/thanks-settings", async (CircleThanksSettingsInput input, CircleMembership me, CircleThanksSettingsEditing editing, CancellationToken ct) =>
            TypedResults.Ok(await editing.SetAsync(me, input, ct)))
            .RequireAuthorization(CirclePolicies.Manager).RequireRateLimiting(ThanksExtensions.SettingsLimit);
    }
}

public static class ThanksExtensions
{
    /// <summary>Writing or changing thanks (page and API), per person.</summary>
    public const string WritingLimit = "thanks-writing";

    /// <summary>Changing the circle's choice about names in the overview (page and API), per person.</summary>
    public const string SettingsLimit = "thanks-settings";

    public static WebApplicationBuilder AddThanks(this WebApplicationBuilder builder)
    {
        builder.AddRateLimit(new RateLimitRule(WritingLimit, 30, TimeSpan.FromHours(1)) { Setting = "ThanksPerHour" });
        builder.AddRateLimit(new RateLimitRule(SettingsLimit, 30, TimeSpan.FromHours(1)) { Setting = "ThanksSettingsPerHour" });
        builder.Services.AddScoped<Thanking>();
        builder.Services.AddScoped<HelpOverview>();
        builder.Services.AddScoped<CircleThanksSettingsEditing>();
        builder.Services.AddSingleton<IRequestPageSection, ThanksSection>();
        builder.Services.AddPersonalData<ThanksPersonalData>();
        return builder;
    }

    public static WebApplication MapThanks(this WebApplication app)
    {
        app.MapThanksApi();
        return app;
    }
}
