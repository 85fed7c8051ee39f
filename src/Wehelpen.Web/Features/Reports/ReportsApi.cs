using System.Security.Claims;
using Wehelpen.Web.Features.Accounts;
using Wehelpen.Web.Hosting;
using Wehelpen.Web.Platform.PersonalData;
using Wehelpen.Web.Platform.RateLimiting;

namespace Wehelpen.Web.Features.Reports;

/// <summary>POST /api/v1/reports for everyone signed in; /api/v1/admin/reports for administrators only.</summary>
internal static class ReportsApi
{
    public static void MapReportsApi(this WebApplication app)
    {
        app.MapPost("/api/v1/reports", async (ReportInput input, ClaimsPrincipal user, Reporting reporting, CancellationToken ct) =>
            (await reporting.SendAsync(user.RequiredUserId(), input, ct)).ToApi(r => TypedResults.Created($"/api/v1/reports/{r.Id}", r)))
            .WithTags("Reports").RequireAuthorization(AccountsExtensions.ApiPolicy).RequireRateLimiting(ReportsExtensions.SendingLimit);

        var admin = app.MapGroup("/api/v1/admin/reports").WithTags("Reports")
            .RequireAuthorization(AccountsExtensions.ApiAdminPolicy);
        admin.MapGet("/", async (Reporting reporting, CancellationToken ct) => TypedResults.Ok(await reporting.AllAsync(ct)));
        admin.MapPost("/{reportId:guid}/handled", async (Guid reportId, HandleReportInput input, ClaimsPrincipal user, Reporting reporting, CancellationToken ct) =>
            (await reporting.MarkHandledAsync(user.RequiredUserId(), reportId, input, ct)).ToApi(_ => TypedResults.NoContent()));
    }
}

public static class ReportsExtensions
{
    /// <summary>Reporting a request or a person (page and API), per person.</summary>
    public const string SendingLimit = "report-sending";

    public static WebApplicationBuilder AddReports(this WebApplicationBuilder builder)
    {
        builder.AddRateLimit(new RateLimitRule(SendingLimit, 10, TimeSpan.FromHours(1))
            { Setting = "ReportsPerHour", DetailKey = "RateLimit.Reports.Detail" });
        builder.Services.AddScoped<Reporting>();
        builder.Services.AddPersonalData<ReportsPersonalData>();
        return builder;
    }

    public static WebApplication MapReports(this WebApplication app)
    {
        app.MapReportsApi();
        return app;
    }
}
