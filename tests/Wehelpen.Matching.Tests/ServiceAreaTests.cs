using static Wehelpen.Matching.Tests.Build;

namespace Wehelpen.Matching.Tests;

/// <summary>Volunteers who chose areas on the map instead of a radius (<see cref="ServiceArea.Chosen"/>).</summary>
public class ServiceAreaTests
{
    /// <summary>A rectangle over De Pijp and the Rivierenbuurt: 52.340-52.360 N, 4.885-4.905 E.</summary>
    private static readonly NetTopologySuite.Geometries.Polygon PijpAndRivierenbuurt =
        Polygon((52.340, 4.885), (52.340, 4.905), (52.360, 4.905), (52.360, 4.885));

    /// <summary>
    /// An L: a bottom arm 52.340-52.350 N from 4.880 to 4.920 E, and an upright arm 4.880-4.900 E up to 52.370 N. The notch,
    /// 52.350-52.370 N and 4.900-4.920 E, lies inside the L's rectangle but is not chosen.
    /// </summary>
    private static readonly NetTopologySuite.Geometries.Polygon LShape =
        Polygon((52.340, 4.880), (52.340, 4.920), (52.350, 4.920), (52.350, 4.900), (52.370, 4.900), (52.370, 4.880));

    /// <summary>Two separate squares: the Jordaan (52.370-52.382 N, 4.875-4.890 E) and IJburg (52.345-52.362 N, 4.985-5.015 E).</summary>
    private static readonly NetTopologySuite.Geometries.MultiPolygon JordaanAndIJburg = Areas(
        Polygon((52.370, 4.875), (52.370, 4.890), (52.382, 4.890), (52.382, 4.875)),
        Polygon((52.345, 4.985), (52.345, 5.015), (52.362, 5.015), (52.362, 4.985)));

    private static bool Matched(MatchingEngine engine, (double Lat, double Lon) at, double radiusFactor = 1) =>
        engine.Match(Query(at) with { RadiusFactor = radiusFactor }).Top.Count == 1;

    [Theory]
    [InlineData(52.350, 4.895, true)]   // in the middle
    [InlineData(52.3530, 4.9105, false)] // the Weesperzijde, across the Amstel
    [InlineData(52.350, 4.905, true)]   // exactly on the east edge
    [InlineData(52.360, 4.885, true)]   // exactly on the north-west corner
    [InlineData(52.3601, 4.895, false)] // 11 m north of the north edge
    public void A_rectangle_covers_its_inside_and_its_edge(double latitude, double longitude, bool covered) =>
        Assert.Equal(covered, Matched(Engine(Chosen("pijp", Places.Rivierenbuurt, PijpAndRivierenbuurt)), (latitude, longitude)));

    [Theory]
    [InlineData(52.345, 4.915, true)]   // the bottom arm
    [InlineData(52.365, 4.890, true)]   // the upright arm
    [InlineData(52.360, 4.910, false)]  // the notch
    [InlineData(52.3501, 4.9199, false)] // the notch, just above the bottom arm's top edge
    [InlineData(52.350, 4.910, true)]   // the inner edge of the bottom arm
    [InlineData(52.360, 4.900, true)]   // the inner edge of the upright arm
    [InlineData(52.375, 4.890, false)]  // above the L
    public void An_L_shape_does_not_cover_its_notch(double latitude, double longitude, bool covered) =>
        Assert.Equal(covered, Matched(Engine(Chosen("l", Places.Vondelpark, LShape)), (latitude, longitude)));

    [Theory]
    [InlineData(52.3760, 4.8800, true)]  // the Jordaan
    [InlineData(52.3540, 5.0000, true)]  // IJburg
    [InlineData(52.3731, 4.8926, false)] // the Dam, just east of the Jordaan square
    [InlineData(52.3600, 4.9400, false)] // between the two, in their common rectangle
    public void Two_separate_areas_cover_each_and_not_what_lies_between(double latitude, double longitude, bool covered) =>
        Assert.Equal(covered, Matched(Engine(Chosen("two", Places.Vondelpark, JordaanAndIJburg)), (latitude, longitude)));

    [Fact]
    public void Chosen_areas_are_not_stretched_in_a_widened_wave()
    {
        // 52.3601 N is 11 m outside the rectangle; a radius volunteer 11 m beyond their radius would be reached.
        var engine = Engine(Chosen("pijp", Places.Rivierenbuurt, PijpAndRivierenbuurt));

        Assert.False(Matched(engine, (52.3601, 4.895), radiusFactor: 1.5));
        Assert.False(Matched(engine, (52.3530, 4.9105), radiusFactor: 1.5));
    }

    [Fact]
    public void A_volunteer_with_chosen_areas_is_not_matched_at_home_outside_them()
    {
        Assert.False(Matched(Engine(Chosen("two", Places.Vondelpark, JordaanAndIJburg)), Places.Vondelpark));
    }

    [Fact]
    public void The_distance_of_a_volunteer_with_chosen_areas_is_from_home()
    {
        // Home by the Vondelpark, request in IJburg: Δlat −0.0040° = −444.78 m; Δlon 0.1314° × 111,195.08 × 0.610753 =
        // 8923.74 m; √ = 8934.82 m (the flat sum agrees with the great circle to the centimetre over 9 km).
        var engine = Engine(Chosen("two", Places.Vondelpark, JordaanAndIJburg));

        var match = engine.Match(Query(Places.IJburg)).Only();

        Assert.Equal(8_934.82, match.Reasons.DistanceMetres, 0.01);
        Assert.True(match.Reasons.InChosenArea);
        Assert.False(match.Reasons.Widened);
    }

    [Fact]
    public void Chosen_areas_and_radii_are_ranked_together_by_distance_from_home()
    {
        // Request in the Jordaan: the chosen-area volunteer lives 2146 m away (Vondelpark), the radius one 300 m.
        var engine = Engine(Chosen("a-chosen", Places.Vondelpark, JordaanAndIJburg), Radius("b-radius", Reference.Destination(Places.Jordaan, 45, 300), 1_000));

        var result = engine.Match(Query(Places.Jordaan));

        Assert.Equal(["b-radius", "a-chosen"], result.Ids());
        Assert.Equal(2_145.96, result.Top[1].Reasons.DistanceMetres, 0.01);
    }

    [Fact]
    public void Chosen_areas_must_be_polygons()
    {
        var line = new NetTopologySuite.Geometries.GeometryFactory().CreateLineString([new(4.88, 52.37), new(4.89, 52.38)]);

        Assert.Throws<ArgumentException>(() => ServiceArea.Chosen(52.37, 4.88, line));
    }
}
