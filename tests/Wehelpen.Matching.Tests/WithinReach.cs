namespace Wehelpen.Matching.Tests;

/// <summary>
/// The volunteers who could possibly reach a point, found without the engine: everyone with chosen areas whose corners
/// surround the point, and everyone with a radius whose home lies within their stretched radius by the independent
/// <see cref="Reference"/> distance (with a metre to spare; the two formulas agree to far less than that). Nobody else can pass the rules' distance
/// test, so the brute-force scan over these gives the same answer as over everyone, at a fraction of the cost, which
/// lets the comparison run thousands of queries in seconds.
/// </summary>
internal sealed class WithinReach
{
    private readonly (Volunteer Volunteer, VolunteerStats Stats)[] _byLatitude;
    // Kept apart from the volunteers so that the scan over the band reads plain numbers in a row.
    private readonly double[] _latitudes;
    private readonly double[] _longitudes;
    private readonly double[] _radii;
    private readonly ((Volunteer Volunteer, VolunteerStats Stats) Entry, double South, double North, double West, double East)[] _chosen;

    public WithinReach(IEnumerable<(Volunteer Volunteer, VolunteerStats Stats)> volunteers)
    {
        Everyone = [.. volunteers];
        _byLatitude = [.. Everyone.Where(v => !v.Volunteer.Area.IsChosenAreas).OrderBy(v => v.Volunteer.Area.Latitude)];
        _latitudes = [.. _byLatitude.Select(v => v.Volunteer.Area.Latitude)];
        _longitudes = [.. _byLatitude.Select(v => v.Volunteer.Area.Longitude)];
        _radii = [.. _byLatitude.Select(v => v.Volunteer.Area.RadiusMetres)];
        _chosen = [.. Everyone.Where(v => v.Volunteer.Area.IsChosenAreas).Select(v =>
        {
            var corners = v.Volunteer.Area.Areas!.Coordinates;
            return (v, corners.Min(c => c.Y), corners.Max(c => c.Y), corners.Min(c => c.X), corners.Max(c => c.X));
        })];
    }

    public (Volunteer Volunteer, VolunteerStats Stats)[] Everyone { get; }

    public IEnumerable<(Volunteer Volunteer, VolunteerStats Stats)> Of(MatchQuery query)
    {
        // No radius is over 25 km; a degree of latitude is 111,195 m, so 111,000 m a degree gives a band a little wider.
        // Every place in this world lies south of 56° N, where a degree of longitude is still more than 0.55 of a degree
        // of latitude long (cos 56° = 0.559): 61,000 m a degree of longitude is on the safe side.
        var band = 25_000 * query.RadiusFactor / 111_000;
        var from = LowerBound(query.Latitude - band);
        var to = LowerBound(query.Latitude + band);
        var point = (query.Latitude, query.Longitude);
        for (var i = from; i < to; i++)
        {
            var reach = _radii[i] * query.RadiusFactor + 1;
            if (Math.Abs(_latitudes[i] - query.Latitude) * 111_000 > reach || Math.Abs(_longitudes[i] - query.Longitude) * 61_000 > reach) continue;
            if (Reference.Metres((_latitudes[i], _longitudes[i]), point) <= reach) yield return _byLatitude[i];
        }
        // A polygon covers only points between its own southernmost and northernmost, westernmost and easternmost corners.
        foreach (var (entry, south, north, west, east) in _chosen)
            if (query.Latitude >= south && query.Latitude <= north && query.Longitude >= west && query.Longitude <= east) yield return entry;
    }

    private int LowerBound(double latitude)
    {
        var at = Array.BinarySearch(_latitudes, latitude);
        return at >= 0 ? at : ~at;
    }
}
