using static Wehelpen.Matching.Tests.Build;

namespace Wehelpen.Matching.Tests;

/// <summary>The other way round: which open requests a volunteer sees in their list.</summary>
public class NearMeTests
{
    private static readonly (double Lat, double Lon) Home = At;
    private static readonly IReadOnlySet<Guid> NoBlocks = new HashSet<Guid>();

    private static MatchingEngine EngineWith(Volunteer volunteer, params OpenRequest[] requests)
    {
        var engine = new MatchingEngine(new MatchingOptions());
        engine.Load([(volunteer, VolunteerStats.None)], requests);
        return engine;
    }

    private static Guid[] Seen(MatchingEngine engine, string volunteerId = "me", DateTimeOffset? now = null, IReadOnlySet<Guid>? blockedBy = null) =>
        [.. engine.NearMe(volunteerId, now ?? Now, blockedBy ?? NoBlocks).Select(r => r.RequestId)];

    [Fact]
    public void Requests_in_the_radius_are_listed_nearest_first_with_their_distance()
    {
        var far = Request(Away(1_800, 0));
        var near = Request(Away(400, 200));
        var middle = Request(Away(1_100, 90));
        var outside = Request(Away(2_100, 300));
        var engine = EngineWith(Radius("me", Home, 2_000), far, near, middle, outside);

        var seen = engine.NearMe("me", Now, NoBlocks);

        Assert.Equal([near.Id, middle.Id, far.Id], seen.Select(r => r.RequestId));
        Assert.Equal(400, seen[0].DistanceMetres, 1e-6);
    }

    [Fact]
    public void My_own_request_and_those_of_circles_that_blocked_me_are_not_listed()
    {
        var blockingCircle = Guid.NewGuid();
        var mine = Request(Away(100), requesterId: "me");
        var blocked = Request(Away(200), circleId: blockingCircle);
        var other = Request(Away(300));
        var engine = EngineWith(Radius("me", Home, 2_000), mine, blocked, other);

        Assert.Equal([other.Id], Seen(engine, blockedBy: new HashSet<Guid> { blockingCircle }));
    }

    [Fact]
    public void Only_requests_in_my_categories_are_listed()
    {
        var shopping = Request(Away(100), Shopping);
        var odd = Request(Away(200), OddJobs);
        var engine = EngineWith(Radius("me", Home, 2_000, Shopping | Company), shopping, odd);

        Assert.Equal([shopping.Id], Seen(engine));
    }

    [Fact]
    public void Only_requests_in_my_day_parts_from_now_on_are_listed()
    {
        // Now is Monday 10:00. The volunteer helps on Monday mornings.
        var mondayMorning = WeekSlots.Bit(DayOfWeek.Monday, 0);
        var thisMorning = Request(Away(100), startsAt: Now.AddHours(1), endsAt: Now.AddHours(1.5));
        var tonight = Request(Away(200), startsAt: Now.AddHours(9), endsAt: Now.AddHours(10));
        var allDay = Request(Away(300), startsAt: Now.AddHours(-1), endsAt: Now.AddHours(11));
        var flexible = Request(Away(400), startsAt: null, endsAt: Now.AddHours(5));
        var engine = EngineWith(Radius("me", Home, 2_000, availability: mondayMorning), thisMorning, tonight, allDay, flexible);

        Assert.Equal([thisMorning.Id, allDay.Id, flexible.Id], Seen(engine));
        // At 20:00 the morning is over: the all-day request no longer asks for a morning (the others have ended or are out of reach).
        Assert.Empty(Seen(engine, now: Now.AddHours(10)));
    }

    [Fact]
    public void A_request_whose_time_passed_is_not_listed()
    {
        var ended = Request(Away(100), startsAt: Now.AddHours(-3), endsAt: Now.AddHours(-1));
        var endsNow = Request(Away(200), endsAt: Now);
        var open = Request(Away(300), endsAt: Now.AddMinutes(1));
        var engine = EngineWith(Radius("me", Home, 2_000), ended, endsNow, open);

        Assert.Equal([open.Id], Seen(engine));
    }

    [Fact]
    public void A_volunteer_with_chosen_areas_sees_only_requests_in_them()
    {
        // An L (bottom arm 52.340-52.350 N, 4.880-4.920 E; upright arm 4.880-4.900 E up to 52.370 N); home at the Dam,
        // outside it.
        var areas = Polygon((52.340, 4.880), (52.340, 4.920), (52.350, 4.920), (52.350, 4.900), (52.370, 4.900), (52.370, 4.880));
        var inArm = Request((52.345, 4.915));
        var inNotch = Request((52.360, 4.910));
        var atHome = Request(Home);
        var engine = EngineWith(Chosen("me", Home, areas), inArm, inNotch, atHome);

        var seen = engine.NearMe("me", Now, NoBlocks);

        Assert.Equal([inArm.Id], seen.Select(r => r.RequestId));
        Assert.Equal(Reference.Metres(Home, (52.345, 4.915)), seen[0].DistanceMetres, 1e-6);
    }

    [Fact]
    public void Someone_the_engine_does_not_hold_sees_nothing()
    {
        var engine = EngineWith(Radius("me", Home, 2_000), Request(Away(100)));

        Assert.Empty(Seen(engine, "stranger"));
        engine.Remove("me");
        Assert.Empty(Seen(engine));
    }

    [Fact]
    public void New_moved_and_removed_requests_are_seen_at_once()
    {
        var engine = EngineWith(Radius("me", Home, 2_000));
        var request = Request(Away(500));

        engine.UpsertRequest(request);
        Assert.Equal([request.Id], Seen(engine));

        engine.UpsertRequest(request with { Latitude = Places.UtrechtCentraal.Lat, Longitude = Places.UtrechtCentraal.Lon });
        Assert.Empty(Seen(engine));
        Assert.Equal(1, engine.RequestCount);

        engine.UpsertRequest(request);
        Assert.True(engine.RemoveRequest(request.Id));
        Assert.Empty(Seen(engine));
        Assert.False(engine.RemoveRequest(request.Id));
    }

    [Fact]
    public void A_volunteer_who_moved_sees_the_requests_of_their_new_home()
    {
        var inAmsterdam = Request(Away(500));
        var inUtrecht = Request(Places.UtrechtCentraal);
        var engine = EngineWith(Radius("me", Home, 2_000), inAmsterdam, inUtrecht);

        engine.Upsert(Radius("me", Places.UtrechtCentraal, 2_000), VolunteerStats.None);

        Assert.Equal([inUtrecht.Id], Seen(engine));
    }
}
