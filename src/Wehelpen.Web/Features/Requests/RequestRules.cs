using Wehelpen.Web.Features.Circles;
using Wehelpen.Web.Features.Locations;
using Wehelpen.Web.Features.Areas;

namespace Wehelpen.Web.Features.Requests;

/// <summary>Who someone is to one request, worked out from the database once per call.</summary>
/// <param name="CircleRole">Their role in the request's circle; null when they are not a member.</param>
/// <param name="IsBlocked">The circle has blocked this volunteer.</param>
/// <param name="Home">The centre of their postcode area, for distances; null when they gave none.</param>
/// <param name="RadiusKm">How far from home a volunteer helps; null when not limited.</param>
/// <param name="Alerted">Matching asked them about this request (maybe from beyond their radius, in a widened wave).</param>
/// <param name="ChosenAreas">The PC4 areas a volunteer chose instead of a radius; empty for a radius.</param>
/// <param name="BuurtteamAreas">The gebieden whose escalated requests they see (Features/Neighbourhoods/Buurtteam): the approved ones of a professional, all for an admin.</param>
public sealed record RequestViewer(string UserId, string Name, CircleRole? CircleRole, bool IsVolunteer, bool IsProfessional, bool IsBlocked, GeoPoint? Home = null, int? RadiusKm = null, bool Alerted = false, IReadOnlyList<string>? ChosenAreas = null, IReadOnlyCollection<string>? BuurtteamAreas = null)
{
    public bool IsMember => CircleRole is not null;

    /// <summary>A neighbourhood request is for the volunteers whose service area covers it, as in their nearby list, and for those asked about it.</summary>
    // Requests lie at the centre of their PC4, and a chosen area holds exactly its own centre (see Pc4Areas), so
    // "in a chosen area" is "of a chosen PC4", as matching finds it.
    public bool Reaches(HelpRequest r) =>
        Alerted
        || (ChosenAreas is { Count: > 0 } areas ? areas.Contains(r.Pc4)
            : RadiusKm is not { } km || (Home is { } home && home.DistanceMetresTo(new GeoPoint(r.Latitude, r.Longitude)) <= km * 1000.0));

    /// <summary>An escalated request is for the buurtteam of its gebied only: a professional of Noord never sees Zuid's.</summary>
    public bool SeesEscalation(HelpRequest r) =>
        r.EscalatedAt is not null && BuurtteamAreas is { Count: > 0 } areas && AmsterdamAreas.ForPc4(r.Pc4) is { } area && areas.Contains(area.Code);

    /// <summary>Admins see escalations to follow them up; only the area's professionals take them on.</summary>
    public bool MayTakeOnEscalation(HelpRequest r) => IsProfessional && SeesEscalation(r);
}

/// <summary>How much of a request someone sees.</summary>
public enum RequestView
{
    /// <summary>A member of the circle: everything, with the history.</summary>
    Circle,

    /// <summary>The one who claimed it, while it is theirs: what they need to do the task (address, phone, contact).</summary>
    Helper,

    /// <summary>Anyone else allowed to see it: the resident's first name, the PC4 area, category, time, description.</summary>
    Outsider,
}

/// <summary>Why a change to a request cannot be made; each has a message for the person (Request.Problem.*).</summary>
public enum RequestProblem
{
    NotOpen,
    TimePassed,
    OwnRequest,
    NotForYou,
    NotYourClaim,
    OnlyRequester,
    NotClaimed,
    AlreadyWidest,
    NotDone,
    NotInvolved,
}

/// <summary>
/// The lifecycle of a request (open, claimed, done, cancelled, expired) and the widening, as pure rules over the
/// entity and a clock reading, so that they can be tested without a database. Every change bumps the version the
/// database save checks.
/// </summary>
public static class RequestRules
{
    /// <summary>The resident's side: whoever posted it, and the hoofdpersoon and coördinators of the circle.</summary>
    public static bool IsRequesterSide(HelpRequest r, RequestViewer v) =>
        v.UserId == r.RequestedById || (v.CircleRole is { } role && CircleMember.CanManage(role));

    public static bool IsHelper(HelpRequest r, RequestViewer v) => r.Status == RequestStatus.Claimed && r.ClaimedById == v.UserId;

    /// <summary>Null when the viewer may not know the request exists.</summary>
    public static RequestView? ViewFor(HelpRequest r, RequestViewer v, DateTimeOffset now)
    {
        if (v.IsMember) return RequestView.Circle;
        if (IsHelper(r, v)) return RequestView.Helper;
        // What they were part of stays in their history, without the private details.
        if (r.ClaimedById == v.UserId || r.AddressedToId == v.UserId) return RequestView.Outsider;
        if (r.Status != RequestStatus.Open || r.EndsAt <= now || v.IsBlocked) return null;
        if (r.Audience == RequestAudience.Neighbourhood && v.IsVolunteer && v.Reaches(r)) return RequestView.Outsider;
        if (v.SeesEscalation(r)) return RequestView.Outsider;
        return null;
    }

    /// <summary>
    /// Whether the request was, while open, for this viewer to take: so that they may hear what became of it. Every
    /// volunteer whose radius covers an open neighbourhood request may see it, so telling them it was taken tells them
    /// nothing new.
    /// </summary>
    public static bool WasOpenTo(HelpRequest r, RequestViewer v) =>
        v.IsMember || r.AddressedToId == v.UserId || r.ClaimedById == v.UserId
        || (!v.IsBlocked && ((r.Audience == RequestAudience.Neighbourhood && v.IsVolunteer && v.Reaches(r)) || v.SeesEscalation(r)));

    public static RequestProblem? CheckClaim(HelpRequest r, RequestViewer v, DateTimeOffset now)
    {
        if (r.Status != RequestStatus.Open) return RequestProblem.NotOpen;
        if (r.EndsAt <= now) return RequestProblem.TimePassed;
        if (v.UserId == r.RequestedById) return RequestProblem.OwnRequest;
        if (v.IsBlocked && !v.IsMember) return RequestProblem.NotForYou;
        var allowed = r.Audience switch
        {
            RequestAudience.Person => r.AddressedToId == v.UserId,
            RequestAudience.Circle => v.IsMember,
            _ => v.IsMember || (v.IsVolunteer && v.Reaches(r)),
        } || v.MayTakeOnEscalation(r);
        return allowed ? null : RequestProblem.NotForYou;
    }

    public static void Claim(HelpRequest r, RequestViewer v, DateTimeOffset now)
    {
        Ensure(CheckClaim(r, v, now));
        (r.Status, r.ClaimedById, r.ClaimedAt, r.WidensAt, r.ComingConfirmedAt) = (RequestStatus.Claimed, v.UserId, now, null, null);
        r.Version++;
    }

    /// <summary>
    /// An occurrence handed to the series' regular volunteer (Series/Regulars): not a claim of theirs on the open
    /// market, so the audience does not matter; but only while it is open and still to come, and never to a
    /// volunteer the circle blocked or to the one who asked.
    /// </summary>
    public static RequestProblem? CheckHandToRegular(HelpRequest r, RequestViewer v, DateTimeOffset now)
    {
        if (r.Status != RequestStatus.Open) return RequestProblem.NotOpen;
        if ((r.StartsAt ?? r.EndsAt) <= now) return RequestProblem.TimePassed;
        if (v.UserId == r.RequestedById) return RequestProblem.OwnRequest;
        return v.IsBlocked && !v.IsMember ? RequestProblem.NotForYou : null;
    }

    public static void HandToRegular(HelpRequest r, RequestViewer v, DateTimeOffset now)
    {
        Ensure(CheckHandToRegular(r, v, now));
        (r.Status, r.ClaimedById, r.ClaimedAt, r.WidensAt, r.ComingConfirmedAt) = (RequestStatus.Claimed, v.UserId, now, null, null);
        r.Version++;
    }

    public static RequestProblem? CheckGiveBack(HelpRequest r, RequestViewer v) =>
        IsHelper(r, v) ? null : RequestProblem.NotYourClaim;

    /// <summary>Open again for the audience it had; a request meant for the helper alone goes to the whole circle.</summary>
    public static void GiveBack(HelpRequest r, RequestViewer v, WideningPolicy policy, DateTimeOffset now)
    {
        Ensure(CheckGiveBack(r, v));
        if (r.Audience == RequestAudience.Person && r.AddressedToId == v.UserId) r.Audience = RequestAudience.Circle;
        (r.Status, r.ClaimedById, r.ClaimedAt, r.ComingConfirmedAt) = (RequestStatus.Open, null, null, null);
        r.AudienceSince = now;
        r.WidensAt = r.EscalatedAt is null ? policy.NextStepAt(r.Audience, now) : null;
        r.Version++;
    }

    /// <summary>"Ja, ik kom": only the helper, and only before the task's time has passed.</summary>
    public static RequestProblem? CheckConfirmComing(HelpRequest r, RequestViewer v, DateTimeOffset now)
    {
        if (!IsHelper(r, v)) return RequestProblem.NotYourClaim;
        return (r.StartsAt ?? r.EndsAt) <= now ? RequestProblem.TimePassed : null;
    }

    /// <summary>Saying it again keeps the first moment.</summary>
    public static void ConfirmComing(HelpRequest r, RequestViewer v, DateTimeOffset now)
    {
        Ensure(CheckConfirmComing(r, v, now));
        r.ComingConfirmedAt ??= now;
        r.Version++;
    }

    public static RequestProblem? CheckMarkDone(HelpRequest r, RequestViewer v)
    {
        if (r.Status != RequestStatus.Claimed) return r.Status == RequestStatus.Open ? RequestProblem.NotClaimed : RequestProblem.NotOpen;
        return IsHelper(r, v) || IsRequesterSide(r, v) ? null : RequestProblem.NotInvolved;
    }

    /// <summary>Whoever marks it done says by that that it happened; the other side is asked to confirm.</summary>
    public static void MarkDone(HelpRequest r, RequestViewer v, DateTimeOffset now)
    {
        Ensure(CheckMarkDone(r, v));
        if (IsHelper(r, v)) r.HelperConfirmed = true; else r.RequesterConfirmed = true;
        (r.Status, r.ClosedAt) = (RequestStatus.Done, now);
        r.Version++;
    }

    public static RequestProblem? CheckCancel(HelpRequest r, RequestViewer v)
    {
        if (r.Status is not (RequestStatus.Open or RequestStatus.Claimed)) return RequestProblem.NotOpen;
        return IsRequesterSide(r, v) ? null : RequestProblem.OnlyRequester;
    }

    public static void Cancel(HelpRequest r, RequestViewer v, DateTimeOffset now)
    {
        Ensure(CheckCancel(r, v));
        (r.Status, r.ClosedAt, r.WidensAt) = (RequestStatus.Cancelled, now, null);
        r.Version++;
    }

    public static RequestProblem? CheckWiden(HelpRequest r, RequestViewer v)
    {
        if (r.Status != RequestStatus.Open) return RequestProblem.NotOpen;
        if (!IsRequesterSide(r, v)) return RequestProblem.OnlyRequester;
        return r.Audience == RequestAudience.Neighbourhood ? RequestProblem.AlreadyWidest : null;
    }

    /// <summary>By hand the requester may also go to the neighbourhood when the circle's policy would not.</summary>
    public static void Widen(HelpRequest r, RequestViewer v, WideningPolicy policy, DateTimeOffset now)
    {
        Ensure(CheckWiden(r, v));
        Step(r, policy, now);
    }

    public static RequestProblem? CheckConfirm(HelpRequest r, RequestViewer v)
    {
        if (r.Status != RequestStatus.Done) return RequestProblem.NotDone;
        return r.ClaimedById == v.UserId || IsRequesterSide(r, v) ? null : RequestProblem.NotInvolved;
    }

    public static void Confirm(HelpRequest r, RequestViewer v, bool happened)
    {
        Ensure(CheckConfirm(r, v));
        if (r.ClaimedById == v.UserId) r.HelperConfirmed = happened; else r.RequesterConfirmed = happened;
        r.Version++;
    }

    /// <summary>What the clock does by itself: expire what is past, widen or escalate what waited long enough.</summary>
    /// <param name="neighbourhoodAsked">
    /// False while matching is still asking the neighbourhood in waves: the buurtteam comes after the last wave has
    /// had its time, however short the circle's neighbourhood hours.
    /// </param>
    public static RequestChange? Due(HelpRequest r, WideningPolicy policy, DateTimeOffset now, bool neighbourhoodAsked = true)
    {
        if (r.Status != RequestStatus.Open) return null;
        if (r.EndsAt <= now)
        {
            (r.Status, r.ClosedAt, r.WidensAt) = (RequestStatus.Expired, now, null);
            r.Version++;
            return RequestChange.Expired;
        }
        if (r.WidensAt is not { } at || at > now) return null;
        if (r.Audience == RequestAudience.Neighbourhood)
        {
            if (!neighbourhoodAsked) return null;
            (r.EscalatedAt, r.WidensAt) = (now, null);
            r.Version++;
            return RequestChange.Escalated;
        }
        Step(r, policy, at);
        return RequestChange.Widened;
    }

    /// <summary>The next audience; its waiting time counts from <paramref name="since"/>.</summary>
    private static void Step(HelpRequest r, WideningPolicy policy, DateTimeOffset since)
    {
        r.Audience += 1;
        r.AudienceSince = since;
        r.WidensAt = policy.NextStepAt(r.Audience, since);
        r.Version++;
    }

    private static void Ensure(RequestProblem? problem)
    {
        if (problem is { } p) throw new InvalidOperationException($"Request rule broken: {p}. Check before changing.");
    }
}
