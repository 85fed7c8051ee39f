using NetTopologySuite.Geometries;

namespace Wehelpen.Matching.Tests;

/// <summary>Short ways to make volunteers, engines and queries, so that each test shows only what it is about.</summary>
internal static class Build
{
    // The web app's HelpCategories bits.
    public const int Shopping = 1, Transport = 2, Company = 4, OddJobs = 8, Administration = 16, Other = 32;
    public const int AllCategories = 63;
    public const int AnyTime = 0;

    /// <summary>Monday 1 June 2026, 10:00 in Amsterdam (summer time, UTC+2): a Monday morning.</summary>
    public static readonly DateTimeOffset Now = new(2026, 6, 1, 10, 0, 0, TimeSpan.FromHours(2));

    /// <summary>Where most single-point tests ask: the Dam.</summary>
    public static readonly (double Lat, double Lon) At = Places.Dam;

    /// <summary>A place this far from <see cref="At"/> in this direction (degrees from north), by the independent formula.</summary>
    public static (double Lat, double Lon) Away(double metres, double bearing = 90) => Reference.Destination(At, bearing, metres);

    private static readonly GeometryFactory Geometry = new(new PrecisionModel(), 4326);

    public static Volunteer Radius(string id, (double Lat, double Lon) home, double metres, int categories = AllCategories, int availability = AnyTime) =>
        new(id, ServiceArea.Radius(home.Lat, home.Lon, metres), categories, availability);

    public static Volunteer Chosen(string id, (double Lat, double Lon) home, Geometry areas, int categories = AllCategories, int availability = AnyTime) =>
        new(id, ServiceArea.Chosen(home.Lat, home.Lon, areas), categories, availability);

    public static MatchingEngine Engine(params Volunteer[] volunteers) => Engine(new MatchingOptions(), volunteers);

    public static MatchingEngine Engine(MatchingOptions options, params Volunteer[] volunteers) =>
        Engine(options, [.. volunteers.Select(v => (v, VolunteerStats.None))]);

    public static MatchingEngine Engine(MatchingOptions options, params (Volunteer Volunteer, VolunteerStats Stats)[] volunteers)
    {
        var engine = new MatchingEngine(options);
        engine.Load(volunteers, []);
        return engine;
    }

    public static MatchQuery Query((double Lat, double Lon) at, int category = Shopping, int slots = WeekSlots.All, int take = 10) =>
        new(at.Lat, at.Lon, category, slots, Now, take);

    public static string[] Ids(this MatchResult result) => [.. result.Top.Select(m => m.VolunteerId)];

    public static VolunteerMatch Only(this MatchResult result) => Assert.Single(result.Top);

    public static VolunteerStats Stats(int openClaims = 0, int claims = 0, int completed = 0, params DateTimeOffset[] alerts) =>
        new(openClaims, claims, completed, alerts);

    /// <summary>A polygon from (latitude, longitude) corners, closed for you; stored as NetTopologySuite wants: X longitude, Y latitude.</summary>
    public static Polygon Polygon(params (double Lat, double Lon)[] corners) =>
        Geometry.CreatePolygon([.. corners.Append(corners[0]).Select(c => new Coordinate(c.Lon, c.Lat))]);

    public static MultiPolygon Areas(params Polygon[] polygons) => Geometry.CreateMultiPolygon(polygons);

    public static OpenRequest Request((double Lat, double Lon) at, int category = Shopping, DateTimeOffset? startsAt = null,
        DateTimeOffset? endsAt = null, string requesterId = "requester", Guid? circleId = null, Guid? id = null) =>
        new(id ?? Guid.NewGuid(), at.Lat, at.Lon, category, startsAt, endsAt ?? Now.AddDays(2), requesterId, circleId ?? Guid.NewGuid());
}

/// <summary>Places in and around Amsterdam (rounded to 4 decimals, about 10 m), and elsewhere in the Netherlands.</summary>
internal static class Places
{
    public static readonly (double Lat, double Lon) AmsterdamCentraal = (52.3791, 4.9003);
    public static readonly (double Lat, double Lon) Dam = (52.3731, 4.8926);
    /// <summary>Rivierenbuurt (1078), Maasstraat: on the west bank of the Amstel.</summary>
    public static readonly (double Lat, double Lon) Rivierenbuurt = (52.3468, 4.8985);
    /// <summary>Oost (1091), Weesperzijde: the east bank.</summary>
    public static readonly (double Lat, double Lon) Weesperzijde = (52.3530, 4.9105);
    public static readonly (double Lat, double Lon) Vondelpark = (52.3580, 4.8686);
    public static readonly (double Lat, double Lon) Jordaan = (52.3760, 4.8800);
    public static readonly (double Lat, double Lon) IJburg = (52.3540, 5.0000);
    public static readonly (double Lat, double Lon) UtrechtCentraal = (52.0894, 5.1100);
}

/// <summary>
/// Distances worked out independently of the engine's haversine: the spherical Vincenty formula (atan2 form, exact on a
/// sphere at every distance) on the same mean radius, and the direct problem (a point at a bearing and a distance).
/// </summary>
internal static class Reference
{
    public const double EarthRadius = 6_371_008.8;
    private const double Rad = Math.PI / 180;

    public static double Metres((double Lat, double Lon) a, (double Lat, double Lon) b)
    {
        double p1 = a.Lat * Rad, p2 = b.Lat * Rad, dl = (b.Lon - a.Lon) * Rad;
        var x = Math.Cos(p2) * Math.Sin(dl);
        var y = Math.Cos(p1) * Math.Sin(p2) - Math.Sin(p1) * Math.Cos(p2) * Math.Cos(dl);
        var z = Math.Sin(p1) * Math.Sin(p2) + Math.Cos(p1) * Math.Cos(p2) * Math.Cos(dl);
        return EarthRadius * Math.Atan2(Math.Sqrt(x * x + y * y), z);
    }

    /// <summary>The point <paramref name="metres"/> from <paramref name="from"/> at a bearing in degrees (0 north, 90 east).</summary>
    public static (double Lat, double Lon) Destination((double Lat, double Lon) from, double bearing, double metres)
    {
        double p1 = from.Lat * Rad, d = metres / EarthRadius, t = bearing * Rad;
        var p2 = Math.Asin(Math.Sin(p1) * Math.Cos(d) + Math.Cos(p1) * Math.Sin(d) * Math.Cos(t));
        var dl = Math.Atan2(Math.Sin(t) * Math.Sin(d) * Math.Cos(p1), Math.Cos(d) - Math.Sin(p1) * Math.Sin(p2));
        return (p2 / Rad, from.Lon + dl / Rad);
    }
}
