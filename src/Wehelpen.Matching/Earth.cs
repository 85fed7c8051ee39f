using NetTopologySuite.Geometries;

namespace Wehelpen.Matching;

/// <summary>
/// Distances on the earth in metres (haversine on the mean radius), and the degree rectangles the spatial indexes
/// are keyed on. Coordinates follow NetTopologySuite: X is longitude, Y is latitude (WGS84).
/// </summary>
public static class Earth
{
    public const double RadiusMetres = 6_371_008.8;
    private const double MetresPerDegreeLatitude = RadiusMetres * Math.PI / 180;
    private const double RadiansPerDegree = Math.PI / 180;

    public static double DistanceMetres(double latitude1, double longitude1, double latitude2, double longitude2)
    {
        var lat1 = latitude1 * RadiansPerDegree;
        var lat2 = latitude2 * RadiansPerDegree;
        var sinLat = Math.Sin((lat2 - lat1) / 2);
        var sinLon = Math.Sin((longitude2 - longitude1) * RadiansPerDegree / 2);
        var h = sinLat * sinLat + Math.Cos(lat1) * Math.Cos(lat2) * sinLon * sinLon;
        return 2 * RadiusMetres * Math.Asin(Math.Min(1, Math.Sqrt(h)));
    }

    /// <summary>Whether the point lies within the radius of the centre (a point exactly on the circle does).</summary>
    public static bool Within(double centreLatitude, double centreLongitude, double radiusMetres, double latitude, double longitude, out double distanceMetres)
    {
        // The difference in latitude alone is never more than the distance: most far points are dropped before any
        // trigonometry, with a margin so that rounding never drops a point on the edge.
        if (Math.Abs(latitude - centreLatitude) * MetresPerDegreeLatitude > radiusMetres * (1 + 1e-9) + 1e-6)
        {
            distanceMetres = double.PositiveInfinity;
            return false;
        }
        distanceMetres = DistanceMetres(centreLatitude, centreLongitude, latitude, longitude);
        return distanceMetres <= radiusMetres;
    }

    /// <summary>
    /// The latitude/longitude rectangle that holds every point within <paramref name="metres"/> of the given point.
    /// The longitude span is taken at the rectangle's poleward edge, where a degree is shortest, so that no point near
    /// the edge is lost; the exact distance decides after it.
    /// </summary>
    public static Envelope Around(double latitude, double longitude, double metres)
    {
        // With the margin Within allows, so that rounding never leaves a point Within counts as covered outside the box.
        var latitudeSpan = (metres * (1 + 1e-9) + 1e-6) / MetresPerDegreeLatitude;
        var poleward = Math.Min(89.9, Math.Abs(latitude) + latitudeSpan);
        var longitudeSpan = latitudeSpan / Math.Cos(poleward * RadiansPerDegree);
        return new Envelope(longitude - longitudeSpan, longitude + longitudeSpan, latitude - latitudeSpan, latitude + latitudeSpan);
    }
}
