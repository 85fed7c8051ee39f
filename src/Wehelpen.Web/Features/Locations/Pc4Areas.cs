using System.Collections.Frozen;
using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Union;
using NetTopologySuite.Triangulate;

namespace Wehelpen.Web.Features.Locations;

/// <summary>
/// The shapes of the four-digit postcode areas a volunteer can choose to help in. The PC4 table has only a centre
/// per area, so an area's shape is taken to be the land nearer to its centre than to any other centre (its Voronoi
/// cell). That follows real PC4 borders only roughly, but it is exact for what matters here: every person and
/// request is placed at the centre of their PC4, and a centre always lies inside its own cell, so "helps in 1091"
/// covers exactly the people and requests of 1091.
/// </summary>
public sealed class Pc4Areas(PostcodeTable postcodes)
{
    public const int MaxChosen = 30;

    // Cells are built in a plane where a kilometre east is as long as a kilometre north at Dutch latitudes, so that
    // "nearer" means nearer on the ground; then turned back into degrees.
    private const double EastWestScale = 0.6122; // cos 52.25°
    private static readonly GeometryFactory Factory = new();

    private readonly Lazy<FrozenDictionary<string, Polygon>> _cells = new(() => Build(postcodes));

    /// <summary>The cell of one usable PC4, in longitude/latitude; null for a PC4 that is unknown or unusable.</summary>
    public Polygon? Cell(string pc4) => _cells.Value.GetValueOrDefault(pc4);

    /// <summary>The chosen areas as one shape; every code must be a usable PC4.</summary>
    public Geometry Union(IEnumerable<string> pc4s) =>
        UnaryUnionOp.Union(pc4s.Select(p => (Geometry)(Cell(p) ?? throw new ArgumentException($"PC4 {p} has no area.", nameof(pc4s)))).ToList());

    private static FrozenDictionary<string, Polygon> Build(PostcodeTable postcodes)
    {
        var usable = postcodes.Areas.Where(a => a.Usable).ToList();
        var sites = usable.ToDictionary(a => new Coordinate(a.Centre.Longitude * EastWestScale, a.Centre.Latitude), a => a.Pc4);
        var builder = new VoronoiDiagramBuilder();
        builder.SetSites(sites.Keys.ToList());
        // Border areas reach a little beyond the country; requests are always at a centre, so that does no harm.
        var clip = new Envelope(sites.Keys.Min(c => c.X) - 0.1, sites.Keys.Max(c => c.X) + 0.1, sites.Keys.Min(c => c.Y) - 0.1, sites.Keys.Max(c => c.Y) + 0.1);
        builder.ClipEnvelope = clip;
        var diagram = builder.GetDiagram(Factory);
        var cells = new Dictionary<string, Polygon>();
        for (var i = 0; i < diagram.NumGeometries; i++)
        {
            var cell = (Polygon)diagram.GetGeometryN(i);
            var site = (Coordinate)cell.UserData;
            var shell = cell.ExteriorRing.Coordinates.Select(c => new Coordinate(c.X / EastWestScale, c.Y)).ToArray();
            cells[sites[site]] = Factory.CreatePolygon(shell);
        }
        return cells.ToFrozenDictionary();
    }
}
