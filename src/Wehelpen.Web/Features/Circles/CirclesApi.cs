using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Wehelpen.Web.Features.Accounts;
using Wehelpen.Web.Hosting;

namespace Wehelpen.Web.Features.Circles;

/// <summary>/api/v1/circles: my circles, their members and invitations. Only members of a circle reach its endpoints.</summary>
internal static class CirclesApi
{
    /// <summary>
    /// The route group every feature of a circle hangs its endpoints on: /api/v1/circles/{circleId}/..., open to
    /// the members of that circle only.
    /// </summary>
    public static RouteGroupBuilder MapCircleApiGroup(this IEndpointRouteBuilder app, string tag) =>
        app.MapGroup("/api/v1/circles/{circleId:guid}")
            .WithTags(tag)
            .RequireAuthorization(AccountsExtensions.ApiPolicy, CirclePolicies.Member);

    public static void MapCirclesApi(this WebApplication app)
    {
        var mine = app.MapGroup("/api/v1/circles").WithTags("Circles").RequireAuthorization(AccountsExtensions.ApiPolicy);
        mine.MapGet("/", async (ClaimsPrincipal user, CircleManagement circles, CancellationToken ct) =>
            TypedResults.Ok(await circles.MineAsync(user.RequiredUserId(), ct)));
        mine.MapPost("/", CreateAsync);

        var circle = app.MapCircleApiGroup("Circles");
        circle.MapGet("/", async (CircleMembership me, CircleManagement circles, CancellationToken ct) =>
            TypedResults.Ok(await circles.DescribeAsync(me, ct)));
        circle.MapPut("/", async (RenameCircleRequest request, CircleMembership me, CircleManagement circles, CancellationToken ct) =>
            (await circles.RenameAsync(me, request, ct)).ToApi(TypedResults.Ok)).RequireAuthorization(CirclePolicies.Manager);
        circle.MapGet("/members", async (CircleMembership me, CircleManagement circles, CancellationToken ct) =>
            TypedResults.Ok(await circles.MembersAsync(me.CircleId, ct)));
        circle.MapPut("/members/{userId}/role", async (string userId, ChangeRoleRequest request, CircleMembership me, CircleManagement circles, CancellationToken ct) =>
            (await circles.ChangeRoleAsync(me, userId, request, ct)).ToApi(TypedResults.Ok)).RequireAuthorization(CirclePolicies.Manager);
        circle.MapDelete("/members/{userId}", async (string userId, CircleMembership me, CircleManagement circles, CancellationToken ct) =>
            (await circles.RemoveAsync(me, userId, ct)).ToApi(_ => TypedResults.NoContent())).RequireAuthorization(CirclePolicies.Manager);
        circle.MapPost("/leave", async (CircleMembership me, CircleManagement circles, CancellationToken ct) =>
            (await circles.LeaveAsync(me, ct)).ToApi(_ => TypedResults.NoContent()));
        circle.MapDelete("/", async ([Microsoft.AspNetCore.Mvc.FromBody] Erasure.EraseCircleRequest? request, CircleMembership me, Erasure.CircleErasing erasing, CancellationToken ct) =>
            (await erasing.EraseAsync(me, request ?? new Erasure.EraseCircleRequest(null), ct)).ToApi(_ => TypedResults.NoContent()))
            .RequireAuthorization(CirclePolicies.Manager).RequireRateLimiting(CirclesExtensions.CircleErasure);
        circle.MapGet("/history", async (CircleMembership me, CircleManagement circles, CancellationToken ct) =>
            TypedResults.Ok(await circles.HistoryAsync(me.CircleId, ct)));

        var invitations = app.MapCircleApiGroup("Circles").MapGroup("/invitations").RequireAuthorization(CirclePolicies.Manager);
        invitations.MapGet("/", async (CircleMembership me, CircleInvitations invitations, CancellationToken ct) =>
            TypedResults.Ok(await invitations.ListAsync(me.CircleId, ct)));
        invitations.MapPost("/", async (CreateInvitationRequest request, CircleMembership me, CircleInvitations invitations, CancellationToken ct) =>
            (await invitations.CreateAsync(me, request, ct)).ToApi(i => TypedResults.Created($"/api/v1/circles/{me.CircleId}/invitations/{i.Id}", i)));
        invitations.MapDelete("/{invitationId:guid}", async (Guid invitationId, CircleMembership me, CircleInvitations invitations, CancellationToken ct) =>
            (await invitations.RevokeAsync(me, invitationId, ct)).ToApi(_ => TypedResults.NoContent()));

        // Joining: by the link's token or the code read out over the phone. Limited, so codes cannot be guessed.
        var join = app.MapGroup("/api/v1/invitations/{codeOrToken}").WithTags("Circles")
            .RequireAuthorization(AccountsExtensions.ApiPolicy).RequireRateLimiting(CirclesExtensions.InvitationLookups);
        join.MapGet("/", async (string codeOrToken, ClaimsPrincipal user, CircleInvitations invitations, CancellationToken ct) =>
            (await invitations.PreviewAsync(codeOrToken, user.RequiredUserId(), ct)).ToApi(TypedResults.Ok));
        join.MapPost("/accept", async (string codeOrToken, ClaimsPrincipal user, CircleInvitations invitations, CancellationToken ct) =>
            (await invitations.AcceptAsync(codeOrToken, user.RequiredUserId(), ct)).ToApi(TypedResults.Ok));
    }

    private static async Task<Results<Created<CreatedCircleResponse>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        CreateCircleRequest request, ClaimsPrincipal user, CircleManagement circles, CancellationToken ct) =>
        (await circles.CreateAsync(user.RequiredUserId(), request, ct))
            .ToApi(c => TypedResults.Created($"/api/v1/circles/{c.Circle.Id}", c));
}
