using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Wehelpen.Web.Features.Accounts;
using Wehelpen.Web.Features.Requests;
using Wehelpen.Web.Hosting;

namespace Wehelpen.Web.Features.Neighbourhoods.SocialMap;

/// <summary>
/// /api/v1/social-map/organisations: read by everyone signed in, changed by admins. /api/v1/requests/{id}/referrals:
/// referring an escalated request (the buurtteam of its gebied, admins) and reading its referrals (also the circle).
/// </summary>
internal static class SocialMapApi
{
    public static void MapSocialMapApi(this WebApplication app)
    {
        var organisations = app.MapGroup("/api/v1/social-map/organisations").WithTags("Social map")
            .RequireAuthorization(AccountsExtensions.ApiPolicy);
        organisations.MapGet("/", async Task<Results<Ok<IReadOnlyList<OrganisationResponse>>, ValidationProblem>> (
            SocialMapQueries queries, IStringLocalizer<SharedResource> text, CancellationToken ct, string? stadsdeel = null) =>
        {
            var chosen = SocialMapQueries.FindStadsdeel(stadsdeel);
            if (stadsdeel is not null && chosen is null)
                return TypedResults.ValidationProblem(new FieldErrors().Add("stadsdeel", text["SocialMap.StadsdeelUnknown", stadsdeel]).ToDictionary());
            return TypedResults.Ok(await queries.ListAsync(chosen, ct));
        });
        organisations.MapGet("/{id:guid}", async Task<Results<Ok<OrganisationResponse>, ProblemHttpResult>> (
            Guid id, SocialMapQueries queries, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
            await queries.FindAsync(id, ct) is { } found
                ? TypedResults.Ok(found)
                : TypedResults.Problem(detail: text["SocialMap.OrganisationNotFound"], statusCode: StatusCodes.Status404NotFound));

        var admin = organisations.MapGroup("/").RequireAuthorization(p => p.RequireRole(Roles.Admin));
        admin.MapPost("/", async (OrganisationInput input, ClaimsPrincipal user, OrganisationEditing editing, CancellationToken ct) =>
            (await editing.CreateAsync(user.RequiredUserId(), input, ct)).ToApi(o => TypedResults.Created($"/api/v1/social-map/organisations/{o.Id}", o)));
        admin.MapPut("/{id:guid}", async (Guid id, OrganisationInput input, ClaimsPrincipal user, OrganisationEditing editing, CancellationToken ct) =>
            (await editing.UpdateAsync(user.RequiredUserId(), id, input, ct)).ToApi(TypedResults.Ok));
        admin.MapDelete("/{id:guid}", async (Guid id, ClaimsPrincipal user, OrganisationEditing editing, CancellationToken ct) =>
            (await editing.DeleteAsync(user.RequiredUserId(), id, ct)).ToApi(_ => TypedResults.NoContent()));

        var referrals = app.MapGroup("/api/v1/requests/{requestId:guid}/referrals").WithTags("Social map")
            .RequireAuthorization(AccountsExtensions.ApiPolicy);
        referrals.MapGet("/", async Task<Results<Ok<IReadOnlyList<ReferralResponse>>, ProblemHttpResult>> (
            Guid requestId, ClaimsPrincipal user, Referrals referrals, RequestNotFound notFound, CancellationToken ct) =>
            await referrals.ForViewerAsync(user, requestId, ct) is { } list ? TypedResults.Ok(list) : notFound.Problem());
        referrals.MapPost("/", async (Guid requestId, ReferralInput input, ClaimsPrincipal user, Referrals referrals, CancellationToken ct) =>
            (await referrals.ReferAsync(user, requestId, input, ct)).ToApi(r => TypedResults.Created($"/api/v1/requests/{requestId}/referrals", r)));
    }
}
