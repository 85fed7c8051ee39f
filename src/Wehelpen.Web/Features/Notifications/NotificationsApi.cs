using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Wehelpen.Web.Features.Accounts;

namespace Wehelpen.Web.Features.Notifications;

/// <summary>
/// /api/v1/notifications: my notifications (newest first, <c>?before=</c> the <c>next</c> of the page before), the unread
/// count, reading them, and my settings. Only ever the caller's own.
/// </summary>
internal static class NotificationsApi
{
    public static void MapNotificationsApi(this WebApplication app)
    {
        var group = app.MapGroup("/api/v1/notifications").WithTags("Notifications").RequireAuthorization(AccountsExtensions.ApiPolicy);
        group.MapGet("/", async (ClaimsPrincipal user, NotificationCentre centre, CancellationToken ct, DateTimeOffset? before = null) =>
            TypedResults.Ok(await centre.ListAsync(user.RequiredUserId(), before, ct)));
        group.MapGet("/unread-count", async (ClaimsPrincipal user, NotificationCentre centre, CancellationToken ct) =>
            TypedResults.Ok(new UnreadNotifications(await centre.UnreadAsync(user.RequiredUserId(), ct))));
        group.MapPost("/{notificationId:guid}/read", async Task<Results<Ok<UnreadNotifications>, ValidationProblem, ProblemHttpResult>> (
                Guid notificationId, ClaimsPrincipal user, NotificationCentre centre, CancellationToken ct) =>
            (await centre.MarkReadAsync(user.RequiredUserId(), notificationId, ct)).ToApi(TypedResults.Ok));
        group.MapPost("/read-all", async (ClaimsPrincipal user, NotificationCentre centre, CancellationToken ct) =>
            TypedResults.Ok(await centre.MarkAllReadAsync(user.RequiredUserId(), ct)));
        group.MapGet("/settings", async (ClaimsPrincipal user, NotificationCentre centre, CancellationToken ct) =>
            TypedResults.Ok(await centre.SettingsAsync(user.RequiredUserId(), ct)));
        group.MapPut("/settings", async Task<Results<Ok<NotificationSettingsResponse>, ValidationProblem, ProblemHttpResult>> (
                NotificationSettingsInput input, ClaimsPrincipal user, NotificationCentre centre, CancellationToken ct) =>
            (await centre.SaveSettingsAsync(user.RequiredUserId(), input, ct)).ToApi(TypedResults.Ok));
    }
}
