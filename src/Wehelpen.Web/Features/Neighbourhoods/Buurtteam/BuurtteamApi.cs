using System.Security.Claims;
using Wehelpen.Web.Features.Accounts;
using Wehelpen.Web.Features.Circles;
using Wehelpen.Web.Features.Circles.Consent;
using Wehelpen.Web.Features.Requests;

namespace Wehelpen.Web.Features.Neighbourhoods.Buurtteam;

/// <summary>
/// /api/v1/buurtteam for professionals (their details and gebieden, klanthouder invitations, writing to a circle),
/// /api/v1/admin/professional-areas for admins, and /api/v1/circles/{id}/case-holder for the circle.
/// </summary>
internal static class BuurtteamApi
{
    public static void MapBuurtteamApi(this WebApplication app)
    {
        var me = app.MapGroup("/api/v1/buurtteam").WithTags("Buurtteam")
            .RequireAuthorization(AccountsExtensions.ApiPolicy).RequireAuthorization(p => p.RequireRole(Roles.Professional));
        me.MapGet("/me", async (ClaimsPrincipal user, ProfessionalSettings settings, CancellationToken ct) =>
            TypedResults.Ok(await settings.MineAsync(user.RequiredUserId(), ct)));
        me.MapPut("/me", async (ProfessionalInput input, ClaimsPrincipal user, ProfessionalSettings settings, CancellationToken ct) =>
            (await settings.SaveAsync(user.RequiredUserId(), input, ct)).ToApi(TypedResults.Ok));
        me.MapGet("/case-holder-invitations", async (ClaimsPrincipal user, CaseHolders caseHolders, CancellationToken ct) =>
            TypedResults.Ok(await caseHolders.ForProfessionalAsync(user.RequiredUserId(), ct)));
        me.MapPost("/case-holder-invitations/{invitationId:guid}/accept", async (Guid invitationId, ClaimsPrincipal user, CaseHolders caseHolders, CancellationToken ct) =>
            (await caseHolders.AcceptAsync(user.RequiredUserId(), invitationId, ct)).ToApi(_ => TypedResults.NoContent()));
        me.MapPost("/case-holder-invitations/{invitationId:guid}/decline", async (Guid invitationId, ClaimsPrincipal user, CaseHolders caseHolders, CancellationToken ct) =>
            (await caseHolders.DeclineAsync(user.RequiredUserId(), invitationId, ct)).ToApi(_ => TypedResults.NoContent()));
        me.MapDelete("/case-holder/{circleId:guid}", async (Guid circleId, ClaimsPrincipal user, CaseHolders caseHolders, CancellationToken ct) =>
            (await caseHolders.StepDownAsync(user.RequiredUserId(), circleId, ct)).ToApi(_ => TypedResults.NoContent()));
        me.MapPost("/requests/{requestId:guid}/contact-circle", async (Guid requestId, ContactCircleInput input, ClaimsPrincipal user, ContactCircle contact, CancellationToken ct) =>
            (await contact.SendAsync(user.RequiredUserId(), requestId, input, ct)).ToApi(_ => TypedResults.NoContent()));

        // The buurtteam's queue among the requests: those of its gebieden that nobody in the neighbourhood took on.
        app.MapGet("/api/v1/requests/escalated", async (ClaimsPrincipal user, BuurtteamAccess buurtteam, RequestQueries queries, CancellationToken ct) =>
            TypedResults.Ok(await queries.EscalatedAsync(await buurtteam.AreasAsync(user, ct), ct)))
            .WithTags("Requests").RequireAuthorization(AccountsExtensions.ApiPolicy)
            .RequireAuthorization(p => p.RequireRole(Roles.Professional, Roles.Admin));

        var admin = app.MapGroup("/api/v1/admin/professional-areas").WithTags("Buurtteam")
            .RequireAuthorization(AccountsExtensions.ApiAdminPolicy);
        admin.MapGet("/", async (ProfessionalSettings settings, CancellationToken ct) => TypedResults.Ok(await settings.RequestsAsync(ct)));
        admin.MapPost("/{userId}/{areaCode}/approve", async (string userId, string areaCode, ClaimsPrincipal user, ProfessionalSettings settings, CancellationToken ct) =>
            (await settings.ApproveAsync(user.RequiredUserId(), userId, areaCode, ct)).ToApi(_ => TypedResults.NoContent()));
        admin.MapDelete("/{userId}/{areaCode}", async (string userId, string areaCode, ClaimsPrincipal user, ProfessionalSettings settings, CancellationToken ct) =>
            (await settings.RevokeAsync(user.RequiredUserId(), userId, areaCode, ct)).ToApi(_ => TypedResults.NoContent()));

        var circle = app.MapCircleApiGroup("Buurtteam");
        circle.MapGet("/case-holder", async Task<IResult> (CircleMembership member, CaseHolders caseHolders, CancellationToken ct) =>
            await caseHolders.CurrentAsync(member.CircleId, ct) is { } current ? TypedResults.Ok(current) : TypedResults.NoContent());
        circle.MapGet("/case-holder/candidates", async (CircleMembership member, CaseHolders caseHolders, CancellationToken ct) =>
            TypedResults.Ok(await caseHolders.CandidatesAsync(member.CircleId, ct))).RequireAuthorization(CirclePolicies.Manager);
        circle.MapPost("/case-holder", async (CaseHolderInviteInput input, CircleMembership member, CaseHolders caseHolders, CancellationToken ct) =>
            (await caseHolders.InviteAsync(member, input, ct)).ToApi(TypedResults.Ok))
            .RequireAuthorization(CirclePolicies.Manager).RequireRateLimiting(ConsentExtensions.Changes);
        circle.MapDelete("/case-holder", async (CircleMembership member, CaseHolders caseHolders, CancellationToken ct) =>
            (await caseHolders.EndAsync(member, ct)).ToApi(_ => TypedResults.NoContent()))
            .RequireAuthorization(CirclePolicies.Manager).RequireRateLimiting(ConsentExtensions.Changes);
    }
}
