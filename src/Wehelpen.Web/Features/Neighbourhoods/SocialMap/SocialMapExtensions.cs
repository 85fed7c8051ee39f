namespace Wehelpen.Web.Features.Neighbourhoods.SocialMap;

public static class SocialMapExtensions
{
    public static WebApplicationBuilder AddSocialMap(this WebApplicationBuilder builder) => builder;

    public static WebApplication MapSocialMap(this WebApplication app) => app;
}
