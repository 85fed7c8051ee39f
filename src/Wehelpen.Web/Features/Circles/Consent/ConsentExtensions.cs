using Wehelpen.Web.Platform.PersonalData;
using Wehelpen.Web.Platform.RateLimiting;

namespace Wehelpen.Web.Features.Circles.Consent;

/// <summary>
/// Consents of a circle's hoofdpersoon (to a klanthouder, and what else needs consent): recorded with the feature that
/// asks for them, listed and withdrawn here.
/// </summary>
public static class ConsentExtensions
{
    /// <summary>Giving and withdrawing consent (and what rides on it, such as asking a klanthouder), per person.</summary>
    public const string Changes = "consent-changes";

    public static WebApplicationBuilder AddConsents(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddScoped<ConsentQueries>();
        services.AddScoped<ConsentWithdrawals>();
        services.AddPersonalData<ConsentPersonalData>();
        builder.AddRateLimit(new RateLimitRule(Changes, 30, TimeSpan.FromMinutes(15)) { Setting = "ConsentChangesPerQuarterHour" });
        return builder;
    }

    /// <summary>/api/v1/circles/{circleId}/consents: the list for the members, withdrawing for the managers.</summary>
    public static WebApplication MapConsentsApi(this WebApplication app)
    {
        var consents = app.MapCircleApiGroup("Circles").MapGroup("/consents");
        consents.MapGet("/", async (CircleMembership me, ConsentQueries queries, CancellationToken ct) =>
            TypedResults.Ok(await queries.ForCircleAsync(me.CircleId, null, ct)));
        consents.MapPost("/{consentId:guid}/withdraw", async (Guid consentId, CircleMembership me, ConsentWithdrawals withdrawals, CancellationToken ct) =>
            (await withdrawals.WithdrawAsync(me, consentId, ct)).ToApi(_ => TypedResults.NoContent()))
            .RequireAuthorization(CirclePolicies.Manager).RequireRateLimiting(Changes);
        return app;
    }
}
