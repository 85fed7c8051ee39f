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

    public static double DistanceMetres(double latitude1, double longitude1, double latitude2, double longitude2) =>
        Haversine(latitude1, CosLatitude(latitude1), longitude1, latitude2, CosLatitude(latitude2), longitude2);

    /// <summary>Whether the point lies within the radius of the centre (a point exactly on the circle does).</summary>
    public static bool Within(double centreLatitude, double centreLongitude, double radiusMetres, double latitude, double longitude, out double distanceMetres) =>
        Within(centreLatitude, CosLatitude(centreLatitude), centreLongitude, radiusMetres, latitude, CosLatitude(latitude), longitude, out distanceMetres);

    /// <summary>The cosine of a latitude, as the distance functions use it: matching keeps it beside each home.</summary>
    public static double CosLatitude(double latitude) => Math.Cos(latitude * RadiansPerDegree);

    internal static bool Within(double centreLatitude, double centreCos, double centreLongitude, double radiusMetres,
        double latitude, double cos, double longitude, out double distanceMetres)
    {
        // Most points a query looks at are too far; a lower bound on their distance without trigonometry drops them
        // (with a margin, so that rounding never drops a point on the edge). The haversine below equals
        // 2R asin(sqrt(h)) with h = sin²(dLat/2) + cos1 cos2 sin²(dLon/2); as sin x >= x (1 - x²/6) for x >= 0 and
        // asin y >= y, the distance is at least 2R sqrt(h') with h' built from those lower bounds of the sines.
        var halfLat = Math.Abs(latitude - centreLatitude) * RadiansPerDegree / 2;
        var halfLon = Math.Abs(longitude - centreLongitude) * RadiansPerDegree / 2;
        var sinLatAtLeast = Math.Max(0, halfLat * (1 - halfLat * halfLat / 6));
        var sinLonAtLeast = Math.Max(0, halfLon * (1 - halfLon * halfLon / 6));
        var hAtLeast = sinLatAtLeast * sinLatAtLeast + centreCos * cos * sinLonAtLeast * sinLonAtLeast;
        var limit = radiusMetres * (1 + 1e-9) + 1e-6;
        if (4 * RadiusMetres * RadiusMetres * hAtLeast > limit * limit)
        {
            distanceMetres = double.PositiveInfinity;
            return false;
        }
        distanceMetres = Haversine(centreLatitude, centreCos, centreLongitude, latitude, cos, longitude);
        return distanceMetres <= radiusMetres;
    }

    // With the cosines worked out beforehand, so that the same pair of points always gives the same metres, whether
    // a cosine was kept or computed on the spot.
    private static double Haversine(double latitude1, double cos1, double longitude1, double latitude2, double cos2, double longitude2)
    {
        var sinLat = Math.Sin((latitude2 - latitude1) * RadiansPerDegree / 2);
        var sinLon = Math.Sin((longitude2 - longitude1) * RadiansPerDegree / 2);
        var h = sinLat * sinLat + cos1 * cos2 * sinLon * sinLon;
        return 2 * RadiusMetres * Math.Asin(Math.Min(1, Math.Sqrt(h)));
    }

    /// <summary>
    /// The latitude/longitude rectangle that holds every point within <paramref name="metres"/> of the given point.
    /// The longitude span is taken at the rectangle's poleward edge, where a degree is shortest, so that no point near
    /// the edge is lost; the exact distance decides after it.
    /// </summary>
    public static Envelope Around(double latitude, double longitude, double metres)
    {
        var latitudeSpan = metres / MetresPerDegreeLatitude;
        var poleward = Math.Min(89.9, Math.Abs(latitude) + latitudeSpan);
        var longitudeSpan = latitudeSpan / Math.Cos(poleward * RadiansPerDegree);
        return new Envelope(longitude - longitudeSpan, longitude + longitudeSpan, latitude - latitudeSpan, latitude + latitudeSpan);
    }
}
