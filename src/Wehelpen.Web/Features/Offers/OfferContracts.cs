using Wehelpen.Web.Features.Profiles;

namespace Wehelpen.Web.Features.Offers;

/// <param name="Availability">Empty or left out: by arrangement.</param>
public sealed record OfferInput(HelpCategories? Category, string? Text, IReadOnlyList<AvailabilitySlot>? Availability);

/// <summary>One offer as anyone signed in sees it: the volunteer's first name and area, never their postcode.</summary>
/// <param name="DistanceMetres">From the place browsed from, to 100 m; null in one's own list.</param>
public sealed record OfferResponse(
    Guid Id, string VolunteerId, string VolunteerFirstName, HelpCategories Category, string Text,
    IReadOnlyList<AvailabilitySlot> Availability, string Pc4, string Place, DateTimeOffset PublishedAt, int? DistanceMetres);

/// <param name="From">The PC4 area the distances are measured from; null when there is none.</param>
/// <param name="Reason">Why the list is empty for a reason the person can fix: NoPlace (no postcode in the profile, or none known for the circle).</param>
public sealed record OffersNearbyResponse(IReadOnlyList<OfferResponse> Items, int RadiusKm, string? From, string? FromPlace, string? Reason);

/// <summary>Whether the signed-in person may publish offers now, and if not, why.</summary>
public enum PublisherProblem { None, NotVolunteer, NoPlace }
