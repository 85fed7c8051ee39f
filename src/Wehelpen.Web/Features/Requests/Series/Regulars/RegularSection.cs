namespace Wehelpen.Web.Features.Requests.Series.Regulars;

/// <summary>On the circle's page of an occurrence: the series' regular volunteer, or an offer waiting for an answer.</summary>
internal sealed class RegularSection : IRequestPageSection
{
    public string Partial => "/Features/Requests/Series/Regulars/_RegularOnCircleRequest.cshtml";
}
