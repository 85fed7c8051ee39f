using static Wehelpen.Matching.Tests.Build;

namespace Wehelpen.Matching.Tests;

/// <summary>
/// A volunteer in the Rivierenbuurt (1078, west bank) with a radius of 1300 m, and requests on the east bank of the
/// Amstel: straight-line distance decides, not the river or the way round by a bridge. Distances by hand, flat over
/// this short stretch: 1° of latitude = 111,195.08 m, 1° of longitude = 111,195.08 × cos(mean latitude).
/// </summary>
public class AcrossTheAmstelTests
{
    /// <summary>Amstelkwartier (1097): Δlat −0.0028° = −311.35 m; Δlon 0.0185° × 111,195.08 × 0.610900 = 1256.69 m; √ = 1294.68 m.</summary>
    private static readonly (double Lat, double Lon) AmstelkwartierInside = (52.3440, 4.9170);

    /// <summary>Amstelkwartier, 22 m further south: Δlat −0.0030° = −333.59 m; Δlon as above, 1256.69 m; √ = 1300.21 m.</summary>
    private static readonly (double Lat, double Lon) AmstelkwartierOutside = (52.3438, 4.9170);

    private static MatchingEngine RivierenbuurtVolunteer() => Engine(Radius("rivierenbuurt", Places.Rivierenbuurt, 1_300));

    [Fact]
    public void A_request_across_the_river_just_inside_the_radius_is_matched()
    {
        var match = RivierenbuurtVolunteer().Match(Query(AmstelkwartierInside)).Only();

        Assert.Equal(1_294.68, match.Reasons.DistanceMetres, 0.01);
    }

    [Fact]
    public void A_request_across_the_river_just_outside_the_radius_is_not_matched()
    {
        var engine = RivierenbuurtVolunteer();

        Assert.Empty(engine.Match(Query(AmstelkwartierOutside)).Top);
        // 1300.21 m: a widened wave reaches it, and says it went beyond the volunteer's own radius.
        var widened = engine.Match(Query(AmstelkwartierOutside) with { RadiusFactor = 1.5 }).Only();
        Assert.Equal(1_300.21, widened.Reasons.DistanceMetres, 0.01);
        Assert.True(widened.Reasons.Widened);
    }

    [Fact]
    public void The_nearer_volunteer_across_the_river_ranks_before_one_on_the_same_bank()
    {
        // A request at the Weesperzijde (Oost, 1091, east bank). The Rivierenbuurt volunteer is across the river:
        // Δlat 0.0062° = 689.41 m, Δlon 0.0120° × 111,195.08 × 0.610838 = 815.07 m, √ = 1067.53 m.
        // A volunteer by the Oosterpark (1092) is on the same bank but further:
        // Δlat 0.0080° = 889.56 m, Δlon 0.0125° × 111,195.08 × 0.610740 = 848.89 m, √ = 1229.61 m.
        var engine = Engine(Radius("a-oosterpark", (52.3610, 4.9230), 1_300), Radius("b-rivierenbuurt", Places.Rivierenbuurt, 1_300));

        var result = engine.Match(Query(Places.Weesperzijde));

        Assert.Equal(["b-rivierenbuurt", "a-oosterpark"], result.Ids());
        Assert.Equal(1_067.53, result.Top[0].Reasons.DistanceMetres, 0.01);
        Assert.Equal(1_229.61, result.Top[1].Reasons.DistanceMetres, 0.01);
    }
}
