using NetTopologySuite.Geometries;

namespace Wehelpen.Matching.Tests;

/// <summary>
/// A seeded random Netherlands of volunteers and open requests, kept alongside an engine so that the brute-force scan
/// can be run over exactly what the engine should hold. Most people live in the Randstad, the rest anywhere in the
/// country; some share a home (ties on distance), some chose areas, some have radii exactly at a grid level's edge.
/// </summary>
internal sealed class RandomWorld(int seed)
{
    /// <summary>Monday 1 June 2026 10:00 in Amsterdam; alerts lie in the ten days before, queries around it.</summary>
    public static readonly DateTimeOffset Base = new(2026, 6, 1, 10, 0, 0, TimeSpan.FromHours(2));

    private static readonly (double Lat, double Lon)[] Cities = [(52.3731, 4.8926), (51.9225, 4.4792), (52.0894, 5.1100), (52.0705, 4.3007)];
    private static readonly (double Lat, double Lon)[] Border =
    [
        (50.7548, 6.0208), (50.8650, 6.0950), (51.3700, 6.2200), (51.8300, 6.0300), (52.2200, 7.0300),
        (53.1800, 7.2100), (51.3100, 3.3800), (51.4400, 4.9300), (51.4600, 4.4500), (50.7700, 5.7100),
    ];
    private static readonly double[] LevelEdges = [2_500, 5_000, 10_000, 20_000, 25_000];
    private static readonly GeometryFactory Geometry = new(new PrecisionModel(), 4326);

    public Random Random { get; } = new(seed);
    public Dictionary<string, (Volunteer Volunteer, VolunteerStats Stats)> Volunteers { get; } = new(StringComparer.Ordinal);
    public Dictionary<Guid, OpenRequest> Requests { get; } = [];
    public Guid[] Circles { get; } = [.. Enumerable.Range(1, 30).Select(i => new Guid(i, 0, 0, new byte[8]))];
    private int _nextId;
    private readonly List<string> _ids = [];

    public MatchingEngine Engine(MatchingOptions options)
    {
        var engine = new MatchingEngine(options);
        engine.Load(Volunteers.Values, Requests.Values);
        return engine;
    }

    public void AddVolunteers(int count)
    {
        for (var i = 0; i < count; i++) Put(NewVolunteer(NewId()), NewStats());
    }

    public void AddRequests(int count)
    {
        for (var i = 0; i < count; i++) Put(NewRequest(NewGuid()));
    }

    public void Put(Volunteer volunteer, VolunteerStats stats)
    {
        if (!Volunteers.ContainsKey(volunteer.Id)) _ids.Add(volunteer.Id);
        Volunteers[volunteer.Id] = (volunteer, stats);
    }

    public void Put(OpenRequest request) => Requests[request.Id] = request;

    public string NewId() => $"v{_nextId++:000000}";

    /// <summary>From the seeded generator, so that a failure comes back the same on the next run.</summary>
    public Guid NewGuid()
    {
        var bytes = new byte[16];
        Random.NextBytes(bytes);
        return new Guid(bytes);
    }

    /// <summary>Someone who volunteers now or did before (then removed): ids of both kinds must behave.</summary>
    public string SomeId() => _ids[Random.Next(_ids.Count)];

    public (Volunteer Volunteer, VolunteerStats Stats) SomeVolunteer()
    {
        while (true) if (Volunteers.TryGetValue(SomeId(), out var v)) return v;
    }

    public Volunteer NewVolunteer(string id)
    {
        var categories = Chance(0.6) ? 1 << Random.Next(6) : Random.Next(1, 64);
        var availability = Chance(0.3) ? 0 : Random.Next(1, WeekSlots.All + 1) & Random.Next(1, WeekSlots.All + 1);
        if (Chance(0.05) && Volunteers.Count > 0)
        {
            // A neighbour in the same house, or the same person's twin: equal in place and reach.
            var twin = SomeVolunteer().Volunteer;
            return twin with { Id = id };
        }
        var home = Chance(0.6) ? NearCity() : Anywhere();
        if (Chance(0.06)) return new Volunteer(id, ServiceArea.Chosen(home.Lat, home.Lon, SomeAreas(home)), categories, availability);
        var radius = Chance(0.1) ? LevelEdges[Random.Next(LevelEdges.Length)] : 1_000 + Random.NextDouble() * 24_000;
        return new Volunteer(id, ServiceArea.Radius(home.Lat, home.Lon, radius), categories, availability);
    }

    public VolunteerStats NewStats()
    {
        if (Chance(0.4)) return VolunteerStats.None;
        var claims = Random.Next(0, 10);
        var alerts = Enumerable.Range(0, Random.Next(0, 5)).Select(_ => Base.AddMinutes(-Random.Next(0, 10 * 24 * 60))).ToArray();
        return new VolunteerStats(Random.Next(0, 4), claims, Random.Next(0, claims + 1), alerts);
    }

    public OpenRequest NewRequest(Guid id)
    {
        DateTimeOffset? startsAt = Chance(0.25) ? null : Base.AddMinutes(Random.Next(-24 * 60, 7 * 24 * 60));
        var endsAt = (startsAt ?? Base).AddMinutes(Random.Next(30, 3 * 24 * 60));
        var requester = Chance(0.15) ? SomeId() : "someone";
        var circle = Circles[Random.Next(Circles.Length)];
        if (Chance(0.1))
        {
            // Exactly on the edge of someone's area, in a category of theirs: one they should see, if it is still open.
            var volunteer = SomeVolunteer().Volunteer;
            WithARequestOnTheEdge.Add(volunteer.Id);
            var edge = OnTheEdgeOf(volunteer, 1);
            return new OpenRequest(id, edge.Lat, edge.Lon, volunteer.Categories & -volunteer.Categories, startsAt, endsAt, requester, circle);
        }
        var at = Chance(0.7) ? NearCity() : Anywhere();
        return new OpenRequest(id, at.Lat, at.Lon, 1 << Random.Next(6), startsAt, endsAt, requester, circle);
    }

    /// <summary>Volunteers with a request exactly on the edge of their area: worth asking for their list.</summary>
    public List<string> WithARequestOnTheEdge { get; } = [];

    public MatchQuery NewQuery(MatchingEngine engine)
    {
        var factor = Chance(0.3) ? 1.5 : 1;
        var at = Random.Next(10) switch
        {
            < 4 => NearCity(),
            < 6 => Anywhere(),
            < 7 => Home(SomeVolunteer().Volunteer),
            < 8 => Jitter(Border[Random.Next(Border.Length)], 0.01),
            _ => OnTheEdgeOf(SomeVolunteer().Volunteer, factor),
        };
        var category = 1 << Random.Next(6); // a request has exactly one category
        var now = Base.AddMinutes(Random.Next(-2 * 24 * 60, 2 * 24 * 60));
        var query = new MatchQuery(at.Lat, at.Lon, category, Slots(now), now, Random.Next(1, 31)) { RadiusFactor = factor };
        if (!Chance(0.5)) return query;
        // Leave out some of those the engine would choose, as a later wave does, and block or be some others.
        var likely = engine.Match(query with { Take = 30 }).Top.Select(m => m.VolunteerId).ToArray();
        string[] Some(double share) => [.. likely.Where(_ => Chance(share)).Append(SomeId())];
        return query with
        {
            Exclude = new HashSet<string>(Some(0.3)),
            Blocked = new HashSet<string>(Some(0.1)),
            RequesterId = likely.Length > 0 && Chance(0.5) ? likely[Random.Next(likely.Length)] : null,
        };
    }

    /// <summary>The day parts of a random request window as seen at <paramref name="now"/> (sometimes all, sometimes none left).</summary>
    private int Slots(DateTimeOffset now) => Random.Next(10) switch
    {
        0 => WeekSlots.All,
        1 => Random.Next(1, WeekSlots.All + 1),
        _ => WeekSlots.Covering(Chance(0.2) ? null : now.AddMinutes(Random.Next(-6 * 60, 5 * 24 * 60)), now.AddMinutes(Random.Next(60, 6 * 24 * 60)), now),
    };

    private static (double Lat, double Lon) Home(Volunteer v) => (v.Area.Latitude, v.Area.Longitude);

    /// <summary>
    /// The furthest point that the engine's own distance still counts as covered: in a random direction, or due north
    /// or south to the last latitude a double can tell (where a box around the circle needs its margin).
    /// </summary>
    private (double Lat, double Lon) OnTheEdgeOf(Volunteer v, double factor)
    {
        var area = v.Area;
        if (area.IsChosenAreas)
        {
            var corners = area.Areas!.Coordinates;
            var corner = corners[Random.Next(corners.Length)];
            return (corner.Y, corner.X);
        }
        var reach = area.RadiusMetres * factor;
        bool Covered((double Lat, double Lon) p) => Earth.Within(area.Latitude, area.Longitude, reach, p.Lat, p.Lon, out _);
        if (Chance(0.5))
        {
            var (inside, outside) = (area.Latitude, area.Latitude + (Chance(0.5) ? 1 : -1));
            for (var mid = (inside + outside) / 2; mid != inside && mid != outside; mid = (inside + outside) / 2)
                if (Covered((mid, area.Longitude))) inside = mid; else outside = mid;
            return (inside, area.Longitude);
        }
        var bearing = Random.NextDouble() * 360;
        var (near, far) = (0.0, reach * 1.01);
        for (var i = 0; i < 64; i++)
        {
            var mid = (near + far) / 2;
            if (Covered(Reference.Destination(Home(v), bearing, mid))) near = mid; else far = mid;
        }
        return Reference.Destination(Home(v), bearing, near);
    }

    private Geometry SomeAreas((double Lat, double Lon) home)
    {
        var first = SomePolygon(Jitter(home, 0.05));
        return Chance(0.3) ? Geometry.CreateMultiPolygon([first, SomePolygon(Jitter(home, 0.2))]) : first;
    }

    /// <summary>A rectangle, a triangle or an L, 1 to 10 km across.</summary>
    private Polygon SomePolygon((double Lat, double Lon) at)
    {
        var h = 0.01 + Random.NextDouble() * 0.08;
        var w = h * 1.6;
        (double, double)[] corners = Random.Next(3) switch
        {
            0 => [(0, 0), (0, w), (h, w), (h, 0)],
            1 => [(0, 0), (0, w), (h, w / 2)],
            _ => [(0, 0), (0, w), (h / 2, w), (h / 2, w / 2), (h, w / 2), (h, 0)],
        };
        return Geometry.CreatePolygon([.. corners.Append(corners[0]).Select(c => new Coordinate(at.Lon + c.Item2, at.Lat + c.Item1))]);
    }

    private (double Lat, double Lon) NearCity()
    {
        var city = Cities[Random.Next(Cities.Length)];
        return Reference.Destination(city, Random.NextDouble() * 360, Math.Abs(Gaussian()) * 8_000);
    }

    private (double Lat, double Lon) Anywhere() => (50.75 + Random.NextDouble() * 2.8, 3.36 + Random.NextDouble() * 3.86);

    private (double Lat, double Lon) Jitter((double Lat, double Lon) p, double degrees) =>
        (p.Lat + (Random.NextDouble() - 0.5) * 2 * degrees, p.Lon + (Random.NextDouble() - 0.5) * 2 * degrees);

    private double Gaussian() => Math.Sqrt(-2 * Math.Log(1 - Random.NextDouble())) * Math.Cos(2 * Math.PI * Random.NextDouble());

    public bool Chance(double p) => Random.NextDouble() < p;
}
