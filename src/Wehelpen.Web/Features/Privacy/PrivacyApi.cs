using System.Security.Claims;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Wehelpen.Web.Features.Accounts;
using Wehelpen.Web.Hosting;

namespace Wehelpen.Web.Features.Privacy;

/// <summary>/api/v1/account: the person's own data, to take (export) or to erase. Bearer token or cookie.</summary>
internal static class PrivacyApi
{
    public static void MapPrivacyApi(this WebApplication app)
    {
        var account = app.MapGroup("/api/v1/account").WithTags("Privacy").RequireAuthorization(AccountsExtensions.ApiPolicy);

        account.MapGet("/export", async (ClaimsPrincipal user, DataExport export, HttpContext http, CancellationToken ct) =>
        {
            var session = await export.OpenAsync(user.RequiredUserId(), ct);
            if (session is null) return (IResult)TypedResults.NotFound();
            http.Response.RegisterForDisposeAsync(session);
            // The ZIP writer writes each file's closing 16-byte descriptor synchronously, even from its async API
            // (.NET 10); everything else is written asynchronously.
            if (http.Features.Get<IHttpBodyControlFeature>() is { } body) body.AllowSynchronousIO = true;
            return TypedResults.Stream(stream => session.WriteAsync(stream, ct), "application/zip", session.FileName);
        }).RequireRateLimiting(PrivacyExtensions.ExportLimit);

        account.MapDelete("/", async ([FromBody] EraseAccountRequest? request, ClaimsPrincipal user, AccountErasure erasure, CancellationToken ct) =>
            (await erasure.EraseOwnAsync(user.RequiredUserId(), request ?? new EraseAccountRequest(null), ct)).ToApi(_ => TypedResults.NoContent()))
            .RequireRateLimiting(PrivacyExtensions.ErasureLimit);
    }
}
