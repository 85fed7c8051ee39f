using Wehelpen.Web.Features.Circles;
using Wehelpen.Web.Features.Profiles;
using Wehelpen.Web.Hosting;

namespace Wehelpen.Web.Features.Requests;

/// <summary>The volunteer a request "through an offer" goes to, in the offer's category unless chosen otherwise.</summary>
public sealed record OfferAddressee(string VolunteerId, HelpCategories Category);

/// <summary>
/// Asking through a volunteer's offer (<see cref="RequestPosting"/>): Offers, which keeps the offers, implements
/// this, so that Requests does not depend on Offers.
/// </summary>
public interface IOfferAddressees
{
    /// <summary>The offer's volunteer when the offer may be asked through; else null, with a message on "offerId".</summary>
    Task<OfferAddressee?> AddresseeAsync(CircleMembership me, Guid offerId, FieldErrors errors, CancellationToken ct);
}
