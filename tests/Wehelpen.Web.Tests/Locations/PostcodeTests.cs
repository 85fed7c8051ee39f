using Wehelpen.Web.Features.Locations;

namespace Wehelpen.Web.Tests.Locations;

public sealed class PostcodeTests
{
    [Theory]
    [InlineData("1012ab", "1012 AB")]
    [InlineData("1012 AB", "1012 AB")]
    [InlineData(" 1012  ab ", "1012 AB")]
    [InlineData("1012-Ab", "1012 AB")]
    [InlineData("1012", "1012")]
    public void Postcodes_are_understood_however_they_are_typed(string typed, string normalised)
    {
        Assert.True(Postcode.TryParse(typed, out var postcode));
        Assert.Equal(normalised, postcode.ToString());
        Assert.Equal("1012", postcode.Pc4);
    }

    [Theory]
    [InlineData("")]
    [InlineData("0123 AB")]  // no Dutch postcode starts with 0
    [InlineData("101 AB")]
    [InlineData("10123 AB")]
    [InlineData("1012 A")]
    [InlineData("1012 SS")]  // SA, SD and SS are not used
    [InlineData("AB 1012")]
    public void Malformed_postcodes_are_refused(string typed) => Assert.False(Postcode.TryParse(typed, out _));
}

public sealed class PostcodeTableTests
{
    private static readonly PostcodeTable Table = PostcodeTable.LoadEmbedded();

    [Fact]
    public void The_whole_table_is_loaded()
    {
        Assert.Equal(4766, Table.Areas.Count());
        Assert.Equal("Amsterdam", Table.Find("1055")!.Place);
    }

    [Theory]
    [InlineData("1000")] [InlineData("1002")] [InlineData("1003")] [InlineData("1009")] // Amsterdam post boxes
    [InlineData("3000")] [InlineData("2500")]                                           // Rotterdam, Den Haag post boxes
    [InlineData("1940")] [InlineData("3440")] [InlineData("9640")]                      // points outside the Netherlands
    public void Post_box_numbers_and_impossible_points_are_never_used_to_place_people(string pc4)
    {
        Assert.False(Table.Find(pc4)!.Usable);
        Assert.Equal(PostcodeProblem.PostBox, Table.Lookup(pc4).Problem);
    }

    [Fact]
    public void Every_usable_area_lies_in_the_Netherlands_and_has_a_centre_of_its_own()
    {
        var usable = Table.Areas.Where(a => a.Usable).ToList();
        Assert.InRange(usable.Count, 4500, 4600);
        Assert.All(usable, a => Assert.InRange(a.Centre.Latitude, 50.7, 53.6));
        Assert.Equal(usable.Count, usable.Select(a => (Math.Round(a.Centre.Latitude, 5), Math.Round(a.Centre.Longitude, 5))).Distinct().Count());
    }

    [Fact]
    public void Amsterdam_areas_are_usable_and_within_the_city()
    {
        var centraal = new GeoPoint(52.3791, 4.9003);
        var amsterdam = Table.Areas.Where(a => a.Usable && a.Place.StartsWith("Amsterdam", StringComparison.Ordinal)).ToList();
        Assert.True(amsterdam.Count >= 85);
        Assert.All(amsterdam, a => Assert.True(a.Centre.DistanceMetresTo(centraal) < 20_000, $"{a.Pc4} lies {a.Centre.DistanceMetresTo(centraal):0} m away"));
    }

    [Fact]
    public void Unknown_postcodes_are_told_apart_from_malformed_ones()
    {
        Assert.Equal(PostcodeProblem.Unknown, Table.Lookup("1199 ZZ").Problem);
        Assert.Equal(PostcodeProblem.Malformed, Table.Lookup("99999").Problem);
        Assert.Equal(PostcodeProblem.None, Table.Lookup("1055kl").Problem);
    }

    [Fact]
    public void Distances_are_metres_on_the_earth()
    {
        // Amsterdam Centraal to Rotterdam Centraal: about 57 km as the crow flies.
        var metres = new GeoPoint(52.3791, 4.9003).DistanceMetresTo(new GeoPoint(51.9244, 4.4690));
        Assert.InRange(metres, 56_000, 59_000);
    }
}
