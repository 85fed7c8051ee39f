using System.Security.Claims;
using Wehelpen.Web.Features.Accounts;

namespace Wehelpen.Web.Features.Jobs;

/// <summary>/api/v1/admin/jobs: the scheduler's state and its two actions, for administrators only (others get 403).</summary>
internal static class JobsApi
{
    public static WebApplication MapJobsApi(this WebApplication app)
    {
        var jobs = app.MapGroup("/api/v1/admin/jobs").WithTags("Scheduling")
            .RequireAuthorization(AccountsExtensions.ApiAdminPolicy);
        jobs.MapGet("/", async (JobBoard board, CancellationToken ct) => TypedResults.Ok(await board.ListAsync(ct)));
        jobs.MapPost("/{group}/{name}/run", async (string group, string name, ClaimsPrincipal user, JobBoard board, CancellationToken ct) =>
            (await board.RunNowAsync(user.RequiredUserId(), group, name, ct)).ToApi(_ => TypedResults.Accepted("/api/v1/admin/jobs")));
        jobs.MapPost("/triggers/{group}/{name}/reset", async (string group, string name, ClaimsPrincipal user, JobBoard board, CancellationToken ct) =>
            (await board.ResetTriggerAsync(user.RequiredUserId(), group, name, ct)).ToApi(_ => TypedResults.NoContent()));
        return app;
    }
}
