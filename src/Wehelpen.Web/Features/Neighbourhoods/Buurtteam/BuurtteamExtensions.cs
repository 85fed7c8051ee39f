namespace Wehelpen.Web.Features.Neighbourhoods.Buurtteam;

public static class BuurtteamExtensions
{
    public static WebApplicationBuilder AddBuurtteam(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<BuurtteamAccess>();
        return builder;
    }

    public static WebApplication MapBuurtteam(this WebApplication app)
    {
        return app;
    }
}
