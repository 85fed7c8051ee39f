using Wehelpen.Matching;

namespace Wehelpen.Benchmarks.Matching;

/// <summary>
/// Volunteers, requests and queries as the Netherlands might hold them, from fixed seeds (the same numbers every run).
/// Homes: a PC4 point drawn by density weight (<see cref="Pc4Points"/>), jittered uniformly within 500 m; radius 5 km
/// for everyone. Requests lie on their requester's PC4 point, drawn with the same weights. The shares below are
/// guesses from how volunteer centres describe their work, written down so they can be argued with.
/// </summary>
internal sealed class MatchingData
{
    /// <summary>A Wednesday morning in March, Amsterdam time; the daylight-saving change falls within the two weeks ahead.</summary>
    public static readonly DateTimeOffset Now = new(2025, 3, 12, 9, 30, 0, TimeSpan.FromHours(1));
    public const double RadiusMetres = 5_000;
    public const double JitterMetres = 500;
    public const int Take = 20;

    // Web categories (HelpCategories): Shopping 1, Transport 2, Company 4, OddJobs 8, Administration 16, Other 32.
    private static readonly (int Category, double Weight)[] OfferedCategories = [(1, 30), (4, 25), (2, 15), (8, 15), (16, 8), (32, 7)];
    private static readonly (int Category, double Weight)[] AskedCategories = [(1, 30), (2, 25), (4, 20), (8, 12), (16, 8), (32, 5)];
    // How many categories a volunteer helps with: 1 (45%), 2 (35%), 3 (15%), 4 (5%).
    private static readonly (int Count, double Weight)[] CategoryCounts = [(1, 45), (2, 35), (3, 15), (4, 5)];

    private readonly Pc4Points _points;
    private List<int>[]? _residents;

    private MatchingData(Pc4Points points, int n)
    {
        _points = points;
        Volunteers = new Volunteer[n];
        Stats = new VolunteerStats[n];
        HomePc4 = new int[n];
    }

    public Volunteer[] Volunteers { get; }
    public VolunteerStats[] Stats { get; }
    public int[] HomePc4 { get; }
    public int Count => Volunteers.Length;

    public IEnumerable<(Volunteer, VolunteerStats)> Pairs => Volunteers.Zip(Stats);

    public static MatchingData Generate(Pc4Points points, int n, int seed = 1)
    {
        var data = new MatchingData(points, n);
        var random = new Random(seed);
        for (var i = 0; i < n; i++)
        {
            var pc4 = points.Pick(random);
            data.HomePc4[i] = pc4;
            data.Volunteers[i] = new Volunteer(Id(random), data.Home(pc4, RadiusMetres, random), Categories(random), Availability(random));
            data.Stats[i] = StatsOf(random);
        }
        return data;
    }

    /// <summary>Brute force's input, built once outside any timing.</summary>
    public Candidate[] Candidates() => [.. Volunteers.Select((v, i) => Candidate.From(v, Stats[i]))];

    /// <summary>
    /// First-wave queries: 30% asked by a volunteer from their own PC4 (so the requester must be left out), the
    /// rest by someone else at a weighted point; 15% of circles blocked 1-3 people from that PC4.
    /// </summary>
    public MatchQuery[] Queries(int count, int seed)
    {
        var random = new Random(seed);
        var queries = new MatchQuery[count];
        for (var q = 0; q < count; q++)
        {
            int pc4;
            string requester;
            if (random.NextDouble() < 0.3)
            {
                var volunteer = random.Next(Count);
                (pc4, requester) = (HomePc4[volunteer], Volunteers[volunteer].Id);
            }
            else (pc4, requester) = (_points.Pick(random), Id(random));
            var (startsAt, endsAt) = Window(random);
            var blocked = random.NextDouble() < 0.15 ? ResidentsOf(pc4, random.Next(1, 4), random) : [];
            queries[q] = new MatchQuery(_points.Latitudes[pc4], _points.Longitudes[pc4], Pick(AskedCategories, random),
                WeekSlots.Covering(startsAt, endsAt, Now), Now, Take) { RequesterId = requester, Blocked = blocked };
        }
        return queries;
    }

    /// <summary>
    /// Open requests for the volunteers' lists: 5% already past their end, 10% asked by a volunteer of that PC4,
    /// two requests per circle on average.
    /// </summary>
    public OpenRequest[] Requests(int count, int seed)
    {
        var random = new Random(seed);
        var circles = Enumerable.Range(0, Math.Max(1, count / 2)).Select(_ => Guid(random)).ToArray();
        var requests = new OpenRequest[count];
        for (var r = 0; r < count; r++)
        {
            var pc4 = _points.Pick(random);
            var (startsAt, endsAt) = random.NextDouble() < 0.05 ? (Now.AddDays(-2), Now.AddDays(-1)) : Window(random);
            var requester = random.NextDouble() < 0.1 && ResidentsOf(pc4, 1, random).FirstOrDefault() is { } resident ? resident : Id(random);
            requests[r] = new OpenRequest(Guid(random), _points.Latitudes[pc4], _points.Longitudes[pc4], Pick(AskedCategories, random),
                startsAt, endsAt, requester, circles[random.Next(circles.Length)]);
        }
        return requests;
    }

    /// <summary>Random volunteers opening their list; 10% were blocked by the circles of 1-2 requests in their own PC4.</summary>
    public (Volunteer Volunteer, IReadOnlySet<Guid> BlockedBy)[] NearMeQueries(int count, OpenRequest[] requests, int seed)
    {
        var random = new Random(seed);
        var circlesAt = requests.ToLookup(r => (r.Latitude, r.Longitude), r => r.CircleId);
        var queries = new (Volunteer, IReadOnlySet<Guid>)[count];
        for (var q = 0; q < count; q++)
        {
            var v = random.Next(Count);
            var pc4 = HomePc4[v];
            var nearby = circlesAt[(_points.Latitudes[pc4], _points.Longitudes[pc4])].ToArray();
            var blockedBy = new HashSet<Guid>();
            if (nearby.Length > 0 && random.NextDouble() < 0.1)
                for (var b = random.Next(1, 3); b > 0; b--) blockedBy.Add(nearby[random.Next(nearby.Length)]);
            queries[q] = (Volunteers[v], blockedBy);
        }
        return queries;
    }

    /// <summary>Volunteer <paramref name="index"/> moves house, chooses another radius (2-15 km) and other categories.</summary>
    public Volunteer Move(int index, Random random)
    {
        double[] radiiKm = [2, 3, 5, 5, 5, 8, 10, 15];
        var pc4 = _points.Pick(random);
        HomePc4[index] = pc4;
        _residents = null;
        var area = Home(pc4, radiiKm[random.Next(radiiKm.Length)] * 1000, random);
        return Volunteers[index] = Volunteers[index] with { Area = area, Categories = Categories(random) };
    }

    private ServiceArea Home(int pc4, double radius, Random random)
    {
        const double metresPerDegree = 111_195;
        var distance = JitterMetres * Math.Sqrt(random.NextDouble());
        var angle = random.NextDouble() * 2 * Math.PI;
        var latitude = _points.Latitudes[pc4] + distance * Math.Cos(angle) / metresPerDegree;
        var longitude = _points.Longitudes[pc4] + distance * Math.Sin(angle) / (metresPerDegree * Math.Cos(latitude * Math.PI / 180));
        return ServiceArea.Radius(latitude, longitude, radius);
    }

    private static int Categories(Random random)
    {
        var mask = 0;
        for (var want = Pick(CategoryCounts, random); System.Numerics.BitOperations.PopCount((uint)mask) < want;)
            mask |= Pick(OfferedCategories, random);
        return mask;
    }

    /// <summary>
    /// 40% any time (0). The rest: weekday daytime (retired, 25%), weekday evenings (working, 15%), weekends (10%),
    /// or 2-8 scattered day parts (10%).
    /// </summary>
    private static int Availability(Random random)
    {
        const int weekdays = (1 << 15) - 1, mornings = 0b001_001_001_001_001, afternoons = mornings << 1, evenings = mornings << 2;
        var roll = random.NextDouble();
        if (roll < 0.40) return 0;
        if (roll < 0.65) return (mornings | afternoons) & weekdays;
        if (roll < 0.80) return evenings & weekdays;
        if (roll < 0.90) return WeekSlots.All & ~weekdays;
        var mask = 0;
        for (var parts = random.Next(2, 9); parts > 0; parts--) mask |= 1 << random.Next(21);
        return mask;
    }

    /// <summary>
    /// Open claims 0 (65%), 1 (25%), 2 (8%), 3 (2%); 30% never claimed, the others 1-40 claims of which 70-100%
    /// completed; alerts in the last seven days: none (70%), 1-2 (20%), 3-4 (8%), 5 = the weekly cap (2%).
    /// </summary>
    private static VolunteerStats StatsOf(Random random)
    {
        var roll = random.NextDouble();
        var open = roll < 0.65 ? 0 : roll < 0.90 ? 1 : roll < 0.98 ? 2 : 3;
        var claims = random.NextDouble() < 0.3 ? 0 : (int)Math.Ceiling(40 * Math.Pow(random.NextDouble(), 2));
        var completed = (int)Math.Round(claims * (0.7 + 0.3 * random.NextDouble()));
        roll = random.NextDouble();
        var alerts = roll < 0.70 ? 0 : roll < 0.90 ? random.Next(1, 3) : roll < 0.98 ? random.Next(3, 5) : 5;
        var times = new DateTimeOffset[alerts];
        for (var a = 0; a < alerts; a++) times[a] = Now - TimeSpan.FromMinutes(random.Next(60, 7 * 24 * 60));
        return new VolunteerStats(open, claims, completed, times);
    }

    /// <summary>
    /// 65%: a window of 1-4 hours starting 08:00-19:30 on one of the next 14 days; 35%: flexible, any time up to a
    /// deadline at 18:00 in 1-10 days.
    /// </summary>
    private static (DateTimeOffset? StartsAt, DateTimeOffset EndsAt) Window(Random random)
    {
        if (random.NextDouble() < 0.35) return (null, LocalDay(random.Next(1, 11), 18));
        var start = LocalDay(random.Next(1, 15), 8 + random.Next(24) * 0.5);
        return (start, start.AddHours(random.Next(1, 5)));
    }

    private static DateTimeOffset LocalDay(int daysAhead, double hour)
    {
        var wallClock = TimeZoneInfo.ConvertTime(Now, WeekSlots.Amsterdam).Date.AddDays(daysAhead).AddHours(hour);
        return new DateTimeOffset(wallClock, WeekSlots.Amsterdam.GetUtcOffset(wallClock));
    }

    private HashSet<string> ResidentsOf(int pc4, int count, Random random)
    {
        if (_residents is null)
        {
            _residents = [.. Enumerable.Range(0, _points.Count).Select(_ => new List<int>())];
            for (var i = 0; i < Count; i++) _residents[HomePc4[i]].Add(i);
        }
        var here = _residents[pc4];
        var chosen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < count && here.Count > 0; i++) chosen.Add(Volunteers[here[random.Next(here.Count)]].Id);
        return chosen;
    }

    private static T Pick<T>((T Value, double Weight)[] table, Random random)
    {
        var roll = random.NextDouble() * table.Sum(t => t.Weight);
        foreach (var (value, weight) in table)
            if ((roll -= weight) < 0) return value;
        return table[^1].Value;
    }

    /// <summary>Identity user ids are GUID strings.</summary>
    private static string Id(Random random) => Guid(random).ToString();

    private static Guid Guid(Random random)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        return new Guid(bytes);
    }
}
