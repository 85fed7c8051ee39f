using System.Numerics;

namespace Wehelpen.Matching;

/// <summary>
/// Radius volunteers by home, in a grid per radius class and, within a cell, per category. A volunteer whose radius
/// is at most R sits in one cell of R's level (cells of R by R); whoever can reach a point lives within R of it, so a
/// query reads only the cells of the rectangle within R of the point (3 by 3 or so) at each level in use, and in each
/// cell only the request's category. A volunteer is copied once per category they help with; a change moves those
/// copies. The copies hold the volunteers' <see cref="Candidate"/> data inline, so a query reads memory in runs
/// instead of chasing a pointer per candidate; reading memory, not arithmetic, is what a query spends its time on,
/// hence few large cells. Callers hold the engine's lock.
/// </summary>
internal sealed class HomeGrid
{
    private const double MetresPerDegreeLatitude = Earth.RadiusMetres * Math.PI / 180;
    // Longitude cells are wider, so that cells are roughly square at Dutch latitudes (cos 52° ≈ 0.62). Only speed
    // depends on this: the rectangle a query reads comes from exact metres anywhere on the earth.
    private const double LongitudeStretch = 1.6;

    private readonly Level[] _levels;

    public HomeGrid(double maxRadiusMetres)
    {
        var radii = new List<double>();
        for (var radius = 2_500.0; ; radius *= 2)
        {
            radii.Add(Math.Min(radius, maxRadiusMetres));
            if (radius >= maxRadiusMetres) break;
        }
        _levels = [.. radii.Select(r => new Level(r))];
    }

    /// <summary>Where a volunteer's copies are: one per category bit, in bit order.</summary>
    internal sealed class Place(Level level, int categories)
    {
        public Level Level { get; } = level;
        public int Categories { get; } = categories;
        public Bucket[] Buckets { get; } = new Bucket[BitOperations.PopCount((uint)categories)];
        public int[] Positions { get; } = new int[BitOperations.PopCount((uint)categories)];
    }

    public Place Add(in Candidate candidate)
    {
        var radius = candidate.RadiusMetres;
        return _levels.First(l => radius <= l.MaxRadiusMetres).Add(in candidate);
    }

    public void Remove(Place place)
    {
        var copy = 0;
        foreach (var bit in Bits(place.Categories))
        {
            place.Buckets[copy].RemoveAt(place.Positions[copy], bit);
            copy++;
        }
        place.Level.Count--;
    }

    public void UpdateStats(Place place, VolunteerStats stats)
    {
        for (var copy = 0; copy < place.Buckets.Length; copy++) place.Buckets[copy].Slots[place.Positions[copy]].Candidate.Take(stats);
    }

    public void Clear()
    {
        foreach (var level in _levels) level.Clear();
    }

    /// <summary>Offers every volunteer who matches the query to <paramref name="top"/>; counts the eligible and those over the weekly cap.</summary>
    public void Match(PreparedQuery q, TopK top, ref int eligible, ref int overCap)
    {
        var query = q.Query;
        var bit = BitOperations.TrailingZeroCount(query.Category);
        foreach (var level in _levels)
        {
            if (level.Count == 0) continue;
            var box = Earth.Around(query.Latitude, query.Longitude, level.MaxRadiusMetres * query.RadiusFactor);
            var (x0, y0) = level.CellOf(box.MinY, box.MinX);
            var (x1, y1) = level.CellOf(box.MaxY, box.MaxX);
            for (var y = y0; y <= y1; y++)
            for (var x = x0; x <= x1; x++)
            {
                if (!level.Buckets.TryGetValue(Key(x, y, bit), out var bucket)) continue;
                // Every copy in the bucket has the category. The fields of the first look are read from their own
                // small array; the rest of a candidate only for the few that may reach the point.
                var near = bucket.Near;
                var slots = bucket.Slots;
                for (var i = 0; i < bucket.Count; i++)
                {
                    ref readonly var n = ref near[i];
                    if (MatchRules.MayReach(n.Availability, n.Latitude, n.CosLatitude, n.Longitude, n.RadiusMetres, q, out var bounds))
                        MatchRules.ConsiderNear(in slots[i].Candidate, q, bounds, top, ref eligible, ref overCap);
                }
            }
        }
    }

    // Cell coordinates stay far within 27 bits for any step this grid uses (a cell is at least 2.5 km).
    private static long Key(int x, int y, int bit) => ((long)(y & 0x7FF_FFFF) << 32) | ((long)(x & 0x7FF_FFFF) << 5) | (uint)bit;

    internal sealed class Level(double maxRadiusMetres)
    {
        private readonly double _latitudeStep = maxRadiusMetres / MetresPerDegreeLatitude;
        private readonly double _longitudeStep = maxRadiusMetres / MetresPerDegreeLatitude * LongitudeStretch;

        public double MaxRadiusMetres { get; } = maxRadiusMetres;
        public Dictionary<long, Bucket> Buckets { get; } = [];
        public int Count { get; set; }

        public (int X, int Y) CellOf(double latitude, double longitude) =>
            ((int)Math.Floor(longitude / _longitudeStep), (int)Math.Floor(latitude / _latitudeStep));

        public Place Add(in Candidate candidate)
        {
            var (x, y) = CellOf(candidate.Latitude, candidate.Longitude);
            var place = new Place(this, candidate.Categories);
            var copy = 0;
            foreach (var bit in Bits(place.Categories))
            {
                if (!Buckets.TryGetValue(Key(x, y, bit), out var bucket)) Buckets.Add(Key(x, y, bit), bucket = new Bucket());
                place.Buckets[copy] = bucket;
                place.Positions[copy] = bucket.Add(in candidate, place);
                copy++;
            }
            Count++;
            return place;
        }

        public void Clear()
        {
            Buckets.Clear();
            Count = 0;
        }
    }

    /// <summary>The volunteers of one cell who help with one category.</summary>
    internal sealed class Bucket
    {
        public NearFields[] Near = new NearFields[4];
        public Slot[] Slots = new Slot[4];
        public int Count;

        public int Add(in Candidate candidate, Place place)
        {
            if (Count == Slots.Length)
            {
                Array.Resize(ref Slots, Count * 2);
                Array.Resize(ref Near, Count * 2);
            }
            Slots[Count] = new Slot { Candidate = candidate, Place = place };
            Near[Count] = new NearFields(candidate.Latitude, candidate.CosLatitude, candidate.Longitude, candidate.RadiusMetres, candidate.Availability);
            return Count++;
        }

        /// <summary>Removes a slot by moving the last one into it, and tells the moved volunteer's place.</summary>
        public void RemoveAt(int index, int bit)
        {
            var last = --Count;
            if (index != last)
            {
                Slots[index] = Slots[last];
                Near[index] = Near[last];
                var moved = Slots[index].Place;
                moved.Positions[BitOperations.PopCount((uint)moved.Categories & ((1u << bit) - 1))] = index;
            }
            Slots[last] = default;
            Near[last] = default;
        }
    }

    /// <summary>What <see cref="MatchRules.MayReach"/> reads: 40 bytes, so a query reads little memory for the many it drops.</summary>
    internal readonly record struct NearFields(double Latitude, double CosLatitude, double Longitude, double RadiusMetres, int Availability);

    internal struct Slot
    {
        public Candidate Candidate;
        public Place Place;
    }

    private static IEnumerable<int> Bits(int mask)
    {
        for (var bits = (uint)mask; bits != 0; bits &= bits - 1) yield return BitOperations.TrailingZeroCount(bits);
    }
}
