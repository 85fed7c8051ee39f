using Wehelpen.Web.Features.Circles;

namespace Wehelpen.Web.Features.Requests;

/// <summary>A page of the circle's Hulpvragen tab; a notice set before a redirect is shown once on the next page.</summary>
public abstract class CircleRequestPageModel : CirclePageModel
{
    protected override CircleTab Tab => CircleTab.Requests;

    [Microsoft.AspNetCore.Mvc.TempData] public string? Notice { get; set; }

    public string RequestsPath => PathsOf(Membership.CircleId);

    public string RequestPath(Guid requestId) => $"{RequestsPath}/{requestId}";

    public static string PathsOf(Guid circleId) => $"/circles/{circleId}/requests";
}

/// <summary>One request in a list of the circle, linking to its page.</summary>
public sealed record CircleRequestItem(RequestSummary Summary, Guid CircleId)
{
    public string Href => $"{CircleRequestPageModel.PathsOf(CircleId)}/{Summary.Id}";
}
