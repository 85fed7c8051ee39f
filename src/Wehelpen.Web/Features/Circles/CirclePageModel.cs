using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Wehelpen.Web.Features.Circles;

/// <summary>
/// A page inside one circle (route "/circles/{circleId:guid}/..."): only its members get in; everyone else gets
/// the same refusal whether the circle exists or not. The circle layout shows whose circle this is.
/// </summary>
[Authorize(Policy = CirclePolicies.Member)]
public abstract class CirclePageModel : PageModel
{
    public CircleMembership Membership =>
        HttpContext.CircleMembership() ?? throw new InvalidOperationException("The circle policy did not run.");

    /// <summary>The tab of the circle's navigation this page belongs to.</summary>
    protected abstract CircleTab Tab { get; }

    public override void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        ViewData[nameof(CircleTab)] = Tab;
        ViewData[nameof(CircleMembership)] = Membership;
        base.OnPageHandlerExecuting(context);
    }
}

public enum CircleTab
{
    Overview,
    Agenda,
    Requests,
    Logbook,
    Notes,
    Chat,
    Members,
    Workload,
}
