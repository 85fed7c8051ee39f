using Wehelpen.Matching;
using Wehelpen.Web.Features.Accounts;
using Wehelpen.Web.Features.Profiles;

namespace Wehelpen.Web.Features.Matching;

/// <summary>
/// Where a volunteer helps, as matching sees it. The one place a volunteer's area is made from what they stored,
/// so that a new way of choosing an area (chosen neighbourhoods) changes every match at once.
/// </summary>
public static class VolunteerAreas
{
    /// <summary>The radius around their postcode area's centre; null when they gave no place.</summary>
    public static ServiceArea? For(ApplicationUser user, VolunteerProfile profile) =>
        user.Latitude is { } latitude && user.Longitude is { } longitude
            ? ServiceArea.Radius(latitude, longitude, profile.ServiceRadiusKm * 1000.0)
            : null;

    /// <summary>The volunteer matching works with; null when they cannot be matched (no place, no categories).</summary>
    public static Volunteer? VolunteerFor(ApplicationUser user, VolunteerProfile profile) =>
        profile.Categories != HelpCategories.None && For(user, profile) is { } area
            ? new Volunteer(user.Id, area, (int)profile.Categories, profile.Availability.Mask)
            : null;
}
