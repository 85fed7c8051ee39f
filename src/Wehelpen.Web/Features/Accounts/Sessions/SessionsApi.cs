using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Wehelpen.Web.Hosting;

namespace Wehelpen.Web.Features.Accounts.Sessions;

public sealed record SessionResponse(
    Guid Id, SessionKind Kind, string Device, string? Browser, string? System, DateTimeOffset SignedInAt, DateTimeOffset LastSeenAt, bool Current);

/// <summary>/api/v1/account: where the person is signed in, ending sessions, logging out, and changing the password.</summary>
internal static class SessionsApi
{
    public static void MapSessionsApi(this WebApplication app)
    {
        var account = app.MapGroup("/api/v1/account").WithTags("Account").RequireAuthorization(AccountsExtensions.ApiPolicy);

        account.MapGet("/sessions", async (ClaimsPrincipal user, SessionStore sessions, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
            TypedResults.Ok((await sessions.OpenAsync(user.RequiredUserId(), ct))
                .Select(s => new SessionResponse(s.Id, s.Kind, SessionTexts.Device(s, text), s.Browser, s.System, s.CreatedAt, s.LastSeenAt, s.Id == user.SessionId()))
                .ToList()));

        account.MapDelete("/sessions/{sessionId:guid}", async Task<Results<NoContent, ProblemHttpResult>> (
                Guid sessionId, ClaimsPrincipal user, SessionStore sessions, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
            await sessions.EndAsync(user.RequiredUserId(), sessionId, SessionEnd.EndedFromList, ct)
                ? TypedResults.NoContent()
                : TypedResults.Problem(text["Sessions.NotFound"], statusCode: StatusCodes.Status404NotFound))
            .RequireRateLimiting(SessionRateLimits.SessionEnds);

        // Every session, this one too: what "Overal uitloggen" on the page does.
        account.MapPost("/sessions/end-all", async (ClaimsPrincipal user, SessionStore sessions, CancellationToken ct) =>
        {
            await sessions.EndAllAsync(user.RequiredUserId(), SessionEnd.EndedEverywhere, ct: ct);
            return TypedResults.NoContent();
        }).RequireRateLimiting(SessionRateLimits.SessionEnds);

        account.MapPost("/logout", async (ClaimsPrincipal user, SessionStore sessions, CancellationToken ct) =>
        {
            if (user.SessionId() is { } session) await sessions.EndAsync(user.RequiredUserId(), session, SessionEnd.LoggedOut, ct);
            return TypedResults.NoContent();
        }).RequireRateLimiting(SessionRateLimits.SessionEnds);

        // This session stays (its tokens keep working); every other one ends.
        account.MapPost("/password", async (ChangePasswordRequest request, ClaimsPrincipal user, PasswordChange passwords, CancellationToken ct) =>
            (await passwords.ChangeAsync(user.RequiredUserId(), user.SessionId(), request, ct)).ToApi(_ => TypedResults.NoContent()))
            .RequireRateLimiting(SessionRateLimits.PasswordChanges);
    }
}

internal static class SessionTexts
{
    /// <summary>"Firefox op Windows", as the person would name their device.</summary>
    public static string Device(AccountSession session, IStringLocalizer text) =>
        Device(session.Browser ?? (session.Kind == SessionKind.App ? text["Sessions.App"].Value : null), session.System, text);

    /// <summary>"Chrome op Android" from what the browser told of itself; also names the devices that receive pushes.</summary>
    public static string Device(string? browser, string? system, IStringLocalizer text) => (browser, system) switch
    {
        ({ } b, { } s) => text["Sessions.Device", b, s],
        ({ } b, null) => b,
        (null, { } s) => text["Sessions.Device", text["Sessions.UnknownBrowser"], s],
        _ => text["Sessions.UnknownDevice"],
    };
}
