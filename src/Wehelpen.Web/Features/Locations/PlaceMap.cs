namespace Wehelpen.Web.Features.Locations;

/// <summary>
/// A small map of the postcode areas around a person, drawn as SVG on the server: no online map service, no
/// script, and a text alternative for screen readers. Coordinates are kilometres east and south of the
/// top-left corner (an equirectangular projection, accurate enough over a few kilometres).
/// </summary>
public sealed record PlaceMap(double SizeKm, IReadOnlyList<PlaceMap.Dot> Dots, PlaceMap.Dot Home, double? RadiusKm, string HomePlace)
{
    public sealed record Dot(string Pc4, double X, double Y);

    private const double KmPerDegreeLatitude = 111.32;

    public static PlaceMap Around(PostcodeTable table, GeoPoint centre, string pc4, int? radiusKm)
    {
        var halfSize = Math.Max(3, (radiusKm ?? 0) * 1.25);
        var kmPerDegreeLongitude = KmPerDegreeLatitude * Math.Cos(centre.Latitude * Math.PI / 180);
        Dot Project(string code, GeoPoint p) => new(code,
            Math.Round(halfSize + (p.Longitude - centre.Longitude) * kmPerDegreeLongitude, 3),
            Math.Round(halfSize - (p.Latitude - centre.Latitude) * KmPerDegreeLatitude, 3));

        // Only the band of latitudes the map covers is projected: the home page draws this map at every visit.
        var band = (halfSize + 0.001) / KmPerDegreeLatitude; // a dot on the edge is kept after rounding to metres
        var dots = new List<Dot>();
        foreach (var area in table.UsableBetweenLatitudes(centre.Latitude - band, centre.Latitude + band))
        {
            if (area.Pc4 == pc4) continue;
            var dot = Project(area.Pc4, area.Centre);
            if (dot.X >= 0 && dot.X <= 2 * halfSize && dot.Y >= 0 && dot.Y <= 2 * halfSize) dots.Add(dot);
        }
        var place = table.Find(pc4)?.Place ?? "";
        return new PlaceMap(2 * halfSize, dots, Project(pc4, centre), radiusKm, place);
    }
}
