using System.Text.Json;

namespace Wehelpen.Benchmarks;

/// <summary>
/// The usable Dutch PC4 centre points, each weighted by how many usable PC4 points lie within 3 km of it (itself
/// included): a cheap proxy for population density, since postcode areas are small where many people live. A city
/// centre point weighs 30-70, a village in the countryside 1-3, so data drawn with these weights is dense in cities.
/// </summary>
public sealed class Pc4Points
{
    public const double DensityRadiusMetres = 3_000;

    private readonly double[] _cumulativeWeight;

    private Pc4Points(IReadOnlyList<(string Pc4, double Latitude, double Longitude)> points)
    {
        Codes = [.. points.Select(p => p.Pc4)];
        Latitudes = [.. points.Select(p => p.Latitude)];
        Longitudes = [.. points.Select(p => p.Longitude)];
        Weights = NeighboursWithin(DensityRadiusMetres);
        _cumulativeWeight = new double[Count];
        var sum = 0.0;
        for (var i = 0; i < Count; i++) _cumulativeWeight[i] = sum += Weights[i];
    }

    public string[] Codes { get; }
    public double[] Latitudes { get; }
    public double[] Longitudes { get; }
    public int[] Weights { get; }
    public int Count => Codes.Length;

    /// <summary>A point index drawn with the density weights.</summary>
    public int Pick(Random random)
    {
        var at = Array.BinarySearch(_cumulativeWeight, random.NextDouble() * _cumulativeWeight[^1]);
        return Math.Min(at < 0 ? ~at : at, Count - 1);
    }

    /// <summary>
    /// The points within <paramref name="metres"/> of a place (a flat-earth distance, as for the weights), weighted
    /// again among themselves: a city and its suburbs, dense in the middle.
    /// </summary>
    public Pc4Points Around(double latitude, double longitude, double metres)
    {
        var lonScale = Math.Cos(latitude * Math.PI / 180);
        return new Pc4Points([.. Enumerable.Range(0, Count)
            .Where(i => Square((Latitudes[i] - latitude) * MetresPerDegree) + Square((Longitudes[i] - longitude) * MetresPerDegree * lonScale) <= metres * metres)
            .Select(i => (Codes[i], Latitudes[i], Longitudes[i]))]);
    }

    private const double MetresPerDegree = 111_195;

    private static double Square(double x) => x * x;

    /// <summary>
    /// Reads src/Wehelpen.Web/Features/Locations/nl-pc4-centroids.json of this clone, skipping what the app's
    /// PostcodeTable refuses: points shared by several postcodes (post-box ranges) and points outside the country.
    /// </summary>
    public static Pc4Points Load()
    {
        var path = Repository.File("src", "Wehelpen.Web", "Features", "Locations", "nl-pc4-centroids.json");
        using var stream = File.OpenRead(path);
        using var json = JsonDocument.Parse(stream);
        var rows = json.RootElement.EnumerateObject()
            .Select(p => (Pc4: p.Name, Latitude: p.Value.GetProperty("c")[0].GetDouble(), Longitude: p.Value.GetProperty("c")[1].GetDouble()))
            .ToList();
        var shared = rows.GroupBy(r => (Math.Round(r.Latitude, 5), Math.Round(r.Longitude, 5))).Where(g => g.Count() > 1)
            .SelectMany(g => g.Select(r => r.Pc4)).ToHashSet();
        return new Pc4Points([.. rows
            .Where(r => !shared.Contains(r.Pc4) && r.Latitude is > 50.7 and < 53.6 && r.Longitude is > 3.3 and < 7.25)
            .OrderBy(r => r.Pc4, StringComparer.Ordinal)]);
    }

    // A flat-earth distance is plenty for a density proxy at these latitudes, and 4,000² pairs stay cheap.
    private int[] NeighboursWithin(double metres)
    {
        var lonScale = Math.Cos(52.2 * Math.PI / 180);
        var limit = metres * metres;
        var counts = new int[Count];
        for (var i = 0; i < Count; i++)
        for (var j = i; j < Count; j++)
        {
            var dy = (Latitudes[i] - Latitudes[j]) * MetresPerDegree;
            var dx = (Longitudes[i] - Longitudes[j]) * MetresPerDegree * lonScale;
            if (dx * dx + dy * dy > limit) continue;
            counts[i]++;
            if (i != j) counts[j]++;
        }
        return counts;
    }
}
