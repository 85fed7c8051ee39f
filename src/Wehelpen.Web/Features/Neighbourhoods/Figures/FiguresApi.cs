using System.Security.Claims;
using Microsoft.Extensions.Localization;
using Wehelpen.Web.Features.Accounts;
using Wehelpen.Web.Hosting;

namespace Wehelpen.Web.Features.Neighbourhoods.Figures;

/// <summary>GET /api/v1/figures?weeks=12[&amp;area=code] and the CSV download /figures/export.csv, with the page's access rules.</summary>
internal static class FiguresApi
{
    public static void MapFiguresApi(this WebApplication app)
    {
        app.MapGet("/api/v1/figures", async (string? weeks, string? area, ClaimsPrincipal user, FigureQueries figures, CancellationToken ct) =>
                (string.IsNullOrEmpty(area) ? await figures.ReportAsync(user, weeks, ct) : await figures.AreaReportAsync(user, area, weeks, ct))
                .ToApi(TypedResults.Ok))
            .WithTags("Figures").RequireAuthorization(AccountsExtensions.ApiPolicy);

        app.MapGet("/figures/export.csv", async (string? weeks, ClaimsPrincipal user, FigureQueries figures, TimeProvider clock,
                IStringLocalizer<SharedResource> text, CancellationToken ct) =>
            (await figures.ReportAsync(user, weeks, ct)).ToApi(report =>
                TypedResults.File(FiguresCsv.Write(report, text), "text/csv; charset=utf-8",
                    $"wehelpen-cijfers-{clock.AmsterdamToday():yyyy-MM-dd}.csv")))
            .ExcludeFromDescription().RequireAuthorization();
    }
}
