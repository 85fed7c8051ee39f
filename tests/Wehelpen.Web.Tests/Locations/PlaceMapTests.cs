using Wehelpen.Web.Features.Locations;

namespace Wehelpen.Web.Tests.Locations;

public sealed class PlaceMapTests
{
    private static readonly PostcodeTable Table = PostcodeTable.LoadEmbedded();

    [Theory]
    [InlineData("1055", null)]   // Amsterdam, no radius: the 3 km map
    [InlineData("1055", 5)]
    [InlineData("3511", 10)]     // Utrecht
    [InlineData("9711", 25)]     // Groningen, near the edge of the country
    [InlineData("4381", 2)]      // Vlissingen
    public void The_map_shows_every_usable_area_in_its_square_and_nothing_outside_it(string pc4, int? radiusKm)
    {
        var home = Table.Find(pc4)!;

        var map = PlaceMap.Around(Table, home.Centre, pc4, radiusKm);

        var inside = Table.Areas.Where(a => a.Usable && a.Pc4 != pc4)
            .Where(a => Within(map, a.Centre, home.Centre)).Select(a => a.Pc4).Order().ToList();
        Assert.NotEmpty(inside);
        Assert.Equal(inside, map.Dots.Select(d => d.Pc4).Order().ToList());
        Assert.All(map.Dots, d => Assert.InRange(d.X, 0, map.SizeKm));
        Assert.All(map.Dots, d => Assert.InRange(d.Y, 0, map.SizeKm));
    }

    // The square by plain distance in kilometres east-west and north-south, not the map's own projection code.
    private static bool Within(PlaceMap map, GeoPoint p, GeoPoint centre)
    {
        var half = map.SizeKm / 2;
        var northKm = (p.Latitude - centre.Latitude) * 111.32;
        var eastKm = (p.Longitude - centre.Longitude) * 111.32 * Math.Cos(centre.Latitude * Math.PI / 180);
        return Math.Abs(Math.Round(northKm, 3)) <= half && Math.Abs(Math.Round(eastKm, 3)) <= half;
    }
}
