using System.Collections.Frozen;
using System.Text.Json;

namespace Wehelpen.Web.Features.Locations;

/// <summary>
/// The Dutch PC4 table (nl-pc4-centroids.json, MIT, see the LICENSE beside it), loaded once.
/// The table has quirks the code must not trust blindly:
/// post-box ranges (1000-1009 in Amsterdam, 3000-3007 in Rotterdam, ...) carry a made-up point that several
/// postcodes share, sometimes far from their place (1002 and 1003 lie near Rotterdam); and three entries
/// (1940, 3440, 9640) lie outside the Netherlands altogether. Real postcode areas never share a centre,
/// so both kinds are marked unusable.
/// </summary>
public sealed class PostcodeTable
{
    private const string ResourceName = "Wehelpen.Web.nl-pc4-centroids.json";

    private readonly FrozenDictionary<string, PostcodeArea> _areas;

    // The usable areas ordered by latitude, so that a map of a few kilometres reads a band of the country, not all of it.
    private readonly PostcodeArea[] _usableByLatitude;

    public PostcodeTable(IEnumerable<(string Pc4, string Place, GeoPoint Centre)> rows)
    {
        var list = rows.ToList();
        var sharedCentres = list
            .GroupBy(r => (Math.Round(r.Centre.Latitude, 5), Math.Round(r.Centre.Longitude, 5)))
            .Where(g => g.Count() > 1)
            .SelectMany(g => g.Select(r => r.Pc4))
            .ToHashSet();
        _areas = list.ToFrozenDictionary(
            r => r.Pc4,
            r => new PostcodeArea(r.Pc4, r.Place, r.Centre, !sharedCentres.Contains(r.Pc4) && InsideNetherlands(r.Centre)));
        _usableByLatitude = _areas.Values.Where(a => a.Usable).OrderBy(a => a.Centre.Latitude).ThenBy(a => a.Pc4, StringComparer.Ordinal).ToArray();
    }

    public IEnumerable<PostcodeArea> Areas => _areas.Values;

    public PostcodeArea? Find(string pc4) => _areas.GetValueOrDefault(pc4);

    /// <summary>The usable areas whose centre lies from <paramref name="south"/> to <paramref name="north"/> degrees, south to north.</summary>
    public ReadOnlySpan<PostcodeArea> UsableBetweenLatitudes(double south, double north)
    {
        var from = FirstAtOrNorthOf(south);
        var to = FirstAtOrNorthOf(Math.BitIncrement(north));
        return _usableByLatitude.AsSpan(from, Math.Max(0, to - from));
    }

    private int FirstAtOrNorthOf(double latitude)
    {
        int low = 0, high = _usableByLatitude.Length;
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (_usableByLatitude[middle].Centre.Latitude < latitude) low = middle + 1; else high = middle;
        }
        return low;
    }

    /// <summary>Looks up what a person typed and says, in terms they can act on, why it cannot be used.</summary>
    public PostcodeLookup Lookup(string? input)
    {
        if (!Postcode.TryParse(input, out var postcode)) return new PostcodeLookup(PostcodeProblem.Malformed, null, null);
        var area = Find(postcode.Pc4);
        if (area is null) return new PostcodeLookup(PostcodeProblem.Unknown, postcode, null);
        if (!area.Usable) return new PostcodeLookup(PostcodeProblem.PostBox, postcode, area);
        return new PostcodeLookup(PostcodeProblem.None, postcode, area);
    }

    public static PostcodeTable LoadEmbedded()
    {
        using var stream = typeof(PostcodeTable).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing.");
        var raw = JsonSerializer.Deserialize<Dictionary<string, RawEntry>>(stream)
            ?? throw new InvalidOperationException("The PC4 table is empty.");
        return new PostcodeTable(raw.Select(kv => (kv.Key, kv.Value.city, new GeoPoint(kv.Value.c[0], kv.Value.c[1]))));
    }

    private static bool InsideNetherlands(GeoPoint p) =>
        p.Latitude is > 50.7 and < 53.6 && p.Longitude is > 3.3 and < 7.25;

#pragma warning disable IDE1006 // names as in the JSON file
    private sealed record RawEntry(string city, double[] c);
#pragma warning restore IDE1006
}

public enum PostcodeProblem { None, Malformed, Unknown, PostBox }

public sealed record PostcodeLookup(PostcodeProblem Problem, Postcode? Postcode, PostcodeArea? Area)
{
    public bool IsUsable => Problem == PostcodeProblem.None;
}
