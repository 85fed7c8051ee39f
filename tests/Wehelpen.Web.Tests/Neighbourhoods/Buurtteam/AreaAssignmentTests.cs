using Wehelpen.Web.Features.Areas;
using Wehelpen.Web.Features.Locations;
using Wehelpen.Web.Features.Neighbourhoods;

namespace Wehelpen.Web.Tests.Neighbourhoods.Buurtteam;

/// <summary>Every Amsterdam (and Weesp) postcode in the PC4 table belongs to exactly one gebied and stadsdeel.</summary>
public sealed class AreaAssignmentTests
{
    private static readonly PostcodeTable Table = PostcodeTable.LoadEmbedded();

    // The table's place names for the municipality: "Amsterdam", "Amsterdam Zuidoost", and 1099 "Amsterdam-Duivendrecht"
    // (Overamstel). 1114, also "Amsterdam-Duivendrecht", is the village of Duivendrecht in Ouder-Amstel: not Amsterdam.
    private static readonly IReadOnlyList<PostcodeArea> AmsterdamInTable = Table.Areas
        .Where(a => a.Place.StartsWith("Amsterdam", StringComparison.Ordinal) || a.Place == "Weesp")
        .Where(a => a.Pc4 != "1114")
        .OrderBy(a => a.Pc4).ToList();

    [Fact]
    public void Every_Amsterdam_and_Weesp_postcode_in_the_table_has_one_gebied_unless_it_is_a_post_box()
    {
        Assert.True(AmsterdamInTable.Count > 90, $"only {AmsterdamInTable.Count} Amsterdam postcodes found");
        var homeless = AmsterdamInTable.Where(a => AmsterdamAreas.ForPc4(a.Pc4) is null).Select(a => a.Pc4).ToList();
        Assert.Equal(homeless.Order(), AmsterdamAreas.PostBoxPc4s.Where(p => Table.Find(p) is not null).Order());
        Assert.All(AmsterdamInTable.Where(a => !AmsterdamAreas.PostBoxPc4s.Contains(a.Pc4)), a =>
        {
            var area = AmsterdamAreas.ForPc4(a.Pc4);
            Assert.NotNull(area);
            Assert.Contains(area, AmsterdamAreas.In(area.Stadsdeel));
        });
    }

    [Fact]
    public void No_postcode_outside_Amsterdam_and_Weesp_gets_a_gebied()
    {
        var outside = Table.Areas.Where(a => !AmsterdamInTable.Contains(a) && AmsterdamAreas.ForPc4(a.Pc4) is not null).Select(a => $"{a.Pc4} {a.Place}");
        Assert.Empty(outside);
        Assert.Null(AmsterdamAreas.ForPc4("1114"));
        Assert.Null(AmsterdamAreas.ForPc4("1181"));
    }

    [Fact]
    public void There_are_22_gebieden_in_7_stadsdelen_plus_Weesp_and_each_holds_homes()
    {
        Assert.Equal(23, AmsterdamAreas.All.Count);
        Assert.Equal(Enumerable.Range(1, 23), AmsterdamAreas.All.Select(a => a.Number));
        Assert.Equal(22, AmsterdamAreas.All.Count(a => a.Stadsdeel != AmsterdamAreas.Weesp));
        Assert.Equal(7, AmsterdamAreas.All.Where(a => a.Stadsdeel != AmsterdamAreas.Weesp).Select(a => a.Stadsdeel).Distinct().Count());
        Assert.All(AmsterdamAreas.All, a => Assert.NotEmpty(AmsterdamAreas.Pc4sOf(a)));
        Assert.Equal(AmsterdamAreas.All.Count, AmsterdamAreas.All.Select(a => a.Code).Distinct().Count());
    }

    [Theory]
    [InlineData("1055", "Bos en Lommer", "West")]
    [InlineData("1021", "Oud-Noord", "Noord")]
    [InlineData("1078", "De Pijp/Rivierenbuurt", "Zuid")]
    [InlineData("1087", "IJburg/Zeeburgereiland", "Oost")]
    [InlineData("1068", "Osdorp", "Nieuw-West")]
    [InlineData("1102", "Bijlmer-Centrum", "Zuidoost")]
    [InlineData("1109", "Gaasperdam/Driemond", "Zuidoost")]
    [InlineData("1015", "Centrum-West", "Centrum")]
    [InlineData("1382", "Weesp", "Weesp")]
    public void Known_postcodes_lie_in_their_gebied(string pc4, string area, string stadsdeel)
    {
        Assert.Equal(area, AmsterdamAreas.ForPc4(pc4)?.Name);
        Assert.Equal(stadsdeel, AmsterdamAreas.ForPc4(pc4)?.Stadsdeel.Name);
    }

    /// <summary>A typo in the hand-made table would put a postcode far from the rest of its gebied.</summary>
    [Fact]
    public void Every_postcode_lies_near_the_other_postcodes_of_its_gebied()
    {
        foreach (var area in AmsterdamAreas.All)
        {
            var points = AmsterdamAreas.Pc4sOf(area).Select(Table.Find).OfType<PostcodeArea>().Where(p => p.Usable).Select(p => p.Centre).ToList();
            var middle = new GeoPoint(points.Average(p => p.Latitude), points.Average(p => p.Longitude));
            Assert.All(points, p => Assert.True(p.DistanceMetresTo(middle) < 6000, $"{area.Name}: a postcode {p.DistanceMetresTo(middle):0} m from the rest"));
        }
    }
}
