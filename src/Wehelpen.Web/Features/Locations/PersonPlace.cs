using Wehelpen.Web.Data;

namespace Wehelpen.Web.Features.Locations;

/// <summary>
/// Where a person lives, as this feature understands the place columns of <see cref="ApplicationUser"/>: the account
/// stores them plainly (Data knows no postcodes); setting and reading them as a place happens here.
/// </summary>
public static class PersonPlace
{
    extension(ApplicationUser user)
    {
        public GeoPoint? Location => user.Latitude is { } lat && user.Longitude is { } lon ? new GeoPoint(lat, lon) : null;

        /// <summary>Takes the place of a postcode that was looked up and found usable.</summary>
        public void MoveTo(PostcodeLookup place)
        {
            if (!place.IsUsable) throw new ArgumentException("Only a usable postcode can be a person's place.", nameof(place));
            user.Postcode = place.Postcode!.ToString();
            user.Pc4 = place.Area!.Pc4;
            user.Latitude = place.Area.Centre.Latitude;
            user.Longitude = place.Area.Centre.Longitude;
        }

        public void ClearPlace() => (user.Postcode, user.Pc4, user.Latitude, user.Longitude) = (null, null, null, null);
    }
}
