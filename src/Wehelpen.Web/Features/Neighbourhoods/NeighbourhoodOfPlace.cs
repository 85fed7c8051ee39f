using Wehelpen.Web.Features.Areas;
using Wehelpen.Web.Features.Profiles;

namespace Wehelpen.Web.Features.Neighbourhoods;

/// <summary>The gebied a person lives in, for their profile page (Profiles asks, without knowing the gebieden).</summary>
internal sealed class NeighbourhoodOfPlace : INeighbourhoodOfPlace
{
    public NeighbourhoodName? For(string pc4) =>
        AmsterdamAreas.ForPc4(pc4) is { } area ? new NeighbourhoodName(area.Name, area.Stadsdeel.Name) : null;
}

internal static class NeighbourhoodOfPlaceExtensions
{
    public static WebApplicationBuilder AddNeighbourhoodOfPlace(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<INeighbourhoodOfPlace, NeighbourhoodOfPlace>();
        return builder;
    }
}
