namespace Wehelpen.Matching.Tests;

/// <summary>
/// The index against the brute-force scan over thousands of random cases with a fixed seed; again after thousands of
/// random changes. Points include volunteers' homes, points exactly on their stretched radius, corners of chosen
/// areas and places on the Dutch border; queries leave out earlier waves, blocked volunteers and the requester.
/// </summary>
public class BruteForceComparisonTests
{
    [Fact]
    public void The_index_answers_exactly_as_the_brute_force_scan_before_and_after_many_changes()
    {
        var world = new RandomWorld(seed: 20260601);
        world.AddVolunteers(20_000);
        world.AddRequests(2_000);
        // A low cap, so that many queries meet someone over it.
        var engine = world.Engine(new MatchingOptions { AlertsPerWeek = 3 });

        AnswersAgree(world, engine);
        world.Change(engine, changes: 3_000);
        AnswersAgree(world, engine);
    }

    private static void AnswersAgree(RandomWorld world, MatchingEngine engine)
    {
        const int queries = 1_500, lists = 300;
        var (foundAnyone, metTheCap) = BruteForceCheck.Matches(world, engine, queries);
        var sawAny = BruteForceCheck.NearMe(world, engine, lists);

        // The random cases must exercise the rules, or agreeing proves little.
        Assert.True(foundAnyone > queries / 2, $"only {foundAnyone} of {queries} queries found anyone");
        Assert.True(metTheCap > queries / 10, $"only {metTheCap} of {queries} queries met someone over the weekly cap");
        Assert.True(sawAny > lists / 3, $"only {sawAny} of {lists} volunteers saw any request");
    }
}
