using Wehelpen.Web.Features.Circles;
using Wehelpen.Web.Features.Profiles;
using Wehelpen.Web.Features.Requests;

namespace Wehelpen.Web.Tests.Requests;

/// <summary>The lifecycle and widening rules on their own, with the clock in the test's hand.</summary>
public sealed class RequestRulesTests
{
    private static readonly DateTimeOffset Now = RequestSteps.Now;
    private static readonly RequestViewer Carer = new("carer", "Carla", CircleRole.Coordinator, false, false, false);
    private static readonly RequestViewer Member = new("member", "Mo", CircleRole.Member, false, false, false);
    private static readonly RequestViewer Volunteer = new("volunteer", "Vera", null, true, false, false);
    private static readonly RequestViewer Neighbour = new("neighbour", "Nina", null, false, false, false);
    private static readonly RequestViewer Professional = new("pro", "Paula", null, false, true, false, BuurtteamAreas: ["bos-en-lommer"]);

    private static HelpRequest Open(RequestAudience audience, string? addressedTo = null) => new()
    {
        RequestedById = Carer.UserId,
        Pc4 = "1055",
        Audience = audience,
        AddressedToId = addressedTo,
        AudienceSince = Now,
        WidensAt = WideningPolicy.Default(Guid.Empty).NextStepAt(audience, Now),
        StartsAt = Now.AddDays(1),
        EndsAt = Now.AddDays(1).AddHours(2),
        Status = RequestStatus.Open,
    };

    [Fact]
    public void Each_audience_decides_who_may_claim()
    {
        Assert.Equal(RequestProblem.NotForYou, RequestRules.CheckClaim(Open(RequestAudience.Person, "someone"), Member, Now));
        Assert.Null(RequestRules.CheckClaim(Open(RequestAudience.Person, Member.UserId), Member, Now));
        Assert.Null(RequestRules.CheckClaim(Open(RequestAudience.Circle), Member, Now));
        Assert.Equal(RequestProblem.NotForYou, RequestRules.CheckClaim(Open(RequestAudience.Circle), Volunteer, Now));
        Assert.Null(RequestRules.CheckClaim(Open(RequestAudience.Neighbourhood), Volunteer, Now));
        Assert.Equal(RequestProblem.NotForYou, RequestRules.CheckClaim(Open(RequestAudience.Neighbourhood), Neighbour, Now));
        Assert.Equal(RequestProblem.NotForYou, RequestRules.CheckClaim(Open(RequestAudience.Neighbourhood), Volunteer with { IsBlocked = true }, Now));
        Assert.Equal(RequestProblem.OwnRequest, RequestRules.CheckClaim(Open(RequestAudience.Circle), Carer, Now));
        Assert.Equal(RequestProblem.NotForYou, RequestRules.CheckClaim(Open(RequestAudience.Neighbourhood), Professional, Now));
        var escalated = Open(RequestAudience.Neighbourhood);
        escalated.EscalatedAt = Now;
        Assert.Null(RequestRules.CheckClaim(escalated, Professional, Now));
        // The buurtteam of another gebied, and an admin who follows escalations without being a professional.
        Assert.Equal(RequestProblem.NotForYou, RequestRules.CheckClaim(escalated, Professional with { BuurtteamAreas = ["noord-oost"] }, Now));
        Assert.Null(RequestRules.ViewFor(escalated, Professional with { BuurtteamAreas = ["noord-oost"] }, Now));
        Assert.Equal(RequestView.Outsider, RequestRules.ViewFor(escalated, Neighbour with { BuurtteamAreas = ["bos-en-lommer"] }, Now));
        Assert.Equal(RequestProblem.NotForYou, RequestRules.CheckClaim(escalated, Neighbour with { BuurtteamAreas = ["bos-en-lommer"] }, Now));
    }

    [Fact]
    public void Outsiders_see_an_open_neighbourhood_request_and_lose_sight_of_it_when_it_closes()
    {
        var request = Open(RequestAudience.Neighbourhood);
        Assert.Equal(RequestView.Outsider, RequestRules.ViewFor(request, Volunteer, Now));
        Assert.Null(RequestRules.ViewFor(request, Neighbour, Now));
        Assert.Null(RequestRules.ViewFor(request, Volunteer, request.EndsAt));
        Assert.Equal(RequestView.Circle, RequestRules.ViewFor(request, Member, Now));

        RequestRules.Claim(request, Volunteer, Now);
        Assert.Equal(RequestView.Helper, RequestRules.ViewFor(request, Volunteer, Now));
        Assert.Null(RequestRules.ViewFor(request, Volunteer with { UserId = "other" }, Now));

        RequestRules.MarkDone(request, Volunteer, Now);
        Assert.Equal(RequestView.Outsider, RequestRules.ViewFor(request, Volunteer, Now));
        Assert.True(request.HelperConfirmed);
        Assert.Null(request.RequesterConfirmed);
        Assert.False(request.IsConfirmedHelp);
        RequestRules.Confirm(request, Carer, happened: true);
        Assert.True(request.IsConfirmedHelp);
    }

    [Fact]
    public void Every_change_moves_the_version_that_the_save_checks()
    {
        var request = Open(RequestAudience.Circle);
        RequestRules.Claim(request, Member, Now);
        RequestRules.GiveBack(request, Member, WideningPolicy.Default(Guid.Empty), Now);
        RequestRules.Cancel(request, Carer, Now);
        Assert.Equal(3, request.Version);
        Assert.Equal(RequestProblem.NotOpen, RequestRules.CheckClaim(request, Member, Now));
        Assert.Equal(RequestProblem.NotOpen, RequestRules.CheckCancel(request, Carer));
        Assert.Throws<InvalidOperationException>(() => RequestRules.Claim(request, Member, Now));
    }

    [Fact]
    public void The_clock_widens_step_by_step_from_the_planned_moment_and_then_escalates()
    {
        var policy = new WideningPolicy { PersonHours = 4, CircleHours = 12, NeighbourhoodHours = 24 };
        var request = Open(RequestAudience.Person, Member.UserId);
        request.EndsAt = Now.AddDays(5);

        Assert.Null(RequestRules.Due(request, policy, Now.AddHours(3.9)));
        // The sweep comes late (the app was down); the steps still count from when they were due.
        Assert.Equal(RequestChange.Widened, RequestRules.Due(request, policy, Now.AddHours(5)));
        Assert.Equal((RequestAudience.Circle, Now.AddHours(4), Now.AddHours(16)), (request.Audience, request.AudienceSince, request.WidensAt!.Value));
        Assert.Equal(RequestChange.Widened, RequestRules.Due(request, policy, Now.AddHours(16)));
        Assert.Equal(RequestAudience.Neighbourhood, request.Audience);
        Assert.Equal(RequestChange.Escalated, RequestRules.Due(request, policy, Now.AddHours(40)));
        Assert.Equal(Now.AddHours(40), request.EscalatedAt);
        Assert.Null(RequestRules.Due(request, policy, Now.AddHours(80)));
        Assert.Equal(RequestChange.Expired, RequestRules.Due(request, policy, request.EndsAt));
        Assert.Equal(RequestStatus.Expired, request.Status);
    }

    [Fact]
    public void A_circle_that_stays_private_waits_in_the_circle()
    {
        var policy = new WideningPolicy { PersonHours = 2, WidenToNeighbourhood = false };
        Assert.Null(policy.NextStepAt(RequestAudience.Circle, Now));
        Assert.Equal(Now.AddHours(2), policy.NextStepAt(RequestAudience.Person, Now));
    }

    [Fact]
    public void Giving_back_a_request_meant_for_the_helper_opens_it_to_the_circle_with_a_fresh_wait()
    {
        var request = Open(RequestAudience.Person, Member.UserId);
        RequestRules.Claim(request, Member, Now);
        Assert.Null(request.WidensAt);

        RequestRules.GiveBack(request, Member, WideningPolicy.Default(Guid.Empty), Now.AddHours(1));

        Assert.Equal((RequestStatus.Open, RequestAudience.Circle, (string?)null), (request.Status, request.Audience, request.ClaimedById));
        Assert.Equal(Now.AddHours(13), request.WidensAt);
    }

    [Fact]
    public void Only_the_requesting_side_cancels_and_widens_and_only_the_involved_mark_done()
    {
        var request = Open(RequestAudience.Circle);
        Assert.Equal(RequestProblem.OnlyRequester, RequestRules.CheckCancel(request, Member));
        Assert.Equal(RequestProblem.OnlyRequester, RequestRules.CheckWiden(request, Volunteer));
        Assert.Null(RequestRules.CheckWiden(request, Member with { UserId = "resident", CircleRole = CircleRole.Resident }));
        Assert.Equal(RequestProblem.NotClaimed, RequestRules.CheckMarkDone(request, Carer));
        RequestRules.Claim(request, Member, Now);
        Assert.Equal(RequestProblem.NotInvolved, RequestRules.CheckMarkDone(request, Member with { UserId = "other" }));
        Assert.Equal(RequestProblem.NotYourClaim, RequestRules.CheckGiveBack(request, Carer));
        Assert.Equal(RequestProblem.NotDone, RequestRules.CheckConfirm(request, Carer));
    }
}

public sealed class AvailabilityMatchTests
{
    // Tuesday 24 November 2026; Amsterdam is UTC+1 then.
    private static DateTimeOffset Amsterdam(int day, int hour, int minute = 0) => new(2026, 11, day, hour, minute, 0, TimeSpan.FromHours(1));

    private static readonly WeeklyAvailability TuesdayMorning = WeeklyAvailability.None.With(DayOfWeek.Tuesday, DayPart.Morning);
    private static readonly DateTimeOffset Monday = Amsterdam(23, 10);

    [Theory]
    [InlineData(24, 10, 11, true)]   // inside the morning
    [InlineData(24, 11, 13, true)]   // starts in the morning
    [InlineData(24, 12, 14, false)]  // the afternoon begins at 12:00
    [InlineData(24, 6, 7, true)]     // early is still morning
    [InlineData(25, 10, 11, false)]  // Wednesday
    public void A_window_matches_when_any_part_of_it_falls_in_a_chosen_day_part(int day, int from, int until, bool expected) =>
        Assert.Equal(expected, AvailabilityMatch.Covers(TuesdayMorning, Amsterdam(day, from), Amsterdam(day, until), Monday));

    [Fact]
    public void A_flexible_request_matches_when_a_chosen_day_part_comes_before_its_deadline()
    {
        Assert.False(AvailabilityMatch.Covers(TuesdayMorning, null, Amsterdam(24, 0), Monday));
        Assert.True(AvailabilityMatch.Covers(TuesdayMorning, null, Amsterdam(24, 8, 30), Monday));
        Assert.True(AvailabilityMatch.Covers(TuesdayMorning, null, Amsterdam(24, 0).AddDays(60), Monday));
    }

    [Fact]
    public void A_volunteer_who_gave_no_times_is_taken_to_be_flexible() =>
        Assert.True(AvailabilityMatch.Covers(WeeklyAvailability.None, Amsterdam(25, 20), Amsterdam(25, 21), Monday));
}
