using System.Globalization;
using System.Text;
using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Union;
using NetTopologySuite.Triangulate;
using Wehelpen.Web.Features.Areas;
using Wehelpen.Web.Features.Locations;

namespace Wehelpen.Web.Features.Neighbourhoods.Figures;

/// <summary>One gebied on the map: its shape as an SVG path, and where its number goes.</summary>
public sealed record AreaShape(Area Area, Geometry Shape, string Path, double LabelX, double LabelY);

/// <summary>
/// A map of the gebieden made from what the app already has, without any online map: the PC4 table's centres. Each
/// Amsterdam/Weesp postcode gets the land nearer to its centre than to any other (Voronoi cells, with the postcodes
/// around the city as neighbours so the outer cells end halfway to the next town), the cells are joined per gebied,
/// and cut to an outline of 1.5 km around the city's centres (so the sea, the polders and the space between
/// Amsterdam and Weesp stay empty). Rough at the borders, like <see cref="Pc4Areas"/>; built once, on first use.
/// </summary>
public sealed class AreaMap(PostcodeTable postcodes)
{
    /// <summary>Width of the SVG's view box; its height follows from the city's shape.</summary>
    public const double Width = 600;

    private const double EastWestScale = 0.6122; // cos 52.35°: a km east as long as a km north
    private const double OutlineDegrees = 0.0135; // about 1.5 km
    private static readonly GeometryFactory Factory = new();

    private readonly Lazy<(IReadOnlyList<AreaShape> Shapes, double Height)> _built = new(() => Build(postcodes));

    public IReadOnlyList<AreaShape> Shapes => _built.Value.Shapes;
    public double Height => _built.Value.Height;

    private static (IReadOnlyList<AreaShape>, double) Build(PostcodeTable postcodes)
    {
        var usable = postcodes.Areas.Where(a => a.Usable).ToList();
        Coordinate Plane(PostcodeArea a) => new(a.Centre.Longitude * EastWestScale, a.Centre.Latitude);
        var city = usable.Where(a => AmsterdamAreas.ForPc4(a.Pc4) is not null).ToList();
        var around = new Envelope(city.Select(Plane).Select(c => new Coordinate(c.X, c.Y)).Select(c => new Envelope(c)).Aggregate((e, f) => { e.ExpandToInclude(f); return e; }));
        around.ExpandBy(0.06);
        var sites = usable.Select(a => (Pc4: a.Pc4, Site: Plane(a))).Where(s => around.Contains(s.Site)).ToList();

        var builder = new VoronoiDiagramBuilder { ClipEnvelope = around };
        builder.SetSites(sites.Select(s => s.Site).ToList());
        var bySite = sites.ToDictionary(s => s.Site, s => s.Pc4);
        var cells = new Dictionary<string, Geometry>();
        var diagram = builder.GetDiagram(Factory);
        for (var i = 0; i < diagram.NumGeometries; i++)
        {
            var cell = diagram.GetGeometryN(i);
            if (bySite.TryGetValue((Coordinate)cell.UserData, out var pc4)) cells[pc4] = cell;
        }

        var outline = Factory.CreateMultiPoint(city.Select(a => new Point(Plane(a))).ToArray()).Buffer(OutlineDegrees, 6);
        var shapes = AmsterdamAreas.All
            .Select(area => (Area: area, Shape: UnaryUnionOp.Union(AmsterdamAreas.Pc4sOf(area).Where(cells.ContainsKey).Select(p => cells[p]).ToList())))
            .Where(x => x.Shape is not null)
            .Select(x => (x.Area, Shape: x.Shape!.Intersection(outline)))
            .ToList();

        var bounds = new Envelope();
        foreach (var s in shapes) bounds.ExpandToInclude(s.Shape.EnvelopeInternal);
        var scale = Width / bounds.Width;
        (double X, double Y) Svg(Coordinate c) => ((c.X - bounds.MinX) * scale, (bounds.MaxY - c.Y) * scale);
        var result = shapes.Select(s =>
        {
            var largest = Enumerable.Range(0, s.Shape.NumGeometries).Select(s.Shape.GetGeometryN).MaxBy(g => g.Area)!;
            var (x, y) = Svg(largest.InteriorPoint.Coordinate);
            return new AreaShape(s.Area, s.Shape, PathOf(s.Shape, Svg), x, y);
        }).ToList();
        return (result, Math.Ceiling(bounds.Height * scale));
    }

    private static string PathOf(Geometry shape, Func<Coordinate, (double X, double Y)> svg)
    {
        var path = new StringBuilder();
        for (var i = 0; i < shape.NumGeometries; i++)
        {
            if (shape.GetGeometryN(i) is not Polygon polygon) continue;
            foreach (var ring in new[] { polygon.ExteriorRing }.Concat(polygon.InteriorRings))
            {
                var points = ring.Coordinates.Select(svg).ToList();
                for (var p = 0; p < points.Count - 1; p++)
                    path.Append(p == 0 ? 'M' : 'L').Append(Number(points[p].X)).Append(' ').Append(Number(points[p].Y));
                path.Append('Z');
            }
        }
        return path.ToString();
    }

    private static string Number(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}
