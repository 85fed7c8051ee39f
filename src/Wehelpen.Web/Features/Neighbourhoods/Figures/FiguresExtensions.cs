namespace Wehelpen.Web.Features.Neighbourhoods.Figures;

public static class FiguresExtensions
{
    public static WebApplicationBuilder AddFigures(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<FiguresOptions>(builder.Configuration.GetSection("Figures"));
        builder.Services.AddScoped<FigureQueries>();
        builder.Services.AddSingleton<AreaMap>();
        return builder;
    }

    public static WebApplication MapFigures(this WebApplication app)
    {
        app.MapFiguresApi();
        return app;
    }
}
