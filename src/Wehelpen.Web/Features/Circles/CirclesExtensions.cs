using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authorization;
using Wehelpen.Web.Features.Circles.Consent;
using Wehelpen.Web.Platform.PersonalData;

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
        services.AddScoped<Erasure.CircleErasing>();
        services.AddPersonalData<Erasure.CirclePersonalData>();
        var perQuarterHour = builder.Configuration.GetValue("RateLimits:InvitationLookupsPerQuarterHour", 30);
        // Every look-up counts, also a GET: an eight-character code is safe only when it cannot be tried at speed.
        services.AddRateLimiter(o => o.AddPolicy(InvitationLookups, ctx =>
            RateLimitPartition.GetFixedWindowLimiter(
                $"{InvitationLookups}:{ctx.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? ctx.Connection.RemoteIpAddress?.ToString()}",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = perQuarterHour, Window = TimeSpan.FromMinutes(15), QueueLimit = 0 })));
        services.AddRateLimiter(o => o.AddPolicy(CircleErasure, ctx =>
            RateLimitPartition.GetFixedWindowLimiter(
                $"{CircleErasure}:{ctx.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? ctx.Connection.RemoteIpAddress?.ToString()}",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = 10, Window = TimeSpan.FromHours(1), QueueLimit = 0 })));
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
