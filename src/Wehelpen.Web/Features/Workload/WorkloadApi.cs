using Wehelpen.Web.Features.Circles;

namespace Wehelpen.Web.Features.Workload;

public static class WorkloadExtensions
{
    public static WebApplicationBuilder AddWorkload(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<CircleWorkload>();
        return builder;
    }

    /// <summary>GET /api/v1/circles/{circleId}/workload?weeks=4</summary>
    public static WebApplication MapWorkload(this WebApplication app)
    {
        app.MapCircleApiGroup("Workload").MapGet("/workload", async (CircleMembership me, CircleWorkload workload, CancellationToken ct, int? weeks) =>
            (await workload.ForAsync(me, weeks, ct)).ToApi(TypedResults.Ok));
        return app;
    }
}
