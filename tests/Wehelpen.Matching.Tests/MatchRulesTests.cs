using static Wehelpen.Matching.Tests.Build;

namespace Wehelpen.Matching.Tests;

/// <summary>
/// Who is matched at all. Volunteers are placed by bearing and distance from one request point with the independent
/// <see cref="Reference"/> formula.
/// </summary>
public class MatchRulesTests
{
    [Fact]
    public void A_volunteer_without_the_category_is_never_matched()
    {
        var engine = Engine(Radius("movers", Away(100), 5_000, Transport | OddJobs), Radius("shopper", Away(900), 5_000, Shopping));

        Assert.Equal(["shopper"], engine.Match(Query(At, Shopping)).Ids());
        Assert.Equal(["movers"], engine.Match(Query(At, OddJobs)).Ids());
        Assert.Empty(engine.Match(Query(At, Administration)).Top);
    }

    [Fact]
    public void A_volunteer_who_is_not_available_in_the_window_is_not_matched_one_who_gave_no_times_is()
    {
        var mondayMorning = WeekSlots.Bit(DayOfWeek.Monday, 0);
        var mondayEvening = WeekSlots.Bit(DayOfWeek.Monday, 2);
        var engine = Engine(Radius("evenings", Away(100), 5_000, availability: mondayEvening), Radius("flexible", Away(200), 5_000));

        Assert.Equal(["flexible"], engine.Match(Query(At, slots: mondayMorning)).Ids());
        Assert.Equal(["evenings", "flexible"], engine.Match(Query(At, slots: mondayMorning | mondayEvening)).Ids());
    }

    [Fact]
    public void Blocked_volunteers_the_requester_and_those_asked_before_are_never_matched()
    {
        var engine = Engine(Radius("blocked", Away(100), 5_000), Radius("requester", Away(200), 5_000),
            Radius("asked", Away(300), 5_000), Radius("free", Away(400), 5_000));
        var query = Query(At) with { RequesterId = "requester", Blocked = new HashSet<string> { "blocked" }, Exclude = new HashSet<string> { "asked" } };

        var result = engine.Match(query);

        Assert.Equal(["free"], result.Ids());
        Assert.Equal(1, result.Eligible);
    }

    [Fact]
    public void A_volunteer_who_gave_no_times_is_available_in_every_part_asked()
    {
        var asked = WeekSlots.Bit(DayOfWeek.Friday, 1) | WeekSlots.Bit(DayOfWeek.Friday, 2);
        var match = Engine(Radius("flexible", Away(300), 5_000)).Match(Query(At, slots: asked)).Only();

        Assert.True(match.Reasons.AnyTime);
        Assert.Equal(asked, match.Reasons.AvailableSlots);
    }

    [Fact]
    public void A_widened_query_reaches_half_as_far_again_and_says_so()
    {
        // Radius 1000 m stretched by 1.5 reaches 1500 m: 1400 m is in, 1600 m is out.
        var engine = Engine(Radius("a-at-1600", Away(1_600, 0), 1_000), Radius("b-at-1400", Away(1_400, 120), 1_000),
            Radius("c-at-800", Away(800, 240), 1_000));

        Assert.Equal(["c-at-800"], engine.Match(Query(At)).Ids());
        var widened = engine.Match(Query(At) with { RadiusFactor = 1.5 });

        Assert.Equal(["c-at-800", "b-at-1400"], widened.Ids());
        Assert.False(widened.Top[0].Reasons.Widened);
        Assert.True(widened.Top[1].Reasons.Widened);
        Assert.Equal(1_400, widened.Top[1].Reasons.DistanceMetres, 1e-6);
    }

    [Fact]
    public void A_widened_query_still_leaves_out_those_asked_in_earlier_waves()
    {
        var engine = Engine(Radius("asked", Away(500), 1_000), Radius("new", Away(1_400), 1_000));

        var wave3 = engine.Match(Query(At) with { RadiusFactor = 1.5, Exclude = new HashSet<string> { "asked" } });

        Assert.Equal(["new"], wave3.Ids());
    }
}
