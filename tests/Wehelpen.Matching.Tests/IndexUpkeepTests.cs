using static Wehelpen.Matching.Tests.Build;

namespace Wehelpen.Matching.Tests;

/// <summary>The index follows every change, and the next query sees it.</summary>
public class IndexUpkeepTests
{
    private static readonly (double Lat, double Lon) Amsterdam = Places.Dam;
    private static readonly (double Lat, double Lon) Utrecht = Places.UtrechtCentraal;

    [Fact]
    public void A_volunteer_who_moves_to_Utrecht_is_found_there_and_no_longer_in_Amsterdam()
    {
        var engine = Engine(Radius("mover", Amsterdam, 3_000));
        Assert.Equal(["mover"], engine.Match(Query(Amsterdam)).Ids());

        engine.Upsert(Radius("mover", Utrecht, 3_000), VolunteerStats.None);

        Assert.Empty(engine.Match(Query(Amsterdam)).Top);
        Assert.Equal(["mover"], engine.Match(Query(Utrecht)).Ids());
        Assert.Equal(Utrecht.Lat, engine.Find("mover")!.Area.Latitude);
    }

    [Fact]
    public void A_smaller_radius_is_seen_by_the_next_query()
    {
        var request = Reference.Destination(Amsterdam, 30, 4_000);
        var engine = Engine(Radius("v", Amsterdam, 5_000));
        Assert.Single(engine.Match(Query(request)).Top);

        engine.Upsert(Radius("v", Amsterdam, 3_000), VolunteerStats.None);
        Assert.Empty(engine.Match(Query(request)).Top);

        // And growing it across grid levels (3 km to 20 km) finds them again.
        engine.Upsert(Radius("v", Amsterdam, 20_000), VolunteerStats.None);
        Assert.Single(engine.Match(Query(request)).Top);
    }

    [Fact]
    public void Changed_categories_and_availability_are_seen_by_the_next_query()
    {
        var monday = WeekSlots.Bit(DayOfWeek.Monday, 0);
        var sunday = WeekSlots.Bit(DayOfWeek.Sunday, 2);
        var engine = Engine(Radius("v", Amsterdam, 3_000, Shopping, monday));

        engine.Upsert(Radius("v", Amsterdam, 3_000, Transport, monday), VolunteerStats.None);
        Assert.Empty(engine.Match(Query(Amsterdam, Shopping, monday)).Top);
        Assert.Single(engine.Match(Query(Amsterdam, Transport, monday)).Top);

        engine.Upsert(Radius("v", Amsterdam, 3_000, Transport, sunday), VolunteerStats.None);
        Assert.Empty(engine.Match(Query(Amsterdam, Transport, monday)).Top);
        Assert.Single(engine.Match(Query(Amsterdam, Transport, sunday)).Top);
    }

    [Fact]
    public void A_volunteer_who_changes_from_a_radius_to_chosen_areas_and_back_is_held_once()
    {
        var farFromHome = (52.3650, 4.8900);
        var areas = Polygon((52.36, 4.88), (52.36, 4.90), (52.37, 4.90), (52.37, 4.88));
        var engine = Engine(Radius("v", Utrecht, 1_000));

        engine.Upsert(Chosen("v", Utrecht, areas), VolunteerStats.None);
        Assert.Single(engine.Match(Query(farFromHome)).Top);
        Assert.Empty(engine.Match(Query(Utrecht)).Top);

        engine.Upsert(Radius("v", Utrecht, 1_000), VolunteerStats.None);
        Assert.Empty(engine.Match(Query(farFromHome)).Top);
        Assert.Single(engine.Match(Query(Utrecht)).Top);
        Assert.Equal(1, engine.VolunteerCount);
    }

    [Fact]
    public void A_volunteer_who_leaves_is_not_matched_and_others_in_their_cell_stay()
    {
        var engine = Engine(Radius("a", Amsterdam, 3_000), Radius("b", Amsterdam, 3_000), Radius("c", Amsterdam, 3_000));

        Assert.True(engine.Remove("a"));

        Assert.Equal(["b", "c"], engine.Match(Query(Amsterdam)).Ids());
        Assert.Null(engine.Find("a"));
        Assert.False(engine.Remove("a"));
    }

    [Fact]
    public void New_stats_change_the_ranking_and_reach_the_right_volunteer_after_a_removal_in_the_same_cell()
    {
        // Four neighbours with one open claim each share a grid cell; removing the first moves another into its
        // place inside the cell. New stats must still reach the one they are for.
        var home = Reference.Destination(Amsterdam, 0, 500);
        var engine = Engine(new MatchingOptions(), [.. new[] { "a", "b", "c", "d" }.Select(id => (Radius(id, home, 3_000), Stats(openClaims: 1)))]);
        engine.Remove("a");

        engine.UpdateStats("d", Stats(openClaims: 0));
        engine.UpdateStats("b", Stats(openClaims: 3));

        Assert.Equal(["d", "c", "b"], engine.Match(Query(Amsterdam)).Ids());
        Assert.Equal(3, engine.StatsOf("b")!.OpenClaims);
        Assert.Equal(1, engine.StatsOf("c")!.OpenClaims);
    }

    [Fact]
    public void New_stats_of_a_volunteer_with_chosen_areas_change_the_ranking()
    {
        var areas = Polygon((52.36, 4.88), (52.36, 4.90), (52.38, 4.90), (52.38, 4.88));
        var engine = Engine(Chosen("a", Amsterdam, areas), Chosen("b", Amsterdam, areas));

        engine.UpdateStats("a", Stats(claims: 5, completed: 0));

        Assert.Equal(["b", "a"], engine.Match(Query(Amsterdam)).Ids());
    }

    [Fact]
    public void An_alert_recorded_in_the_stats_counts_for_the_weekly_cap_at_once()
    {
        var engine = Engine(new MatchingOptions { AlertsPerWeek = 1 }, Radius("v", Amsterdam, 3_000));

        engine.UpdateStats("v", VolunteerStats.None.WithAlert(Now.AddHours(-1)));

        var result = engine.Match(Query(Amsterdam));
        Assert.Empty(result.Top);
        Assert.Equal(1, result.OverWeeklyCap);
    }

    [Fact]
    public void Load_replaces_everything()
    {
        var engine = Engine(Radius("old", Amsterdam, 3_000));
        engine.UpsertRequest(Request(Amsterdam));

        engine.Load([(Radius("new", Utrecht, 3_000), VolunteerStats.None)], []);

        Assert.Empty(engine.Match(Query(Amsterdam)).Top);
        Assert.Equal(["new"], engine.Match(Query(Utrecht)).Ids());
        Assert.Equal(1, engine.VolunteerCount);
        Assert.Equal(0, engine.RequestCount);
    }

    [Fact]
    public void Load_refuses_a_volunteer_given_twice_and_keeps_what_it_had()
    {
        var engine = Engine(Radius("kept", Amsterdam, 3_000));

        Assert.Throws<ArgumentException>(() => engine.Load([(Radius("twice", Utrecht, 1_000), VolunteerStats.None), (Radius("twice", Utrecht, 2_000), VolunteerStats.None)], []));

        Assert.Equal(["kept"], engine.Match(Query(Amsterdam)).Ids());
    }

    [Fact]
    public void Hundreds_of_changes_to_one_volunteer_leave_exactly_one_entry()
    {
        var engine = Engine(Radius("other", Amsterdam, 25_000));
        for (var i = 0; i < 500; i++)
        {
            // Around Amsterdam, radii from 500 m to 25 km: through every grid level and many cells.
            var home = Reference.Destination(Amsterdam, i * 37 % 360, i * 13 % 8_000);
            engine.Upsert(Radius("v", home, 500 + i * 49 % 24_500), Stats(openClaims: i % 3));
        }
        engine.Upsert(Radius("v", Amsterdam, 2_000), VolunteerStats.None);

        Assert.Equal(2, engine.VolunteerCount);
        var result = engine.Match(Query(Amsterdam, take: 30) with { RadiusFactor = 1.5 });
        Assert.Equal(["other", "v"], result.Ids()); // equal in all but the id
        Assert.Equal(2, result.Eligible);
        Assert.Equal(["other"], engine.Match(Query(Reference.Destination(Amsterdam, 90, 3_500))).Ids());
    }

    [Fact]
    public void Volunteers_of_very_different_radii_are_all_found()
    {
        // 1 km, 5 km and 25 km sit in different grid levels; each lives just inside their radius from the request.
        var engine = Engine(
            Radius("one-km", Reference.Destination(Amsterdam, 10, 990), 1_000),
            Radius("five-km", Reference.Destination(Amsterdam, 100, 4_990), 5_000),
            Radius("twenty-five-km", Reference.Destination(Amsterdam, 250, 24_990), 25_000),
            Radius("twenty-five-km-too-far", Reference.Destination(Amsterdam, 300, 25_010), 25_000));

        var result = engine.Match(Query(Amsterdam));

        Assert.Equal(["one-km", "five-km", "twenty-five-km"], result.Ids());
    }

    [Fact]
    public void A_widened_wave_reaches_the_largest_radius_stretched()
    {
        // 25 km × 1.5 = 37.5 km: Utrecht Centraal is about 34 km from the Dam.
        var engine = Engine(Radius("utrecht", Utrecht, 25_000));

        Assert.Empty(engine.Match(Query(Amsterdam)).Top);
        Assert.Equal(["utrecht"], engine.Match(Query(Amsterdam) with { RadiusFactor = 1.5 }).Ids());
    }

    [Fact]
    public void A_radius_above_the_largest_allowed_is_refused_and_changes_nothing()
    {
        var engine = Engine(Radius("v", Amsterdam, 3_000));

        Assert.Throws<ArgumentException>(() => engine.Upsert(Radius("v", Amsterdam, 25_001), VolunteerStats.None));
        Assert.Throws<ArgumentException>(() => engine.Load([(Radius("w", Amsterdam, 30_000), VolunteerStats.None)], []));

        Assert.Equal(3_000, engine.Find("v")!.Area.RadiusMetres);
        Assert.Equal(["v"], engine.Match(Query(Amsterdam)).Ids());
    }
}
