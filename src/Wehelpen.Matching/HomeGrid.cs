using System.Runtime.InteropServices;

namespace Wehelpen.Matching;

/// <summary>
/// Radius volunteers by home, in a grid per radius class. A volunteer whose radius is at most R sits in one cell of
/// R's level (cells of R/2); whoever can reach a point lives within R of it, so a query reads only the cells of the
/// rectangle within R of the point, at each level in use. One entry per volunteer, and a change moves one entry.
/// Cells hold the volunteers' <see cref="Candidate"/> data inline, so a query reads memory in runs instead of
/// chasing a pointer per candidate. Callers hold the engine's lock.
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

    public (Cell Cell, int Index) Add(in Candidate candidate)
    {
        var radius = candidate.RadiusMetres;
        return _levels.First(l => radius <= l.MaxRadiusMetres).Add(in candidate);
    }

    public void Clear()
    {
        foreach (var level in _levels) level.Clear();
    }

    /// <summary>Offers every volunteer who matches the query to <paramref name="top"/>; counts the eligible and those over the weekly cap.</summary>
    public void Match(PreparedQuery q, TopK top, ref int eligible, ref int overCap)
    {
        var query = q.Query;
        foreach (var level in _levels)
        {
            if (level.Count == 0) continue;
            var box = Earth.Around(query.Latitude, query.Longitude, level.MaxRadiusMetres * query.RadiusFactor);
            var (x0, y0) = level.CellOf(box.MinY, box.MinX);
            var (x1, y1) = level.CellOf(box.MaxY, box.MaxX);
            for (var y = y0; y <= y1; y++)
            for (var x = x0; x <= x1; x++)
            {
                if (!level.Cells.TryGetValue(Key(x, y), out var cell)) continue;
                var slots = cell.Slots;
                for (var i = 0; i < cell.Count; i++)
                {
                    ref readonly var candidate = ref slots[i];
                    switch (MatchRules.Check(in candidate, q, out var distance))
                    {
                        case MatchRules.Outcome.Yes:
                            eligible++;
                            top.Offer(in candidate, MatchRules.Score(in candidate, distance, query.Now, q.Options), distance);
                            break;
                        case MatchRules.Outcome.OverWeeklyCap:
                            overCap++;
                            break;
                    }
                }
            }
        }
    }

    private static long Key(int x, int y) => ((long)y << 32) | (uint)x;

    internal sealed class Level(double maxRadiusMetres)
    {
        private readonly double _latitudeStep = maxRadiusMetres / 2 / MetresPerDegreeLatitude;
        private readonly double _longitudeStep = maxRadiusMetres / 2 / MetresPerDegreeLatitude * LongitudeStretch;

        public double MaxRadiusMetres { get; } = maxRadiusMetres;
        public Dictionary<long, Cell> Cells { get; } = [];
        public int Count { get; set; }

        public (int X, int Y) CellOf(double latitude, double longitude) =>
            ((int)Math.Floor(longitude / _longitudeStep), (int)Math.Floor(latitude / _latitudeStep));

        public (Cell, int) Add(in Candidate candidate)
        {
            var (x, y) = CellOf(candidate.Latitude, candidate.Longitude);
            ref var cell = ref CollectionsMarshal.GetValueRefOrAddDefault(Cells, Key(x, y), out _);
            cell ??= new Cell(this);
            Count++;
            return (cell, cell.Add(in candidate));
        }

        public void Clear()
        {
            Cells.Clear();
            Count = 0;
        }
    }

    internal sealed class Cell(Level level)
    {
        public Candidate[] Slots = new Candidate[4];
        public int Count;

        /// <summary>Called with (volunteer id, new index) when removing moved the last slot into the gap.</summary>
        public int Add(in Candidate candidate)
        {
            if (Count == Slots.Length) Array.Resize(ref Slots, Count * 2);
            Slots[Count] = candidate;
            return Count++;
        }

        /// <summary>Removes a slot by moving the last one into it; returns the volunteer that moved, if any.</summary>
        public Volunteer? RemoveAt(int index)
        {
            var last = --Count;
            level.Count--;
            Volunteer? moved = null;
            if (index != last)
            {
                Slots[index] = Slots[last];
                moved = Slots[index].Volunteer;
            }
            Slots[last] = default;
            return moved;
        }
    }
}
