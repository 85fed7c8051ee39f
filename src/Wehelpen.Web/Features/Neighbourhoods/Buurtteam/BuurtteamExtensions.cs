using Wehelpen.Web.Features.Circles;
using Wehelpen.Web.Features.Circles.Consent;
using Wehelpen.Web.Features.Requests;
using Wehelpen.Web.Platform.PersonalData;

namespace Wehelpen.Web.Features.Neighbourhoods.Buurtteam;

public static class BuurtteamExtensions
{
    public static WebApplicationBuilder AddBuurtteam(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<BuurtteamAccess>();
        builder.Services.AddScoped<IBuurtteamAreas>(s => s.GetRequiredService<BuurtteamAccess>());
        builder.Services.AddScoped<ProfessionalSettings>();
        builder.Services.AddScoped<CaseHolders>();
        builder.Services.AddScoped<IConsentWithdrawal>(s => s.GetRequiredService<CaseHolders>());
        builder.Services.AddPersonalData<BuurtteamPersonalData>();
        builder.Services.AddScoped<ContactCircle>();
        builder.Services.AddScoped<IMemberLeaving, CaseHoldingEnd>();
        return builder;
    }

    public static WebApplication MapBuurtteam(this WebApplication app)
    {
        app.MapBuurtteamApi();
        return app;
    }
}
