using Microsoft.AspNetCore.Authorization;
using Wehelpen.Web.Features.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wehelpen.Web.Features.Profiles;

namespace Wehelpen.Web.Features.Requests.Help;

/// <summary>/help: open neighbourhood requests that fit a volunteer (place, radius, categories, times).</summary>
[Authorize]
public sealed class NearbyModel(RequestQueries queries, ProfileEditor profiles) : PageModel
{
    public NearbyResponse Nearby { get; private set; } = default!;

    /// <summary>What the list is matched on, to explain an empty list; null when there is nothing to explain.</summary>
    public ProfileResponse? Profile { get; private set; }

    [TempData] public string? Notice { get; set; }

    public async Task OnGetAsync([FromQuery] NearbySort sort, CancellationToken ct)
    {
        var userId = User.RequiredUserId();
        Nearby = await queries.NearbyAsync(userId, Enum.IsDefined(sort) ? sort : NearbySort.Distance, ct);
        if (Nearby.Items.Count == 0 && Nearby.Reason is null) Profile = await profiles.GetAsync(userId, ct);
    }
}
