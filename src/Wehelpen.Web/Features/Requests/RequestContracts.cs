using Wehelpen.Web.Features.Matching;
using Wehelpen.Web.Features.Requests.Matching;
using Wehelpen.Web.Features.Profiles;
using Wehelpen.Web.Features.Requests.Series;

namespace Wehelpen.Web.Features.Requests;

/// <summary>
/// A new request. When: either a date with a window (<paramref name="Date"/>, <paramref name="From"/>,
/// <paramref name="Until"/>, Amsterdam time) or <paramref name="Flexible"/> with a last day <paramref name="Before"/>.
/// Linked to an appointment, the window defaults to the appointment's on <paramref name="AppointmentDate"/>.
/// With <paramref name="Repeat"/> it is the first of a series (Features/Requests/Series), from that date on.
/// </summary>
public sealed record HelpRequestInput(
    HelpCategories? Category, string? Title, string? Description,
    bool? Flexible, DateOnly? Date, TimeOnly? From, TimeOnly? Until, DateOnly? Before,
    string? Postcode, string? Address, string? Phone,
    RequestAudience? Audience, string? AddressedToId,
    Guid? AppointmentId = null, DateOnly? AppointmentDate = null, Guid? OfferId = null, RepeatInput? Repeat = null);

/// <summary>What the form starts with: the place of the resident (or of the circle's last request).</summary>
public sealed record RequestDefaults(string? Postcode, string? Address, string? Phone);

/// <summary>A request in a list; <paramref name="DistanceMetres"/> from the viewer's home, when both are known.</summary>
/// <param name="AddressedToName">Whom a request for one person was asked of: for the circle's own lists only.</param>
/// <param name="EscalatedAt">Since when the buurtteam sees it: their list says how long it has waited.</param>
/// <param name="Area">The Amsterdam gebied of its PC4 ("Bos en Lommer"); null outside Amsterdam and Weesp.</param>
/// <param name="Stadsdeel">The stadsdeel of that gebied.</param>
public sealed record RequestSummary(
    Guid Id, string Title, HelpCategories Category, RequestStatus Status, RequestAudience Audience,
    DateTimeOffset? StartsAt, DateTimeOffset EndsAt, string Pc4, string Place, string ResidentFirstName,
    int? DistanceMetres, string? ClaimedByName, bool Escalated, bool ConfirmedHelp, DateTimeOffset? EscalatedAt = null,
    string? AddressedToName = null, string? Area = null, string? Stadsdeel = null);

/// <param name="ConfirmComing">The helper may say "ja, ik kom" (and has not yet).</param>
public sealed record RequestActions(bool Claim, bool GiveBack, bool MarkDone, bool Cancel, bool Widen, bool Confirm, bool ConfirmComing);

public sealed record RequestEventResponse(RequestChange Change, string ActorName, RequestAudience? Audience, string? Reason, DateTimeOffset At);

/// <summary>
/// One request as the viewer may see it (<see cref="View"/>). The private fields (names, postcode, address, phone)
/// are null for outsiders; the helper sees them while the task is theirs. <paramref name="SeriesId"/>: the series
/// it is an occurrence of, for the circle only.
/// </summary>
public sealed record RequestDetails(
    RequestView View, RequestSummary Summary, string Description, Guid? CircleId,
    string? ResidentName, string? Postcode, string? Address, string? ContactPhone,
    string? RequestedByName, string? AddressedToId, string? AddressedToName, string? ClaimedById,
    Guid? AppointmentId, string? AppointmentTitle,
    DateTimeOffset? WidensAt, DateTimeOffset? EscalatedAt, bool? HelperConfirmed, bool? RequesterConfirmed,
    DateTimeOffset CreatedAt, RequestActions Actions, IReadOnlyList<RequestEventResponse> History, DateTimeOffset? ComingConfirmedAt,
    Guid? SeriesId = null, DateOnly? OccurrenceOn = null);

public sealed record GiveBackRequest(string? Reason);

public sealed record CancelRequest(string? Reason);

public sealed record ConfirmRequest(bool? Happened);

public sealed record WideningPolicyInput(int? PersonHours, int? CircleHours, int? NeighbourhoodHours, bool? WidenToNeighbourhood);

public sealed record WideningPolicyResponse(int PersonHours, int CircleHours, int NeighbourhoodHours, bool WidenToNeighbourhood);

public sealed record BlockedVolunteerResponse(string VolunteerId, string DisplayName, DateTimeOffset BlockedAt);

public enum NearbySort { Distance, Date }

/// <param name="Reason">Why the list is empty for a reason the volunteer can fix: NotVolunteer, NoPlace; null otherwise.</param>
/// <param name="AskedOfYou">Open requests matching asked this volunteer about, with the reasons; they may also be in <paramref name="Items"/>.</param>
public sealed record NearbyResponse(IReadOnlyList<RequestSummary> Items, NearbySort Sort, int RadiusKm, string? Reason, IReadOnlyList<AskedRequest> AskedOfYou);

public sealed record MyTasksResponse(IReadOnlyList<RequestSummary> Claimed, IReadOnlyList<RequestSummary> History, int ConfirmedHelpCount);

/// <param name="Current">Open and claimed, soonest first.</param>
/// <param name="Closed">Done, cancelled and expired, latest first; the most recent ones.</param>
public sealed record CircleRequestsResponse(IReadOnlyList<RequestSummary> Current, IReadOnlyList<RequestSummary> Closed);
