using Wehelpen.Web.Features.Neighbourhoods.Buurtteam;
using Wehelpen.Web.Features.Neighbourhoods.Figures;
using Wehelpen.Web.Features.Neighbourhoods.SocialMap;

namespace Wehelpen.Web.Features.Neighbourhoods;

/// <summary>
/// The neighbourhood view: Amsterdam's gebieden, the buurtteam (professionals per gebied, escalated requests, the
/// klanthouder), the social map of organisations, and the figures per gebied.
/// </summary>
public static class NeighbourhoodsExtensions
{
    public static WebApplicationBuilder AddNeighbourhoods(this WebApplicationBuilder builder) =>
        builder.AddBuurtteam().AddSocialMap().AddFigures().AddNeighbourhoodOfPlace();

    public static WebApplication MapNeighbourhoods(this WebApplication app) =>
        app.MapBuurtteam().MapSocialMap().MapFigures();
}
