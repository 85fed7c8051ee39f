using static Wehelpen.Matching.Tests.Build;

namespace Wehelpen.Matching.Tests;

/// <summary>
/// In what order the matched come, and the weekly cap. Where a rule decides the order, the expected winner has the
/// later id, so that the tie-break by id could not make the test pass on its own.
/// </summary>
public class RankingTests
{
    [Fact]
    public void Nobody_is_alerted_more_often_than_the_weekly_cap()
    {
        var options = new MatchingOptions { AlertsPerWeek = 3 };
        var recent = new[] { Now.AddDays(-1), Now.AddDays(-3), Now.AddDays(-7).AddSeconds(1) };
        var engine = Engine(options,
            (Radius("busy", Away(100), 5_000), Stats(alerts: recent)),
            (Radius("other", Away(4_000), 5_000), VolunteerStats.None));

        var result = engine.Match(Query(At));

        Assert.Equal(["other"], result.Ids());
        Assert.Equal(1, result.Eligible);
        Assert.Equal(1, result.OverWeeklyCap);
    }

    [Fact]
    public void An_alert_longer_than_seven_days_ago_no_longer_counts_for_the_cap()
    {
        var options = new MatchingOptions { AlertsPerWeek = 3 };
        var alerts = new[] { Now.AddDays(-1), Now.AddDays(-3), Now.AddDays(-7).AddSeconds(-1) };
        var engine = Engine(options, (Radius("rested", Away(100), 5_000), Stats(alerts: alerts)));

        var result = engine.Match(Query(At));

        Assert.Equal(["rested"], result.Ids());
        Assert.Equal(0, result.OverWeeklyCap);
        Assert.Equal(2, result.Only().Reasons.AlertsThisWeek);
    }

    [Fact]
    public void Among_equal_volunteers_the_one_alerted_longer_ago_ranks_first()
    {
        var home = Away(500);
        var engine = Engine(new MatchingOptions(),
            (Radius("a-asked-yesterday", home, 5_000), Stats(alerts: Now.AddDays(-1))),
            (Radius("b-asked-two-days-ago", home, 5_000), Stats(alerts: Now.AddDays(-2))));

        Assert.Equal(["b-asked-two-days-ago", "a-asked-yesterday"], engine.Match(Query(At)).Ids());
    }

    [Fact]
    public void Nearer_ranks_first_all_else_equal()
    {
        var engine = Engine(Radius("a-far", Away(3_000, 0), 5_000), Radius("b-near", Away(1_000, 180), 5_000), Radius("c-middle", Away(2_000, 270), 5_000));

        Assert.Equal(["b-near", "c-middle", "a-far"], engine.Match(Query(At)).Ids());
    }

    [Fact]
    public void Fewer_open_claims_rank_first_all_else_equal()
    {
        var home = Away(700);
        var engine = Engine(new MatchingOptions(),
            (Radius("a-busy", home, 5_000), Stats(openClaims: 3)),
            (Radius("b-free", home, 5_000), Stats(openClaims: 0)));

        Assert.Equal(["b-free", "a-busy"], engine.Match(Query(At)).Ids());
    }

    [Fact]
    public void Higher_reliability_ranks_first_all_else_equal()
    {
        var home = Away(700);
        var engine = Engine(new MatchingOptions(),
            (Radius("a-drops-out", home, 5_000), Stats(claims: 4, completed: 1)),
            (Radius("b-keeps-word", home, 5_000), Stats(claims: 4, completed: 4)));

        Assert.Equal(["b-keeps-word", "a-drops-out"], engine.Match(Query(At)).Ids());
    }

    [Fact]
    public void Equal_volunteers_come_in_the_order_of_their_ids()
    {
        var home = Away(700);
        var engine = Engine(Radius("c", home, 5_000), Radius("a", home, 5_000), Radius("b", home, 5_000));

        Assert.Equal(["a", "b", "c"], engine.Match(Query(At)).Ids());
    }

    [Fact]
    public void Top_holds_at_most_take_best_first_and_counts_everyone_eligible()
    {
        var volunteers = Enumerable.Range(1, 15).Select(i => Radius($"v{i:00}", Away(i * 100, i * 24), 5_000)).Reverse().ToArray();
        var engine = Engine(volunteers);

        var result = engine.Match(Query(At, take: 5));

        Assert.Equal(["v01", "v02", "v03", "v04", "v05"], result.Ids());
        Assert.Equal(15, result.Eligible);
        Assert.True(result.Top.Zip(result.Top.Skip(1)).All(p => p.First.Score > p.Second.Score));
    }

    [Fact]
    public void The_score_of_a_newcomer_at_the_reference_distance_is_seven_tenths()
    {
        // By hand with the default weights: distance 1/(1 + 2000/2000) = 0.5 × 0.4 = 0.2; load 1/(1 + 0) × 0.2 = 0.2;
        // never alerted: fairness 1 × 0.2 = 0.2; reliability (0 + 1)/(0 + 2) = 0.5 × 0.2 = 0.1. Total 0.7.
        var engine = Engine(Radius("new", Away(2_000), 5_000));

        Assert.Equal(0.7, engine.Match(Query(At)).Only().Score, 1e-9);
    }

    [Fact]
    public void The_score_and_reasons_of_a_busy_volunteer_are_as_computed_by_hand()
    {
        // 1000 m: distance 1/(1 + 0.5) = 2/3 × 0.4 = 0.266667. One open claim: 1/2 × 0.2 = 0.1.
        // 3 of 4 claims completed: (3 + 1)/(4 + 2) = 2/3 × 0.2 = 0.133333. One alert 36 hours ago, cap 5 a week:
        // (1 - 1/5) × (0.5 + 0.5 × 1.5/3 days rested) = 0.8 × 0.75 = 0.6 × 0.2 = 0.12. Total 0.62.
        var volunteer = Radius("busy", Away(1_000), 5_000, Shopping | Transport | Company,
            availability: WeekSlots.Bit(DayOfWeek.Monday, 0) | WeekSlots.Bit(DayOfWeek.Monday, 2) | WeekSlots.Bit(DayOfWeek.Tuesday, 0));
        var engine = Engine(new MatchingOptions(), (volunteer, Stats(openClaims: 1, claims: 4, completed: 3, Now.AddHours(-36))));
        var asked = WeekSlots.Bit(DayOfWeek.Monday, 0) | WeekSlots.Bit(DayOfWeek.Monday, 1);

        var match = engine.Match(Query(At, Transport, asked)).Only();

        Assert.Equal(0.62, match.Score, 1e-9);
        Assert.Equal(1_000, match.Reasons.DistanceMetres, 1e-6);
        Assert.Equal(Transport, match.Reasons.Category);
        Assert.Equal(WeekSlots.Bit(DayOfWeek.Monday, 0), match.Reasons.AvailableSlots);
        Assert.False(match.Reasons.AnyTime);
        Assert.False(match.Reasons.Widened);
        Assert.False(match.Reasons.InChosenArea);
        Assert.Equal(1, match.Reasons.OpenClaims);
        Assert.Equal(1, match.Reasons.AlertsThisWeek);
        Assert.Equal(2.0 / 3, match.Reasons.Reliability, 1e-12);
    }
}
