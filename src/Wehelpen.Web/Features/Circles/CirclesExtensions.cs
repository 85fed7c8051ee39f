using Microsoft.AspNetCore.Authorization;
using Wehelpen.Web.Features.Circles.Consent;
using Wehelpen.Web.Platform.PersonalData;
using Wehelpen.Web.Platform.RateLimiting;
using Wehelpen.Web.Platform.Live;

namespace Wehelpen.Web.Features.Circles;

public static class CirclesExtensions
{
    public const string InvitationLookups = "invitation-lookups";
    public const string CircleErasure = "circle-erasure";

    public static WebApplicationBuilder AddCircles(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        CirclePolicies.Add(services.AddAuthorizationBuilder());
        services.AddScoped<IAuthorizationHandler, CircleMembershipHandler>();
        services.AddScoped<CircleManagement>();
        services.AddScoped<CircleInvitations>();
        services.AddSingleton<ILiveAudience, CircleLiveAudience>();
        services.AddScoped<CirclePresence>();
        services.AddScoped<Erasure.CircleErasing>();
        services.AddPersonalData<Erasure.CirclePersonalData>();
        // Every look-up counts, also a GET: an eight-character code is safe only when it cannot be tried at speed.
        // Accepting (page and API) counts here too.
        builder.AddRateLimit(new RateLimitRule(InvitationLookups, 30, TimeSpan.FromMinutes(15))
            { Setting = "InvitationLookupsPerQuarterHour", CountsReads = true });
        builder.AddRateLimit(new RateLimitRule(CircleErasure, 10, TimeSpan.FromHours(1)) { CountsReads = true });
        builder.AddConsents();
        return builder;
    }

    public static WebApplication MapCircles(this WebApplication app)
    {
        app.MapCirclesApi();
        app.MapConsentsApi();
        return app;
    }
}
