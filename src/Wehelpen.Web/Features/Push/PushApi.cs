using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Wehelpen.Web.Features.Accounts;
using Wehelpen.Web.Hosting;

namespace Wehelpen.Web.Features.Push;

/// <summary>
/// /api/v1/push: the server's public key for the browser's subscribe call, and my devices with pushes on (turn one on,
/// list, turn off), and my quiet hours. Only ever the caller's own devices.
/// </summary>
internal static class PushApi
{
    public static void MapPushApi(this WebApplication app)
    {
        var push = app.MapGroup("/api/v1/push").WithTags("Push").RequireAuthorization(AccountsExtensions.ApiPolicy);

        push.MapGet("/public-key", Results<Ok<PushPublicKeyResponse>, ProblemHttpResult> (IOptions<PushOptions> options, IStringLocalizer<SharedResource> text) =>
            options.Value.Enabled
                ? TypedResults.Ok(new PushPublicKeyResponse(options.Value.PublicKey!))
                : TypedResults.Problem(text["Push.Off"], statusCode: StatusCodes.Status404NotFound));

        push.MapGet("/subscriptions", async (ClaimsPrincipal user, PushDevices devices, CancellationToken ct) =>
            TypedResults.Ok((await devices.MineAsync(user.RequiredUserId(), ct)).Select(devices.ToResponse).ToList()));

        push.MapPost("/subscriptions", async Task<Results<Created<PushDeviceResponse>, ValidationProblem, ProblemHttpResult>> (
                PushSubscriptionInput input, ClaimsPrincipal user, HttpRequest request, PushDevices devices, CancellationToken ct) =>
            (await devices.SubscribeAsync(user.RequiredUserId(), input, request.Headers.UserAgent, ct))
                .ToApi(s => TypedResults.Created($"/api/v1/push/subscriptions/{s.Id}", devices.ToResponse(s))))
            .RequireRateLimiting(PushExtensions.Changes);

        push.MapDelete("/subscriptions/{subscriptionId:guid}", async Task<Results<NoContent, ProblemHttpResult>> (
                Guid subscriptionId, ClaimsPrincipal user, PushDevices devices, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
            await devices.RemoveAsync(user.RequiredUserId(), subscriptionId, ct)
                ? TypedResults.NoContent()
                : TypedResults.Problem(text["Push.DeviceNotFound"], statusCode: StatusCodes.Status404NotFound))
            .RequireRateLimiting(PushExtensions.Changes);

        push.MapGet("/settings", async (ClaimsPrincipal user, PushPreferences preferences, CancellationToken ct) =>
            TypedResults.Ok(PushPreferences.ToResponse(await preferences.GetAsync(user.RequiredUserId(), ct))));

        push.MapPut("/settings", async Task<Results<Ok<PushSettingsResponse>, ValidationProblem, ProblemHttpResult>> (
                PushSettingsInput input, ClaimsPrincipal user, PushPreferences preferences, CancellationToken ct) =>
            (await preferences.SaveAsync(user.RequiredUserId(), input, ct)).ToApi(s => TypedResults.Ok(PushPreferences.ToResponse(s))))
            .RequireRateLimiting(PushExtensions.Changes);
    }
}
