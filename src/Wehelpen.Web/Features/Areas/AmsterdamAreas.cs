using System.Collections.Frozen;

namespace Wehelpen.Web.Features.Areas;

/// <summary>
/// Amsterdam's 22 gebieden in 7 stadsdelen, plus Weesp, and which four-digit postcode lies in which.
/// <para>
/// Source and accuracy (also in docs/features.md, "Neighbourhood"): the gebieden are the municipality's gebiedsindeling of 2015 (22
/// gebieden, numbered 1-22 as on the municipality's maps; Westpoort, a port area with almost nobody living in it, is
/// not one of them). Postcodes follow streets, gebieden follow water and roads, and the two do not coincide: the
/// PC4 → gebied table below was compiled by hand from the gebied borders and the PC4 areas, giving each PC4 to the
/// gebied where most of its homes are. For <see cref="SplitPc4s"/> a noticeable part of the homes lies in a
/// neighbouring gebied, so a few people there are counted one gebied off; a six-position postcode table (BAG) would
/// settle them, and it is not in this repository. Weesp's postcodes are in the PC4 table under "Weesp"; Driemond
/// (1109) belongs to gebied 22 Gaasperdam/Driemond, as in 2015. Post-box numbers have no homes and so no gebied.
/// </para>
/// </summary>
public static class AmsterdamAreas
{
    public static readonly Stadsdeel Centrum = new("centrum", "Centrum");
    public static readonly Stadsdeel West = new("west", "West");
    public static readonly Stadsdeel NieuwWest = new("nieuw-west", "Nieuw-West");
    public static readonly Stadsdeel Zuid = new("zuid", "Zuid");
    public static readonly Stadsdeel Oost = new("oost", "Oost");
    public static readonly Stadsdeel Noord = new("noord", "Noord");
    public static readonly Stadsdeel Zuidoost = new("zuidoost", "Zuidoost");
    public static readonly Stadsdeel Weesp = new("weesp", "Weesp");

    public static readonly IReadOnlyList<Stadsdeel> Stadsdelen = [Centrum, West, NieuwWest, Zuid, Oost, Noord, Zuidoost, Weesp];

    public static readonly IReadOnlyList<Area> All =
    [
        new("centrum-west", 1, "Centrum-West", Centrum, "#f6b092"),
        new("centrum-oost", 2, "Centrum-Oost", Centrum, "#fbd5c2"),
        new("westerpark", 3, "Westerpark", West, "#9ecae1"),
        new("bos-en-lommer", 4, "Bos en Lommer", West, "#c6dbef"),
        new("oud-west-de-baarsjes", 5, "Oud-West/De Baarsjes", West, "#7fb8dc"),
        new("geuzenveld-slotermeer", 6, "Geuzenveld-Slotermeer", NieuwWest, "#a1d99b"),
        new("osdorp", 7, "Osdorp", NieuwWest, "#d9f0d3"),
        new("de-aker-nieuw-sloten", 8, "De Aker/Nieuw Sloten", NieuwWest, "#7cc576"),
        new("slotervaart", 9, "Slotervaart", NieuwWest, "#c7e9c0"),
        new("oud-zuid", 10, "Oud-Zuid", Zuid, "#fdd0a2"),
        new("buitenveldert-zuidas", 11, "Buitenveldert/Zuidas", Zuid, "#fdae6b"),
        new("de-pijp-rivierenbuurt", 12, "De Pijp/Rivierenbuurt", Zuid, "#feecd9"),
        new("oud-oost", 13, "Oud-Oost", Oost, "#bcbddc"),
        new("indische-buurt-oostelijk-havengebied", 14, "Indische Buurt/Oostelijk Havengebied", Oost, "#e2e1f0"),
        new("watergraafsmeer", 15, "Watergraafsmeer", Oost, "#a5a2cf"),
        new("ijburg-zeeburgereiland", 16, "IJburg/Zeeburgereiland", Oost, "#d0cfe6"),
        new("noord-west", 17, "Noord-West", Noord, "#fee391"),
        new("oud-noord", 18, "Oud-Noord", Noord, "#fec44f"),
        new("noord-oost", 19, "Noord-Oost", Noord, "#fff3b0"),
        new("bijlmer-centrum", 20, "Bijlmer-Centrum", Zuidoost, "#fbb4c9"),
        new("bijlmer-oost", 21, "Bijlmer-Oost", Zuidoost, "#fcd5d2"),
        new("gaasperdam-driemond", 22, "Gaasperdam/Driemond", Zuidoost, "#f59bb5"),
        new("weesp", 23, "Weesp", Weesp, "#d9d9d9"),
    ];

    private static readonly FrozenDictionary<string, Area> ByCode = All.ToFrozenDictionary(a => a.Code);

    private static readonly FrozenDictionary<string, Area> ByPc4 = new Dictionary<string, string[]>
    {
        ["centrum-west"] = ["1012", "1015", "1016"],
        ["centrum-oost"] = ["1011", "1017", "1018"],
        ["westerpark"] = ["1013", "1014", "1051", "1052"],
        ["bos-en-lommer"] = ["1055"],
        ["oud-west-de-baarsjes"] = ["1053", "1054", "1056", "1057", "1058"],
        // Westpoort's few homes (1041-1047) go to the nearest gebied that has a buurtteam.
        ["geuzenveld-slotermeer"] = ["1041", "1042", "1043", "1044", "1045", "1046", "1047", "1061", "1063", "1064", "1067"],
        ["osdorp"] = ["1068", "1069"],
        ["de-aker-nieuw-sloten"] = ["1066"],
        ["slotervaart"] = ["1062", "1065"],
        ["oud-zuid"] = ["1059", "1071", "1075", "1076", "1077"],
        ["buitenveldert-zuidas"] = ["1081", "1082", "1083"],
        ["de-pijp-rivierenbuurt"] = ["1072", "1073", "1074", "1078", "1079"],
        ["oud-oost"] = ["1091", "1092", "1093"],
        ["indische-buurt-oostelijk-havengebied"] = ["1019", "1094", "1095"],
        ["watergraafsmeer"] = ["1096", "1097", "1098", "1099"],
        ["ijburg-zeeburgereiland"] = ["1086", "1087"],
        ["noord-west"] = ["1033", "1034", "1035", "1036", "1037"],
        ["oud-noord"] = ["1021", "1022", "1023", "1031", "1032"],
        ["noord-oost"] = ["1024", "1025", "1026", "1027", "1028"],
        ["bijlmer-centrum"] = ["1101", "1102"],
        ["bijlmer-oost"] = ["1103", "1104"],
        ["gaasperdam-driemond"] = ["1105", "1106", "1107", "1108", "1109"],
        ["weesp"] = ["1381", "1382", "1383", "1384"],
    }.SelectMany(kv => kv.Value.Select(pc4 => (pc4, area: ByCode[kv.Key]))).ToFrozenDictionary(x => x.pc4, x => x.area);

    /// <summary>
    /// Amsterdam's (and Weesp's) post-box numbers: addresses of PO boxes, not of homes. Some carry a made-up point in
    /// the PC4 table, somewhere in the city; they belong to no gebied.
    /// </summary>
    public static readonly FrozenSet<string> PostBoxPc4s =
        FrozenSet.ToFrozenSet(["1000", "1001", "1002", "1003", "1004", "1005", "1006", "1007", "1008", "1009",
            "1020", "1030", "1040", "1060", "1070", "1080", "1090", "1100", "1380"]);

    /// <summary>PC4s whose homes lie in two gebieden to a noticeable degree (see the class remarks); given to the one with most.</summary>
    public static readonly FrozenSet<string> SplitPc4s =
        FrozenSet.ToFrozenSet(["1012", "1013", "1014", "1043", "1058", "1059", "1061", "1066", "1069", "1077", "1095", "1096"]);

    public static IEnumerable<string> Pc4s => ByPc4.Keys;

    /// <summary>The gebied of a four-digit postcode; null outside Amsterdam and Weesp, and for post boxes.</summary>
    public static Area? ForPc4(string? pc4) => pc4 is null ? null : ByPc4.GetValueOrDefault(pc4);

    public static Area? Find(string? code) => code is null ? null : ByCode.GetValueOrDefault(code);

    public static IReadOnlyList<string> Pc4sOf(Area area) => ByPc4.Where(kv => kv.Value == area).Select(kv => kv.Key).Order().ToList();

    public static IReadOnlyList<string> Pc4sOf(IEnumerable<string> areaCodes)
    {
        var codes = areaCodes.ToHashSet();
        return ByPc4.Where(kv => codes.Contains(kv.Value.Code)).Select(kv => kv.Key).Order().ToList();
    }

    public static IEnumerable<Area> In(Stadsdeel stadsdeel) => All.Where(a => a.Stadsdeel == stadsdeel);
}
