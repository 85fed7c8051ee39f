using Wehelpen.Web.Features.Requests;
using Wehelpen.Web.Platform.PersonalData;

namespace Wehelpen.Web.Features.Neighbourhoods.SocialMap;

/// <summary>The social map (sociale kaart): organisations per stadsdeel, edited by admins, and referrals of requests to them.</summary>
public static class SocialMapExtensions
{
    public static WebApplicationBuilder AddSocialMap(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<SocialMapQueries>();
        builder.Services.AddScoped<OrganisationEditing>();
        builder.Services.AddScoped<Referrals>();
        builder.Services.AddSingleton<IRequestPageSection, ReferralsSection>();
        builder.Services.AddPersonalData<SocialMapPersonalData>();
        return builder;
    }

    public static WebApplication MapSocialMap(this WebApplication app)
    {
        app.MapSocialMapApi();
        return app;
    }
}
