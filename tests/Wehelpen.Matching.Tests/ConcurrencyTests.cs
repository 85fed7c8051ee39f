namespace Wehelpen.Matching.Tests;

public class ConcurrencyTests
{
    [Fact]
    public async Task Readers_never_fail_while_a_writer_changes_the_index_and_all_agree_with_brute_force_after()
    {
        var world = new RandomWorld(seed: 5);
        world.AddVolunteers(3_000);
        world.AddRequests(500);
        var engine = world.Engine(new MatchingOptions { AlertsPerWeek = 3 });
        // Made before the race: the world's random generator belongs to the writer.
        var queries = Enumerable.Range(0, 300).Select(_ => world.NewQuery(engine)).ToArray();
        var listed = Enumerable.Range(0, 100).Select(_ => world.SomeId()).ToArray();
        var writing = 1;

        var writer = Task.Run(() =>
        {
            try { world.Change(engine, changes: 3_000); }
            finally { Volatile.Write(ref writing, 0); }
        });
        // Each reader goes on until the writer is done, and through all its questions at least once.
        Task Reader(int first) => Task.Run(() =>
        {
            var reads = 0;
            for (; Volatile.Read(ref writing) == 1 || reads < queries.Length; reads++)
            {
                var query = queries[(first + reads) % queries.Length];
                var top = engine.Match(query).Top;
                Assert.True(top.Count <= query.Take);
                Assert.True(top.Zip(top.Skip(1)).All(p => MatchRules.Compare(p.First.Score, p.First.Reasons.DistanceMetres, p.First.VolunteerId,
                    p.Second.Score, p.Second.Reasons.DistanceMetres, p.Second.VolunteerId) < 0), "best first");
                var nearby = engine.NearMe(listed[reads % listed.Length], query.Now, new HashSet<Guid>());
                Assert.True(nearby.Zip(nearby.Skip(1)).All(p => p.First.DistanceMetres <= p.Second.DistanceMetres), "nearest first");
            }
        });

        await Task.WhenAll(writer, Reader(0), Reader(150));

        BruteForceCheck.Matches(world, engine, queries: 300);
        BruteForceCheck.NearMe(world, engine, volunteers: 100);
    }
}
