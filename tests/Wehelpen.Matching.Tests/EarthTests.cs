using static Wehelpen.Matching.Tests.Build;

namespace Wehelpen.Matching.Tests;

public class EarthTests
{
    [Fact]
    public void Amsterdam_Centraal_to_the_Dam_is_about_850_metres()
    {
        // By hand, flat over this short stretch: 1° of latitude = 6,371,008.8 m × π/180 = 111,195.08 m.
        // Δlat 0.0060° × 111,195.08 = 667.17 m; Δlon 0.0077° × 111,195.08 × cos(52.3761°) (0.610476) = 522.69 m;
        // √(667.17² + 522.69²) = 847.54 m.
        var metres = Earth.DistanceMetres(Places.AmsterdamCentraal.Lat, Places.AmsterdamCentraal.Lon, Places.Dam.Lat, Places.Dam.Lon);

        Assert.Equal(847.54, metres, 0.01);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(52.0)]
    [InlineData(-33.0)]
    public void One_degree_of_latitude_is_111195_metres_anywhere(double latitude)
    {
        // 2π × 6,371,008.8 m / 360 = 111,195.08 m on the mean radius.
        Assert.Equal(111_195.08, Earth.DistanceMetres(latitude, 5, latitude + 1, 5), 0.01);
    }

    [Fact]
    public void Distances_are_metres_not_degrees_one_degree_of_longitude_in_Amsterdam_is_shorter()
    {
        // Along the parallel at 52.37°: 111,195.08 × cos(52.37°) (0.610559) = 67,891.0 m; the great circle between the
        // two points bulges north and is 0.3 m shorter. A formula in degrees would make east-west and north-south steps equal.
        var eastWest = Earth.DistanceMetres(52.37, 4.5, 52.37, 5.5);

        Assert.InRange(eastWest, 67_890, 67_891);
        Assert.Equal(Reference.Metres((52.37, 4.5), (52.37, 5.5)), eastWest, 0.001);
    }

    [Theory]
    [InlineData(52.37, 1_000)]
    [InlineData(52.37, 25_000)]
    [InlineData(52.37, 37_500)]
    [InlineData(53.5, 37_500)]
    [InlineData(70.0, 25_000)]
    [InlineData(-45.0, 25_000)]
    public void Around_holds_every_point_at_the_radius_in_every_direction(double latitude, double metres)
    {
        var box = Earth.Around(latitude, 5, metres);

        for (var bearing = 0.0; bearing < 360; bearing += 0.25)
        {
            // A hair (a part in 10¹²) inside the circle, so the independent formula's last-digit rounding does not count.
            var (lat, lon) = Reference.Destination((latitude, 5), bearing, metres * (1 - 1e-12));
            Assert.True(box.Contains(lon, lat), $"bearing {bearing}: ({lat}, {lon}) is outside {box}");
        }
    }

    [Theory]
    [InlineData(52.37)]
    [InlineData(-52.37)]
    public void Around_is_wide_enough_at_its_poleward_corner(double latitude)
    {
        const double metres = 37_500;
        var box = Earth.Around(latitude, 5, metres);
        var widest = Enumerable.Range(0, 18_000).Select(i => Reference.Destination((latitude, 5), i / 100.0, metres)).MaxBy(p => p.Lon);

        // The point of the circle furthest east lies poleward of the centre, where a degree of longitude is shorter...
        Assert.True(Math.Abs(widest.Lat) > Math.Abs(latitude));
        // ...so a box as wide as the circle at the centre's latitude would miss it (which shows this test can fail)...
        var spanAtCentre = metres / (Reference.EarthRadius * Math.PI / 180) / Math.Cos(latitude * Math.PI / 180);
        Assert.True(widest.Lon > 5 + spanAtCentre);
        // ...and the box holds it.
        Assert.True(box.Contains(widest.Lon, widest.Lat));
    }

    [Fact]
    public void A_point_exactly_on_the_radius_is_within_and_one_millimetre_further_is_not()
    {
        var home = Places.Rivierenbuurt;
        var point = Reference.Destination(home, 63, 1_234.5);
        var distance = Earth.DistanceMetres(home.Lat, home.Lon, point.Lat, point.Lon);
        Assert.Equal(1_234.5, distance, 0.000_001);

        Assert.True(Earth.Within(home.Lat, home.Lon, distance, point.Lat, point.Lon, out var reported));
        Assert.Equal(distance, reported);
        Assert.False(Earth.Within(home.Lat, home.Lon, distance - 0.001, point.Lat, point.Lon, out _));
    }

    [Fact]
    public void Volunteer_exactly_on_the_radius_is_matched_and_one_millimetre_further_is_not()
    {
        var home = Places.Rivierenbuurt;
        var onEdge = Reference.Destination(home, 200, 1_500);
        var beyond = Reference.Destination(home, 200, 1_500.001);
        // The radius is the distance as the engine measures it, to the last digit: exactly on the boundary.
        var radius = Earth.DistanceMetres(home.Lat, home.Lon, onEdge.Lat, onEdge.Lon);
        var engine = Engine(Radius("edge", home, radius));

        Assert.Equal(["edge"], engine.Match(Query(onEdge)).Ids());
        Assert.Empty(engine.Match(Query(beyond)).Top);
    }

    // Homes and radii (20 km: the edge of a grid level) for which the furthest latitude due north or south that
    // Within still counts as covered lies at the very edge of what doubles can tell apart from Around's box.
    [Theory]
    [InlineData(52.531842469904504, 4.407505107814216, 1)]
    [InlineData(52.50425337553223, 5.112260516831773, -1)]
    public void The_furthest_point_due_north_or_south_that_is_within_lies_in_the_box_around(double latitude, double longitude, int direction)
    {
        var edge = FurthestWithin(latitude, longitude, 20_000, direction);

        Assert.True(Earth.Within(latitude, longitude, 20_000, edge, longitude, out _));
        Assert.True(Earth.Around(latitude, longitude, 20_000).Contains(longitude, edge), $"{edge:R} is within 20 km but outside {Earth.Around(latitude, longitude, 20_000)}");
    }

    [Theory]
    [InlineData(52.531842469904504, 4.407505107814216, 1)]
    [InlineData(52.50425337553223, 5.112260516831773, -1)]
    public void A_request_at_the_furthest_point_within_the_radius_is_seen_and_matched(double latitude, double longitude, int direction)
    {
        var edge = (FurthestWithin(latitude, longitude, 20_000, direction), longitude);
        var engine = Engine(Radius("edge", (latitude, longitude), 20_000));
        var request = Request(edge);
        engine.UpsertRequest(request);

        Assert.Equal(["edge"], engine.Match(Query(edge)).Ids());
        Assert.Equal([request.Id], engine.NearMe("edge", Now, new HashSet<Guid>()).Select(r => r.RequestId));
    }

    /// <summary>The last latitude (as a double) due north or south of home that Earth.Within counts as covered, by halving.</summary>
    private static double FurthestWithin(double latitude, double longitude, double radius, int direction)
    {
        var (inside, outside) = (latitude, latitude + direction);
        while (true)
        {
            var mid = (inside + outside) / 2;
            if (mid == inside || mid == outside) return inside;
            if (Earth.Within(latitude, longitude, radius, mid, longitude, out _)) inside = mid; else outside = mid;
        }
    }
}
