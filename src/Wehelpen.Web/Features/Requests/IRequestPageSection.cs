namespace Wehelpen.Web.Features.Requests;

/// <summary>
/// A section that a feature above Requests adds to the circle's page of a request (the buurtteam's referrals): a
/// partial view whose model is the request's id. The feature registers it in its own AddX(); Requests names none.
/// </summary>
public interface IRequestPageSection
{
    /// <summary>The partial's path, e.g. "/Features/Neighbourhoods/SocialMap/_RequestReferrals.cshtml".</summary>
    string Partial { get; }
}
