namespace Wehelpen.Web.Features.Neighbourhoods.Figures;

public static class FiguresExtensions
{
    public static WebApplicationBuilder AddFigures(this WebApplicationBuilder builder) => builder;

    public static WebApplication MapFigures(this WebApplication app) => app;
}
