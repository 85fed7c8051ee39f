using System.Security.Claims;
using Wehelpen.Web.Features.Accounts;
using Wehelpen.Web.Features.Requests;
using Wehelpen.Web.Hosting;
using Wehelpen.Web.Platform.PersonalData;

namespace Wehelpen.Web.Features.Offers;

/// <summary>/api/v1/offers: offers near me (or near a circle of mine), my own offers, publishing and withdrawing.</summary>
internal static class OffersApi
{
    public static void MapOffersApi(this WebApplication app)
    {
        var offers = app.MapGroup("/api/v1/offers").WithTags("Offers").RequireAuthorization(AccountsExtensions.ApiPolicy);
        offers.MapGet("/", async (ClaimsPrincipal user, OfferBrowsing browsing, CancellationToken ct, int? radiusKm, string? category, Guid? circleId) =>
            (await browsing.BrowseAsync(user.RequiredUserId(), radiusKm, category, circleId, ct)).ToApi(TypedResults.Ok));
        offers.MapGet("/mine", async (ClaimsPrincipal user, VolunteerOffers volunteerOffers, CancellationToken ct) =>
            TypedResults.Ok(await volunteerOffers.MineAsync(user.RequiredUserId(), ct)));
        offers.MapPost("/", async (OfferInput input, ClaimsPrincipal user, VolunteerOffers volunteerOffers, CancellationToken ct) =>
            (await volunteerOffers.PublishAsync(user.RequiredUserId(), input, ct)).ToApi(o => TypedResults.Created($"/api/v1/offers/{o.Id}", o)));
        offers.MapDelete("/{offerId:guid}", async (Guid offerId, ClaimsPrincipal user, VolunteerOffers volunteerOffers, CancellationToken ct) =>
            (await volunteerOffers.WithdrawAsync(user.RequiredUserId(), offerId, ct)).ToApi(_ => TypedResults.NoContent()));
    }
}

public static class OffersExtensions
{
    public static WebApplicationBuilder AddOffers(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<VolunteerOffers>();
        builder.Services.AddScoped<IOfferAddressees>(s => s.GetRequiredService<VolunteerOffers>());
        builder.Services.AddScoped<OfferBrowsing>();
        builder.Services.AddPersonalData<OffersPersonalData>();
        return builder;
    }

    public static WebApplication MapOffers(this WebApplication app)
    {
        app.MapOffersApi();
        return app;
    }
}
