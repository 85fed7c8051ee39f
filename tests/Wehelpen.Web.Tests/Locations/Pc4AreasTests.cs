using NetTopologySuite.Geometries;
using Wehelpen.Web.Features.Locations;

namespace Wehelpen.Web.Tests.Locations;

public sealed class Pc4AreasTests
{
    private static readonly PostcodeTable Postcodes = PostcodeTable.LoadEmbedded();
    private static readonly Pc4Areas Areas = new(Postcodes);

    [Fact]
    public void Every_usable_postcode_area_has_a_cell_that_holds_its_own_centre_and_no_other()
    {
        var usable = Postcodes.Areas.Where(a => a.Usable).ToList();
        var cells = usable.ToDictionary(a => a.Pc4, a => Areas.Cell(a.Pc4));
        Assert.All(cells, c => Assert.NotNull(c.Value));
        foreach (var area in usable)
        {
            var centre = new Point(area.Centre.Longitude, area.Centre.Latitude);
            Assert.True(cells[area.Pc4]!.Contains(centre), $"{area.Pc4} does not hold its own centre");
        }
        // Neighbours of Amsterdam-Oost: the centre of 1092 is not in the cell of 1091, and the other way round.
        var oost = Postcodes.Find("1091")!.Centre;
        Assert.False(cells["1092"]!.Contains(new Point(oost.Longitude, oost.Latitude)));
    }

    [Fact]
    public void Post_box_and_unknown_postcodes_have_no_area()
    {
        Assert.Null(Areas.Cell("1001"));
        Assert.Null(Areas.Cell("0000"));
        Assert.Throws<ArgumentException>(() => Areas.Union(["1091", "1001"]));
    }

    [Fact]
    public void Chosen_areas_join_into_one_shape_that_covers_each_centre()
    {
        var union = Areas.Union(["1091", "1092", "1093"]);
        foreach (var pc4 in new[] { "1091", "1092", "1093" })
        {
            var centre = Postcodes.Find(pc4)!.Centre;
            Assert.True(union.Covers(new Point(centre.Longitude, centre.Latitude)), pc4);
        }
        var dam = Postcodes.Find("1012")!.Centre;
        Assert.False(union.Covers(new Point(dam.Longitude, dam.Latitude)));
    }
}
