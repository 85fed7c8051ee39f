using Wehelpen.Matching;

namespace Wehelpen.Web.Features.Locations;

/// <summary>A WGS84 point. Distances are great-circle metres (see <see cref="Earth"/>), never degrees.</summary>
public readonly record struct GeoPoint(double Latitude, double Longitude)
{
    public double DistanceMetresTo(GeoPoint other) => Earth.DistanceMetres(Latitude, Longitude, other.Latitude, other.Longitude);

    /// <summary>
    /// The latitude/longitude rectangle around this point that holds every point within <paramref name="metres"/>:
    /// a first filter the database can answer from plain columns; the exact distance decides after it.
    /// </summary>
    public GeoBox BoxAround(double metres)
    {
        var box = Earth.Around(Latitude, Longitude, metres);
        return new GeoBox(box.MinY, box.MaxY, box.MinX, box.MaxX);
    }
}

/// <summary>A rectangle in degrees, from <see cref="GeoPoint.BoxAround"/>.</summary>
public readonly record struct GeoBox(double South, double North, double West, double East);
