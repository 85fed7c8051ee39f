using Wehelpen.Web.Features.Requests;

namespace Wehelpen.Web.Features.Neighbourhoods.SocialMap;

/// <summary>On the circle's page of a request: to which organisations the buurtteam referred it.</summary>
internal sealed class ReferralsSection : IRequestPageSection
{
    public string Partial => "/Features/Neighbourhoods/SocialMap/_RequestReferrals.cshtml";
}
