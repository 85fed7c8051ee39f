using NetTopologySuite.Geometries;
using Wehelpen.Web.Features.Areas;
using Wehelpen.Web.Features.Locations;
using Wehelpen.Web.Features.Neighbourhoods;
using Wehelpen.Web.Features.Neighbourhoods.Figures;

namespace Wehelpen.Web.Tests.Neighbourhoods.Figures;

public sealed class AreaMapTests
{
    private static readonly AreaMap Map = new(PostcodeTable.LoadEmbedded());

    [Fact]
    public void Every_gebied_has_one_shape_holding_its_postcodes()
    {
        Assert.Equal(AmsterdamAreas.All.Select(a => a.Code), Map.Shapes.Select(s => s.Area.Code));
        var table = PostcodeTable.LoadEmbedded();
        foreach (var shape in Map.Shapes)
        {
            Assert.False(shape.Shape.IsEmpty, shape.Area.Name);
            Assert.StartsWith("M", shape.Path);
            Assert.InRange(shape.LabelX, 0, AreaMap.Width);
            Assert.InRange(shape.LabelY, 0, Map.Height);
            foreach (var pc4 in AmsterdamAreas.Pc4sOf(shape.Area))
                if (table.Find(pc4) is { Usable: true } area)
                    Assert.True(shape.Shape.Covers(new Point(area.Centre.Longitude * 0.6122, area.Centre.Latitude)), $"{pc4} outside {shape.Area.Name}");
        }
    }

    [Fact]
    public void The_shapes_do_not_overlap()
    {
        var shapes = Map.Shapes;
        for (var i = 0; i < shapes.Count; i++)
            for (var j = i + 1; j < shapes.Count; j++)
                Assert.True(shapes[i].Shape.Intersection(shapes[j].Shape).Area < 1e-9 * shapes[i].Shape.Area,
                    $"{shapes[i].Area.Name} overlaps {shapes[j].Area.Name}");
    }
}
