using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Wehelpen.Web.Features.Accounts;
using Wehelpen.Web.Features.Matching;
using Wehelpen.Web.Platform.PersonalData;

namespace Wehelpen.Web.Features.Requests.Matching;

/// <summary>
/// Matching as Requests uses it: the sweep asks volunteers in waves (<see cref="RequestWaves"/>), the alerts they get,
/// their "asked of you" list, and for administrators the ranking of one request. The engine itself and its loading
/// are Features/Matching's; Requests tells it about requests (<see cref="RequestSource"/>).
/// </summary>
internal static class RequestMatchingExtensions
{
    public static IServiceCollection AddRequestMatching(this IServiceCollection services)
    {
        services.AddScoped<IRequestSource, RequestSource>();
        services.AddScoped<RequestWaves>();
        services.AddScoped<AskedOfYou>();
        services.AddScoped<RequestMatches>();
        services.AddPersonalData<RequestAlertsPersonalData>();
        return services;
    }

    public static void MapRequestMatchingApi(this WebApplication app)
    {
        var admin = app.MapGroup("/api/v1/admin/requests").WithTags("Matching")
            .RequireAuthorization(AccountsExtensions.ApiAdminPolicy);
        admin.MapGet("/{requestId:guid}/matches", async Task<Results<Ok<RequestMatchesResponse>, ProblemHttpResult>> (
            Guid requestId, ClaimsPrincipal user, RequestMatches matches, RequestNotFound notFound, CancellationToken ct) =>
            await matches.RankAsync(user.RequiredUserId(), requestId, ct) is { } ranking ? TypedResults.Ok(ranking) : notFound.Problem());
    }
}
