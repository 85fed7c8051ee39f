using Wehelpen.Web.Hosting;

namespace Wehelpen.Benchmarks.Cluster;

/// <summary>
/// Volunteers, residents with their circles, and the circles' open neighbourhood requests, from a fixed seed (the same
/// people every run; the requests' times follow the clock). Everyone lives at a PC4 point drawn by density weight
/// (<see cref="Pc4Points"/>: dense in the city, sparse at its edge), with a full postcode in that area, as the app keeps
/// a person's place. The shares are those of the matching benchmark (tests/Wehelpen.Benchmarks/Matching/MatchingData.cs),
/// with the radii people choose in the app (1-10 km; the app's default is 3) instead of 5 km for everyone.
/// </summary>
internal sealed class NeighbourhoodData
{
    public const string Password = "wehelpen-load-test";

    /// <summary>Requests per circle, on average: the circles are requests / this.</summary>
    public const int RequestsPerCircle = 2;

    public readonly record struct VolunteerRow(string Id, int Point, string Postcode, int Categories, int RadiusKm, int Availability);

    public readonly record struct CircleRow(Guid Id, string ResidentId, string ResidentName, int Point, string Postcode);

    public readonly record struct RequestRow(Guid Id, int Circle, int Category, DateTimeOffset? StartsAt, DateTimeOffset EndsAt, DateTimeOffset PostedAt);

    // Web categories (HelpCategories): Shopping 1, Transport 2, Company 4, OddJobs 8, Administration 16, Other 32.
    private static readonly (int Category, double Weight)[] OfferedCategories = [(1, 30), (4, 25), (2, 15), (8, 15), (16, 8), (32, 7)];
    private static readonly (int Category, double Weight)[] AskedCategories = [(1, 30), (2, 25), (4, 20), (8, 12), (16, 8), (32, 5)];
    private static readonly (int Count, double Weight)[] CategoryCounts = [(1, 45), (2, 35), (3, 15), (4, 5)];
    private static readonly (int Km, double Weight)[] Radii = [(1, 5), (2, 15), (3, 35), (5, 25), (8, 12), (10, 8)];

    private static readonly string[] FirstNames = ["Truus", "Henk", "Joke", "Kees", "Fatima", "Mohammed", "Anneke", "Wim", "Ria", "Jan", "Els", "Piet", "Yvonne", "Ahmet", "Greet", "Bram"];
    private static readonly string[] LastNames = ["de Vries", "Jansen", "Bakker", "Visser", "Smit", "Meijer", "de Boer", "Mulder", "de Groot", "Bos", "Yilmaz", "El Amrani"];

    // Postcode letters as PostNL hands them out: never SA, SD or SS, so no S at all keeps it simple.
    private const string Letters = "ABCDEGHJKLMNPRTVWXZ";

    private NeighbourhoodData(Pc4Points points, VolunteerRow[] volunteers, CircleRow[] circles, RequestRow[] requests) =>
        (Points, Volunteers, Circles, Requests) = (points, volunteers, circles, requests);

    public Pc4Points Points { get; }
    public VolunteerRow[] Volunteers { get; }
    public CircleRow[] Circles { get; }
    public RequestRow[] Requests { get; }

    public static string VolunteerEmail(int index) => $"vrijwilliger{index}@load.wehelpen.test";

    public static string ResidentEmail(int index) => $"bewoner{index}@load.wehelpen.test";

    public static string VolunteerName(int index) => $"Vrijwilliger {index}";

    public static string CircleName(CircleRow circle) => $"Kring van {circle.ResidentName}";

    public static NeighbourhoodData Generate(Pc4Points points, int volunteers, int requests, DateTimeOffset now, int seed = 8)
    {
        var random = new Random(seed);
        var volunteerRows = new VolunteerRow[volunteers];
        for (var i = 0; i < volunteers; i++)
        {
            var point = points.Pick(random);
            volunteerRows[i] = new VolunteerRow(Id(random), point, Postcode(points, point, random), Categories(random), Pick(Radii, random), Availability(random));
        }
        var circleRows = new CircleRow[requests == 0 ? 0 : Math.Max(1, requests / RequestsPerCircle)];
        for (var c = 0; c < circleRows.Length; c++)
        {
            var point = points.Pick(random);
            var name = $"{FirstNames[random.Next(FirstNames.Length)]} {LastNames[random.Next(LastNames.Length)]}";
            circleRows[c] = new CircleRow(Guid.CreateVersion7(), Id(random), name, point, Postcode(points, point, random));
        }
        var requestRows = new RequestRow[requests];
        for (var r = 0; r < requests; r++)
        {
            var (startsAt, endsAt) = Window(now, random);
            // Posted up to two days ago, asked of the neighbourhood since.
            var postedAt = now - TimeSpan.FromMinutes(random.Next(10, 48 * 60));
            requestRows[r] = new RequestRow(Guid.CreateVersion7(), random.Next(circleRows.Length), Pick(AskedCategories, random), startsAt, endsAt, postedAt);
        }
        return new NeighbourhoodData(points, volunteerRows, circleRows, requestRows);
    }

    /// <summary>A full postcode in the point's PC4 area: "1055 KL".</summary>
    private static string Postcode(Pc4Points points, int point, Random random) =>
        $"{points.Codes[point]} {Letters[random.Next(Letters.Length)]}{Letters[random.Next(Letters.Length)]}";

    /// <summary>An id as Identity makes them (a GUID as text), from the seed.</summary>
    private static string Id(Random random)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        return new Guid(bytes).ToString();
    }

    private static int Categories(Random random)
    {
        var mask = 0;
        for (var want = Pick(CategoryCounts, random); System.Numerics.BitOperations.PopCount((uint)mask) < want;)
            mask |= Pick(OfferedCategories, random);
        return mask;
    }

    /// <summary>
    /// The app's week grid (WeeklyAvailability: Monday morning is bit 0, three day parts a day). 40% nothing ticked,
    /// which matching reads as any time; weekday daytime 25%, weekday evenings 15%, weekends 10%, else 2-8 day parts.
    /// </summary>
    private static int Availability(Random random)
    {
        const int weekdays = (1 << 15) - 1, mornings = 0b001_001_001_001_001, afternoons = mornings << 1, evenings = mornings << 2;
        var roll = random.NextDouble();
        if (roll < 0.40) return 0;
        if (roll < 0.65) return (mornings | afternoons) & weekdays;
        if (roll < 0.80) return evenings & weekdays;
        if (roll < 0.90) return ((1 << 21) - 1) & ~weekdays;
        var mask = 0;
        for (var parts = random.Next(2, 9); parts > 0; parts--) mask |= 1 << random.Next(21);
        return mask;
    }

    /// <summary>65%: 1-4 hours starting 08:00-19:30 on one of the next 14 days; 35%: any time before 18:00 in 1-10 days.</summary>
    private static (DateTimeOffset? StartsAt, DateTimeOffset EndsAt) Window(DateTimeOffset now, Random random)
    {
        if (random.NextDouble() < 0.35) return (null, LocalDay(now, random.Next(1, 11), 18));
        var start = LocalDay(now, random.Next(1, 15), 8 + random.Next(24) * 0.5);
        return (start, start.AddHours(random.Next(1, 5)));
    }

    /// <summary>That hour of the Amsterdam day so many days from now, in UTC (as the database keeps it).</summary>
    private static DateTimeOffset LocalDay(DateTimeOffset now, int daysAhead, double hour)
    {
        var day = now.ToAmsterdam().Date.AddDays(daysAhead).AddHours(hour);
        return new DateTimeOffset(day, AmsterdamTime.Zone.GetUtcOffset(day)).ToUniversalTime();
    }

    private static T Pick<T>((T Value, double Weight)[] choices, Random random)
    {
        var roll = random.NextDouble() * choices.Sum(c => c.Weight);
        foreach (var (value, weight) in choices)
            if ((roll -= weight) < 0) return value;
        return choices[^1].Value;
    }
}
