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

    internal static bool Within(double centreLatitude, double centreCos, double centreLongitude, double radiusMetres,
        double latitude, double cos, double longitude, out double distanceMetres)
    {
        var bounds = Bounds(centreLatitude, centreCos, centreLongitude, latitude, cos, longitude);
        if (bounds.SurelyBeyond(radiusMetres))
        {
            distanceMetres = double.PositiveInfinity;
            return false;
        }
        distanceMetres = Haversine(centreLatitude, centreCos, centreLongitude, latitude, cos, longitude);
        return distanceMetres <= radiusMetres;
    }

    /// <summary>
    /// Bounds on the distance between two points without trigonometry, for the many points a query only needs to
    /// rule in or out. The haversine distance is 2R asin(sqrt(h)) with h = sin²(dLat/2) + cos1 cos2 sin²(dLon/2).
    /// As x (1 - x²/6) &lt;= sin x &lt;= x for x &gt;= 0 and y &lt;= asin y &lt;= y / sqrt(1 - y²), the distance lies between
    /// 2R sqrt(h-) and 2R sqrt(h+ / (1 - h+)), where h- and h+ use those bounds of the sines.
    /// </summary>
    internal static DistanceBounds Bounds(double latitude1, double cos1, double longitude1, double latitude2, double cos2, double longitude2)
    {
        var halfLat = Math.Abs(latitude2 - latitude1) * RadiansPerDegree / 2;
        var halfLon = Math.Abs(longitude2 - longitude1) * RadiansPerDegree / 2;
        var cosines = cos1 * cos2;
        var sinLatAtLeast = Math.Max(0, halfLat * (1 - halfLat * halfLat / 6));
        var sinLonAtLeast = Math.Max(0, halfLon * (1 - halfLon * halfLon / 6));
        var hAtLeast = sinLatAtLeast * sinLatAtLeast + cosines * sinLonAtLeast * sinLonAtLeast;
        var hAtMost = halfLat * halfLat + cosines * halfLon * halfLon;
        var fourRSquared = 4 * RadiusMetres * RadiusMetres;
        return new DistanceBounds(
            fourRSquared * hAtLeast,
            hAtMost < 1 ? fourRSquared * hAtMost / (1 - hAtMost) : double.PositiveInfinity);
    }

    /// <summary>Squared metres; each decision keeps a margin far wider than the rounding of the bounds themselves.</summary>
    internal readonly record struct DistanceBounds(double AtLeastSquared, double AtMostSquared)
    {
        private const double Margin = 1e-9;

        public bool SurelyBeyond(double metres)
        {
            var limit = metres * (1 + Margin) + 1e-6;
            return AtLeastSquared > limit * limit;
        }

        public bool SurelyWithin(double metres)
        {
            var limit = metres * (1 - Margin);
            return AtMostSquared < limit * limit;
        }

        /// <summary>A distance no larger than the true one (the rounding of the bound is far below the margin).</summary>
        public double AtLeast => Math.Sqrt(AtLeastSquared) * (1 - Margin);
    }

    // The cosines come from CosLatitude, kept or computed on the spot: the same pair of points always gives the same metres.
    internal static double Haversine(double latitude1, double cos1, double longitude1, double latitude2, double cos2, double longitude2)
    {
        var sinLat = Math.Sin((latitude2 - latitude1) * RadiansPerDegree / 2);
        var sinLon = Math.Sin((longitude2 - longitude1) * RadiansPerDegree / 2);
        var h = sinLat * sinLat + cos1 * cos2 * sinLon * sinLon;
        return 2 * RadiusMetres * Math.Asin(Math.Min(1, Math.Sqrt(h)));
    }
}
