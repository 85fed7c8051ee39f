using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wehelpen.Web.Features.Accounts;
using Wehelpen.Web.Features.Circles;
using Wehelpen.Web.Features.Profiles;

namespace Wehelpen.Web.Features.Offers;

/// <summary>Offers near me, or near one of my circles: who offers what, how far away, and a way to ask them.</summary>
[Authorize]
public sealed class IndexModel(OfferBrowsing browsing, CircleManagement circles) : PageModel
{
    public OffersNearbyResponse Offers { get; private set; } = new([], OfferBrowsing.DefaultRadiusKm, null, null, null);
    public IReadOnlyList<CircleResponse> MyCircles { get; private set; } = [];
    public int Radius { get; private set; }
    public HelpCategories? Category { get; private set; }
    public Guid? Circle { get; private set; }

    /// <summary>Unknown choices in the address fall back to the defaults rather than to an error page.</summary>
    public async Task<IActionResult> OnGetAsync(int? radius, string? category, Guid? circle, CancellationToken ct)
    {
        Radius = radius is { } r && OfferBrowsing.RadiusChoices.Contains(r) ? r : OfferBrowsing.DefaultRadiusKm;
        Category = Enum.TryParse<HelpCategories>(category, ignoreCase: true, out var c) && HelpCategory.Each.Contains(c) ? c : null;
        Circle = circle;
        var outcome = await browsing.BrowseAsync(User.RequiredUserId(), Radius, Category?.ToString(), circle, ct);
        if (outcome.Value is null) return Forbid();
        Offers = outcome.Value;
        MyCircles = await circles.MineAsync(User.RequiredUserId(), ct);
        return Page();
    }

    /// <summary>Asking is done for a circle: the one browsed for, else each of mine.</summary>
    public IEnumerable<CircleResponse> AskFor => Circle is { } id ? MyCircles.Where(c => c.Id == id) : MyCircles;
}
