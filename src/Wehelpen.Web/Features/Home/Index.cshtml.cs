using Microsoft.AspNetCore.Mvc.RazorPages;
using Wehelpen.Web.Features.Accounts;
using Wehelpen.Web.Features.Chat;
using Wehelpen.Web.Features.Circles;
using Wehelpen.Web.Features.Locations;
using Wehelpen.Web.Features.Profiles;
using Wehelpen.Web.Features.Requests;

namespace Wehelpen.Web.Features.Home;

public sealed class IndexModel(ProfileEditor profiles, PostcodeTable postcodes, CircleManagement circles, RequestQueries requests, Conversations conversations) : PageModel
{
    public ProfileResponse? Profile { get; private set; }
    public IReadOnlyList<CircleResponse> Circles { get; private set; } = [];
    public PlaceMap? Map { get; private set; }

    /// <summary>Unread chat messages per circle.</summary>
    public IReadOnlyDictionary<Guid, int> Unread { get; private set; } = new Dictionary<Guid, int>();

    /// <summary>For a volunteer: the nearest few requests that fit them; null for everyone else.</summary>
    public IReadOnlyList<RequestSummary>? Nearby { get; private set; }

    public const int NearbyShown = 3;

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (User.Identity?.IsAuthenticated != true) return;
        Profile = await profiles.GetAsync(User.RequiredUserId(), ct);
        Circles = await circles.MineAsync(User.RequiredUserId(), ct);
        Unread = (await conversations.UnreadAsync(User.RequiredUserId(), ct)).ToDictionary(u => u.CircleId, u => u.Count);
        if (Profile?.Place is { } place)
            Map = PlaceMap.Around(postcodes, new GeoPoint(place.Latitude, place.Longitude), place.Pc4,
                Profile.Roles.Contains(Roles.Volunteer) ? Profile.Volunteer?.ServiceRadiusKm : null);
        // Without a place or volunteer settings the list cannot be made; /help says what to fill in.
        if (Profile?.Roles.Contains(Roles.Volunteer) == true
            && await requests.NearbyAsync(User.RequiredUserId(), NearbySort.Distance, ct) is { Reason: null } nearby)
            Nearby = nearby.Items.Take(NearbyShown).ToList();
    }
}
