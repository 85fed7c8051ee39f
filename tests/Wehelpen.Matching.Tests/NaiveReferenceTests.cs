using NetTopologySuite.Geometries;

namespace Wehelpen.Matching.Tests;

/// <summary>
/// The engine and BruteForce share MatchRules, including its shortcuts (distance bounds without trigonometry,
/// skipping candidates that cannot enter the top). This compares both with a reference written out here the plain
/// way: exact haversine for everyone, polygons asked directly, every score computed, sorted, cut.
/// </summary>
public sealed class NaiveReferenceTests
{
    private static readonly GeometryFactory Factory = new();
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Engine_and_brute_force_agree_with_a_plain_reference_on_random_cases()
    {
        var random = new Random(20261123);
        var options = new MatchingOptions { AlertsPerWeek = 3 };
        var volunteers = Enumerable.Range(0, 4000).Select(i => RandomVolunteer(random, i)).ToList();
        var engine = new MatchingEngine(options);
        engine.Load(volunteers, []);

        for (var i = 0; i < 1500; i++)
        {
            var query = RandomQuery(random, volunteers);
            var expected = Reference(volunteers, query, options);
            foreach (var (name, actual) in new[] { ("engine", engine.Match(query)), ("brute force", BruteForce.Match(volunteers, query, options)) })
            {
                var because = $"{name}, query {query}";
                Assert.True(expected.Top.Select(m => m.VolunteerId).SequenceEqual(actual.Top.Select(m => m.VolunteerId)),
                    $"{because}: expected [{string.Join(",", expected.Top.Select(m => m.VolunteerId))}] got [{string.Join(",", actual.Top.Select(m => m.VolunteerId))}]");
                Assert.Equal(expected.Top.Select(m => m.Score), actual.Top.Select(m => m.Score));
                Assert.Equal(expected.Top.Select(m => m.Reasons.DistanceMetres), actual.Top.Select(m => m.Reasons.DistanceMetres));
                Assert.Equal((expected.Eligible, expected.OverWeeklyCap), (actual.Eligible, actual.OverWeeklyCap));
            }
        }
    }

    private static MatchResult Reference(IEnumerable<(Volunteer Volunteer, VolunteerStats Stats)> volunteers, MatchQuery q, MatchingOptions options)
    {
        var point = Factory.CreatePoint(new Coordinate(q.Longitude, q.Latitude));
        var covered = new List<(Volunteer Volunteer, VolunteerStats Stats, double Distance)>();
        var overCap = 0;
        foreach (var (v, stats) in volunteers)
        {
            if ((v.Categories & q.Category) == 0 || !WeekSlots.Available(v.Availability, q.WeekSlots)) continue;
            if (v.Id == q.RequesterId || q.Exclude.Contains(v.Id) || q.Blocked.Contains(v.Id)) continue;
            var distance = Earth.DistanceMetres(v.Area.Latitude, v.Area.Longitude, q.Latitude, q.Longitude);
            var inArea = v.Area.Areas is { } areas ? areas.Covers(point) : distance <= v.Area.RadiusMetres * q.RadiusFactor;
            if (!inArea) continue;
            if (stats.RecentAlerts.Count(a => a > q.Now - TimeSpan.FromDays(7)) >= options.AlertsPerWeek) { overCap++; continue; }
            covered.Add((v, stats, distance));
        }
        var top = covered
            .Select(c => (c.Volunteer, c.Distance, Score: MatchRules.Score(c.Distance, c.Stats, q.Now, options)))
            .OrderByDescending(c => c.Score).ThenBy(c => c.Distance).ThenBy(c => c.Volunteer.Id, StringComparer.Ordinal)
            .Take(q.Take)
            .Select(c => new VolunteerMatch(c.Volunteer.Id, c.Score, new MatchReasons(c.Distance, false, false, 0, 0, false, 0, 0, 0)))
            .ToList();
        return new MatchResult(top, covered.Count, overCap);
    }

    private static (Volunteer, VolunteerStats) RandomVolunteer(Random random, int i)
    {
        // Around Amsterdam, so that areas overlap a lot; some on exactly the same spot.
        var (lat, lon) = i % 10 == 0 ? (52.37, 4.90) : (52.25 + random.NextDouble() * 0.25, 4.70 + random.NextDouble() * 0.40);
        var area = random.NextDouble() < 0.1
            ? ServiceArea.Chosen(lat, lon, Factory.CreatePolygon([
                new(lon - 0.03, lat - 0.02), new(lon + 0.03, lat - 0.02), new(lon + 0.03, lat + 0.02), new(lon, lat), new(lon - 0.03, lat + 0.02), new(lon - 0.03, lat - 0.02)]))
            : ServiceArea.Radius(lat, lon, 1000 + random.Next(24) * 1000);
        var alerts = Enumerable.Range(0, random.Next(5)).Select(_ => Now - TimeSpan.FromHours(random.Next(1, 240))).ToArray();
        var stats = new VolunteerStats(random.Next(3), random.Next(10), random.Next(6), alerts);
        var availability = random.NextDouble() < 0.4 ? 0 : random.Next(1, WeekSlots.All + 1);
        return (new Volunteer($"v{i:D5}", area, random.Next(1, 64), availability), stats);
    }

    private static MatchQuery RandomQuery(Random random, List<(Volunteer Volunteer, VolunteerStats Stats)> volunteers)
    {
        // Half of the points exactly at someone's home, where distances are 0 and ties are common.
        var home = volunteers[random.Next(volunteers.Count)].Volunteer.Area;
        var (lat, lon) = random.NextDouble() < 0.5 ? (home.Latitude, home.Longitude) : (52.25 + random.NextDouble() * 0.25, 4.70 + random.NextDouble() * 0.40);
        var start = Now.AddHours(random.Next(0, 300));
        var slots = WeekSlots.Covering(start, start.AddHours(random.Next(1, 60)), Now);
        return new MatchQuery(lat, lon, 1 << random.Next(6), slots, Now, random.Next(0, 40))
        {
            RequesterId = $"v{random.Next(4000):D5}",
            Exclude = Enumerable.Range(0, random.Next(4)).Select(_ => $"v{random.Next(4000):D5}").ToHashSet(),
            Blocked = Enumerable.Range(0, random.Next(3)).Select(_ => $"v{random.Next(4000):D5}").ToHashSet(),
            RadiusFactor = random.NextDouble() < 0.3 ? 1.5 : 1,
        };
    }
}
