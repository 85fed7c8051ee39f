using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Wehelpen.Web.Features.Accounts;
using Wehelpen.Web.Hosting;
using Wehelpen.Web.Platform.PersonalData;
using Wehelpen.Web.Platform.RateLimiting;

namespace Wehelpen.Web.Features.Requests.Series.Regulars;

/// <summary>
/// The regular volunteer of a series: offered by the helper of one of its occurrences
/// (POST /api/v1/requests/{requestId}/regular), answered or ended at /api/v1/regulars/{regularId}, and the
/// volunteer's own at /api/v1/me/regulars. Anyone else gets the 404 of an arrangement that does not exist.
/// </summary>
internal static class RegularApi
{
    /// <summary>Offering, answering and ending, per person.</summary>
    public const string WriteLimit = "regular-volunteers";

    public static void MapRegularApi(this WebApplication app)
    {
        var api = app.MapGroup("/api/v1").WithTags("Requests").RequireAuthorization(AccountsExtensions.ApiPolicy);
        api.MapPost("/requests/{requestId:guid}/regular", async (Guid requestId, RegularOfferInput input, ClaimsPrincipal user, RegularArrangements arrangements, CancellationToken ct) =>
            (await arrangements.OfferAsync(user.RequiredUserId(), requestId, input, ct)).ToApi(r => TypedResults.Created($"/api/v1/regulars/{r.Id}", r)))
            .RequireRateLimiting(WriteLimit);
        api.MapGet("/me/regulars", async (ClaimsPrincipal user, RegularQueries queries, CancellationToken ct) =>
            TypedResults.Ok(await queries.MineAsync(user.RequiredUserId(), ct)));

        var regulars = api.MapGroup("/regulars/{regularId:guid}");
        regulars.MapGet("", async Task<Results<Ok<RegularResponse>, ProblemHttpResult>> (
            Guid regularId, ClaimsPrincipal user, RegularQueries queries, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
            await queries.GetAsync(user.RequiredUserId(), regularId, ct) is { } found
                ? TypedResults.Ok(found)
                : TypedResults.Problem(detail: text["Regular.NotFound"], statusCode: StatusCodes.Status404NotFound));
        regulars.MapPost("/accept", async (Guid regularId, ClaimsPrincipal user, RegularArrangements arrangements, CancellationToken ct) =>
            (await arrangements.AnswerAsync(user.RequiredUserId(), regularId, accept: true, ct)).ToApi(TypedResults.Ok))
            .RequireRateLimiting(WriteLimit);
        regulars.MapPost("/decline", async (Guid regularId, ClaimsPrincipal user, RegularArrangements arrangements, CancellationToken ct) =>
            (await arrangements.AnswerAsync(user.RequiredUserId(), regularId, accept: false, ct)).ToApi(TypedResults.Ok))
            .RequireRateLimiting(WriteLimit);
        regulars.MapPost("/end", async (Guid regularId, ClaimsPrincipal user, RegularArrangements arrangements, CancellationToken ct) =>
            (await arrangements.EndAsync(user.RequiredUserId(), regularId, ct)).ToApi(TypedResults.Ok))
            .RequireRateLimiting(WriteLimit);
    }

    public static WebApplicationBuilder AddRegularVolunteers(this WebApplicationBuilder builder)
    {
        builder.AddRateLimit(new RateLimitRule(WriteLimit, 30, TimeSpan.FromHours(1))
            { Setting = "RegularVolunteerChangesPerHour", DetailKey = "RateLimit.Regular.Detail" });
        builder.Services.AddScoped<RegularQueries>();
        builder.Services.AddScoped<RegularNotices>();
        builder.Services.AddScoped<RegularMoves>();
        builder.Services.AddScoped<RegularArrangements>();
        builder.Services.AddSingleton<IRequestPageSection, RegularSection>();
        builder.Services.AddPersonalData<RegularPersonalData>();
        builder.Services.AddRetentionRule<RegularRetention>();
        return builder;
    }
}
