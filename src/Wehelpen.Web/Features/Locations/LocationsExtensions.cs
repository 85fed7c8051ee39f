namespace Wehelpen.Web.Features.Locations;

public static class LocationsExtensions
{
    public static WebApplicationBuilder AddLocations(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(_ => PostcodeTable.LoadEmbedded());
        builder.Services.AddSingleton<Pc4Areas>();
        return builder;
    }
}
