using NetTopologySuite.Algorithm.Locate;
using NetTopologySuite.Geometries;

namespace Wehelpen.Matching;

/// <summary>
/// Where a volunteer helps: within a radius of home, or in areas they chose (polygons in longitude/latitude). Chosen
/// areas are a deliberate limit: widening a request's reach stretches radii, never someone's chosen areas.
/// </summary>
public sealed class ServiceArea
{
    private readonly IPointOnGeometryLocator? _areas;

    private ServiceArea(double latitude, double longitude, double radiusMetres, Geometry? areas)
    {
        if (latitude is not (>= -90 and <= 90) || longitude is not (>= -180 and <= 180)) throw new ArgumentOutOfRangeException(nameof(latitude), "Not a point on the earth.");
        Latitude = latitude;
        Longitude = longitude;
        RadiusMetres = radiusMetres;
        Areas = areas;
        if (areas is not null)
        {
            if (areas.IsEmpty || areas.Dimension != Dimension.Surface) throw new ArgumentException("Chosen areas must be polygons.", nameof(areas));
            _areas = new IndexedPointInAreaLocator(areas);
        }
        else if (!(radiusMetres > 0)) throw new ArgumentOutOfRangeException(nameof(radiusMetres), "A radius must be more than 0 metres.");
    }

    /// <summary>Home, from which distances are measured and, for a radius area, the radius.</summary>
    public double Latitude { get; }
    public double Longitude { get; }
    public double RadiusMetres { get; }
    public Geometry? Areas { get; }
    public bool IsChosenAreas => Areas is not null;

    public static ServiceArea Radius(double latitude, double longitude, double radiusMetres) => new(latitude, longitude, radiusMetres, null);

    /// <summary>Chosen areas; the home point still gives distances (for ranking and for the volunteer's list).</summary>
    public static ServiceArea Chosen(double latitude, double longitude, Geometry areas) => new(latitude, longitude, 0, areas);

    /// <summary>The rectangle in which every point this area covers lies, with radii stretched by <paramref name="radiusFactor"/>.</summary>
    public Envelope Envelope(double radiusFactor = 1) =>
        Areas is { } areas ? areas.EnvelopeInternal : Earth.Around(Latitude, Longitude, RadiusMetres * radiusFactor);

    /// <summary>Whether the point lies in the area (a point exactly on the edge does); with the distance from home.</summary>
    public bool Covers(double latitude, double longitude, double radiusFactor, out double distanceMetres)
    {
        if (_areas is null) return Earth.Within(Latitude, Longitude, RadiusMetres * radiusFactor, latitude, longitude, out distanceMetres);
        distanceMetres = Earth.DistanceMetres(Latitude, Longitude, latitude, longitude);
        return _areas.Locate(new Coordinate(longitude, latitude)) != Location.Exterior;
    }
}
