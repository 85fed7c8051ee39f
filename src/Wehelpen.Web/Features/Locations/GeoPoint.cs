namespace Wehelpen.Web.Features.Locations;

/// <summary>A WGS84 point. Distances are great-circle metres, never degrees.</summary>
public readonly record struct GeoPoint(double Latitude, double Longitude)
{
    private const double EarthRadiusMetres = 6_371_008.8;
    private const double MetresPerDegreeLatitude = EarthRadiusMetres * Math.PI / 180;

    public double DistanceMetresTo(GeoPoint other)
    {
        var lat1 = ToRadians(Latitude);
        var lat2 = ToRadians(other.Latitude);
        var dLat = lat2 - lat1;
        var dLon = ToRadians(other.Longitude - Longitude);
        var h = Math.Sin(dLat / 2) * Math.Sin(dLat / 2)
              + Math.Cos(lat1) * Math.Cos(lat2) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2);
        return 2 * EarthRadiusMetres * Math.Asin(Math.Min(1, Math.Sqrt(h)));
    }

    /// <summary>
    /// The latitude/longitude rectangle around this point that holds every point within <paramref name="metres"/>:
    /// a first filter the database can answer from plain columns; the exact distance decides after it. The longitude
    /// span is taken at the box's poleward edge, where a degree is shortest, so no point near the edge is lost.
    /// </summary>
    public GeoBox BoxAround(double metres)
    {
        var latitudeSpan = metres / MetresPerDegreeLatitude;
        var poleward = Math.Min(89.9, Math.Abs(Latitude) + latitudeSpan);
        var longitudeSpan = latitudeSpan / Math.Cos(ToRadians(poleward));
        return new GeoBox(Latitude - latitudeSpan, Latitude + latitudeSpan, Longitude - longitudeSpan, Longitude + longitudeSpan);
    }

    private static double ToRadians(double degrees) => degrees * Math.PI / 180;
}

/// <summary>A rectangle in degrees, from <see cref="GeoPoint.BoxAround"/>.</summary>
public readonly record struct GeoBox(double South, double North, double West, double East);
