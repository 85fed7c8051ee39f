using Wehelpen.Web.Features.Accounts;

namespace Wehelpen.Web.Features.Audit;

/// <summary>/api/v1/admin/audit: the audit log, newest first (<c>?before=</c> the <c>next</c> of the page before,
/// <c>&amp;action=</c> a code, <c>&amp;actor=</c> a person's id); administrators only, others get 403.</summary>
internal static class AuditLogApi
{
    public static void MapAuditLogApi(this WebApplication app)
    {
        var audit = app.MapGroup("/api/v1/admin/audit").WithTags("Audit")
            .RequireAuthorization(AccountsExtensions.ApiAdminPolicy);
        audit.MapGet("/", async (AuditLogQueries queries, CancellationToken ct, long? before = null, string? action = null, string? actor = null) =>
            (await queries.ListAsync(new AuditQuery(before, action, actor), ct)).ToApi(TypedResults.Ok));
    }
}

public static class AuditLogExtensions
{
    /// <summary>The admins' view of the audit log (the log itself, and its writing, are Platform/Audit).</summary>
    public static WebApplicationBuilder AddAuditLog(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<AuditLogQueries>();
        return builder;
    }

    public static WebApplication MapAuditLog(this WebApplication app)
    {
        app.MapAuditLogApi();
        return app;
    }
}
