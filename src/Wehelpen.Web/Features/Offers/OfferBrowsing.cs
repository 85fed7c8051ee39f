using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Wehelpen.Web.Data;
using Wehelpen.Web.Features.Circles;
using Wehelpen.Web.Features.Locations;
using Wehelpen.Web.Features.Profiles;
using Wehelpen.Web.Features.Requests;
using Wehelpen.Web.Hosting;

namespace Wehelpen.Web.Features.Offers;

/// <summary>
/// Residents and carers finding offers near them: from their own postcode, or from the place of a circle (the
/// resident's postcode, as a new request would start with). Separate from <see cref="VolunteerOffers"/>, which
/// request posting itself uses.
/// </summary>
public sealed class OfferBrowsing(
    WehelpenDbContext db, VolunteerOffers offers, RequestPosting posting, PostcodeTable postcodes, IStringLocalizer<SharedResource> text)
{
    public static readonly IReadOnlyList<int> RadiusChoices = [2, 5, 10];
    public const int DefaultRadiusKm = 5;

    /// <summary>
    /// Offers near my own postcode, or near the place of the circle <paramref name="circleId"/> (members only:
    /// anyone else is refused alike, whether it exists or not); then without the volunteers that circle blocked.
    /// Never my own offers.
    /// </summary>
    public async Task<Outcome<OffersNearbyResponse>> BrowseAsync(
        string userId, int? radiusKm, string? category, Guid? circleId, CancellationToken ct)
    {
        var circle = circleId is { } id ? await MembershipAsync(userId, id, ct) : null;
        if (circleId is not null && circle is null) return Refusal.Forbidden(text["Offer.CircleNotYours"]);

        var errors = new FieldErrors();
        var radius = radiusKm ?? DefaultRadiusKm;
        if (!RadiusChoices.Contains(radius)) errors.Add("radiusKm", text["Offer.RadiusChoice", string.Join(", ", RadiusChoices)]);
        HelpCategories? only = null;
        if (!string.IsNullOrWhiteSpace(category))
        {
            if (Enum.TryParse<HelpCategories>(category, ignoreCase: true, out var parsed) && HelpCategory.Each.Contains(parsed)) only = parsed;
            else errors.Add("category", text["Validation.CategoryUnknown", category]);
        }
        if (errors.Any) return errors;

        var from = circle is null ? await OwnAreaAsync(userId, ct) : await CircleAreaAsync(circle, ct);
        if (from is null) return new OffersNearbyResponse([], radius, null, null, "NoPlace");
        var items = await offers.NearbyAsync(from.Centre, radius, only, userId, circle?.CircleId, ct);
        return new OffersNearbyResponse(items, radius, from.Pc4, from.Place, null);
    }

    private async Task<CircleMembership?> MembershipAsync(string userId, Guid circleId, CancellationToken ct) =>
        await db.Set<CircleMember>().Where(m => m.CircleId == circleId && m.UserId == userId)
            .Select(m => new CircleMembership(m.CircleId, m.Circle!.Name, m.Circle.ResidentName, m.UserId, m.Role))
            .SingleOrDefaultAsync(ct);

    private async Task<PostcodeArea?> OwnAreaAsync(string userId, CancellationToken ct)
    {
        var pc4 = await db.Users.Where(u => u.Id == userId).Select(u => u.Pc4).SingleOrDefaultAsync(ct);
        return pc4 is null ? null : postcodes.Find(pc4);
    }

    private async Task<PostcodeArea?> CircleAreaAsync(CircleMembership circle, CancellationToken ct)
    {
        var place = postcodes.Lookup((await posting.DefaultsAsync(circle, ct)).Postcode);
        return place.IsUsable ? place.Area : null;
    }
}
