using Wehelpen.Matching;
using Wehelpen.Web.Features.Locations;
using Wehelpen.Web.Features.Profiles;

namespace Wehelpen.Web.Features.Matching;

/// <summary>
/// Where a volunteer helps, as matching sees it. The one place a volunteer's area is made from what they stored,
/// so that a new way of choosing an area (chosen neighbourhoods) changes every match at once.
/// </summary>
public static class VolunteerAreas
{
    /// <summary>
    /// The postcode areas they chose, or else the radius around <paramref name="home"/>, their postcode area's centre
    /// (distances are measured from home either way).
    /// </summary>
    public static ServiceArea For(GeoPoint home, VolunteerProfile profile, Pc4Areas pc4Areas)
    {
        // Areas were checked when chosen; one that left the table since is skipped rather than failing the load.
        var chosen = profile.ChosenAreas.Where(a => pc4Areas.Cell(a) is not null).ToList();
        return chosen.Count > 0
            ? ServiceArea.Chosen(home.Latitude, home.Longitude, pc4Areas.Union(chosen))
            : ServiceArea.Radius(home.Latitude, home.Longitude, profile.ServiceRadiusKm * 1000.0);
    }

    /// <summary>The volunteer matching works with; null when they cannot be matched (no categories).</summary>
    public static Volunteer? VolunteerFor(string userId, GeoPoint home, VolunteerProfile profile, Pc4Areas pc4Areas) =>
        profile.Categories != HelpCategories.None
            ? new Volunteer(userId, For(home, profile, pc4Areas), (int)profile.Categories, profile.Availability.Mask)
            : null;
}
