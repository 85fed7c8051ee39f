using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Wehelpen.Web.Data;
using Wehelpen.Web.Features.Accounts;
using Wehelpen.Web.Features.Circles;
using Wehelpen.Web.Features.Locations;
using Wehelpen.Web.Features.Profiles;
using Wehelpen.Web.Features.Requests;
using Wehelpen.Web.Hosting;

namespace Wehelpen.Web.Features.Offers;

/// <summary>Volunteers publishing and withdrawing what they offer; the offers near a point; asking through an offer.</summary>
public sealed class VolunteerOffers(
    WehelpenDbContext db, PostcodeTable postcodes, TimeProvider clock, IStringLocalizer<SharedResource> text) : IOfferAddressees
{

    public async Task<PublisherProblem> PublisherProblemAsync(string userId, CancellationToken ct)
    {
        var isVolunteer = await db.UserRoles.AnyAsync(ur => ur.UserId == userId
            && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.Volunteer), ct);
        if (!isVolunteer) return PublisherProblem.NotVolunteer;
        var hasPlace = await db.Users.AnyAsync(u => u.Id == userId && u.Latitude != null, ct);
        return hasPlace ? PublisherProblem.None : PublisherProblem.NoPlace;
    }

    public async Task<Outcome<OfferResponse>> PublishAsync(string userId, OfferInput input, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (input.Category is not { } category || !HelpCategory.Each.Contains(category))
            errors.Add("category", text["Offer.CategoryRequired"]);
        var offerText = errors.Required(text, "text", input.Text, HelpOffer.TextMaxLength);
        if (errors.Any) return errors;
        switch (await PublisherProblemAsync(userId, ct))
        {
            case PublisherProblem.NotVolunteer: return Refusal.Forbidden(text["Offer.NotVolunteer"]);
            case PublisherProblem.NoPlace: return Refusal.Conflict(text["Offer.NoPlace"]);
        }

        var volunteer = await db.Users.SingleAsync(u => u.Id == userId, ct);
        var offer = new HelpOffer
        {
            VolunteerId = userId,
            Category = input.Category!.Value,
            Text = offerText,
            Availability = WeeklyAvailability.From((input.Availability ?? []).Select(s => (s.Day, s.Part))),
            Pc4 = volunteer.Pc4!,
            Latitude = volunteer.Latitude!.Value,
            Longitude = volunteer.Longitude!.Value,
            PublishedAt = clock.GetUtcNow(),
            Volunteer = volunteer,
        };
        db.Add(offer);
        await db.SaveChangesAsync(ct);
        return Describe(offer, null);
    }

    /// <summary>Only one's own offer; anyone else's gets the answer of one that does not exist. Twice is once.</summary>
    public async Task<Outcome<Done>> WithdrawAsync(string userId, Guid offerId, CancellationToken ct)
    {
        var offer = await db.Set<HelpOffer>().SingleOrDefaultAsync(o => o.Id == offerId && o.VolunteerId == userId, ct);
        if (offer is null) return Refusal.NotFound(text["Offer.NotFound"]);
        offer.WithdrawnAt ??= clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return Done.Instance;
    }

    /// <summary>My offers that are still shown, newest first.</summary>
    public async Task<IReadOnlyList<OfferResponse>> MineAsync(string userId, CancellationToken ct)
    {
        var since = clock.GetUtcNow().AddDays(-HelpOffer.ShownForDays);
        var offers = await db.Set<HelpOffer>().AsNoTracking().Include(o => o.Volunteer)
            .Where(o => o.VolunteerId == userId && o.WithdrawnAt == null && o.PublishedAt > since)
            .OrderByDescending(o => o.PublishedAt).ToListAsync(ct);
        return offers.Select(o => Describe(o, null)).ToList();
    }

    /// <summary>Shown offers within the radius of a point, nearest first.</summary>
    public async Task<IReadOnlyList<OfferResponse>> NearbyAsync(
        GeoPoint from, int radiusKm, HelpCategories? category, string? exceptVolunteerId, Guid? blockedByCircleId, CancellationToken ct)
    {
        var metres = radiusKm * 1000.0;
        var box = from.BoxAround(metres);
        var since = clock.GetUtcNow().AddDays(-HelpOffer.ShownForDays);
        var query = db.Set<HelpOffer>().AsNoTracking().Include(o => o.Volunteer)
            .Where(o => o.WithdrawnAt == null && o.PublishedAt > since && o.VolunteerId != exceptVolunteerId)
            .Where(o => o.Latitude >= box.South && o.Latitude <= box.North && o.Longitude >= box.West && o.Longitude <= box.East);
        if (category is { } only) query = query.Where(o => o.Category == only);
        if (blockedByCircleId is { } circleId)
            query = query.Where(o => !db.Set<VolunteerBlock>().Any(b => b.CircleId == circleId && b.VolunteerId == o.VolunteerId));
        var candidates = await query.ToListAsync(ct);
        return candidates
            .Select(o => (Offer: o, Metres: from.DistanceMetresTo(new GeoPoint(o.Latitude, o.Longitude))))
            .Where(c => c.Metres <= metres)
            .OrderBy(c => c.Metres).ThenByDescending(c => c.Offer.PublishedAt)
            .Select(c => Describe(c.Offer, c.Metres)).ToList();
    }

    /// <summary>
    /// For a request "through this offer" (RequestPosting): the offer must still be shown, not the poster's own,
    /// and its volunteer not blocked by the circle. Null (with a message on "offerId") otherwise.
    /// </summary>
    public async Task<OfferAddressee?> AddresseeAsync(CircleMembership me, Guid offerId, FieldErrors errors, CancellationToken ct)
    {
        var since = clock.GetUtcNow().AddDays(-HelpOffer.ShownForDays);
        var offer = await db.Set<HelpOffer>().AsNoTracking()
            .Where(o => o.Id == offerId && o.WithdrawnAt == null && o.PublishedAt > since)
            .Where(o => !db.Set<VolunteerBlock>().Any(b => b.CircleId == me.CircleId && b.VolunteerId == o.VolunteerId))
            .Select(o => new OfferAddressee(o.VolunteerId, o.Category))
            .SingleOrDefaultAsync(ct);
        if (offer is null) errors.Add("offerId", text["Offer.NotAvailable"]);
        else if (offer.VolunteerId == me.UserId) errors.Add("offerId", text["Offer.OwnOffer"]);
        return offer is null || offer.VolunteerId == me.UserId ? null : offer;
    }

    private OfferResponse Describe(HelpOffer o, double? metres) => new(
        o.Id, o.VolunteerId, RequestDescriptions.FirstName(o.Volunteer?.DisplayName ?? ""), o.Category, o.Text,
        o.Availability.Slots().Select(s => new AvailabilitySlot(s.Day, s.Part)).ToList(),
        o.Pc4, postcodes.Find(o.Pc4)?.Place ?? "", o.PublishedAt,
        metres is { } m ? Distances.Rounded(m) : null);
}
