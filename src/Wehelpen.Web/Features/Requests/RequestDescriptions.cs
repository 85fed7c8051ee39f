using Wehelpen.Web.Data;
using Wehelpen.Web.Features.Locations;
using Wehelpen.Web.Features.Areas;
using Microsoft.Extensions.Localization;
using Wehelpen.Web.Platform.PersonalData;

namespace Wehelpen.Web.Features.Requests;

/// <summary>Turns a loaded request into what one viewer may see of it.</summary>
public sealed class RequestDescriptions(PostcodeTable postcodes, IStringLocalizer<SharedResource> text)
{
    public RequestSummary Summarise(HelpRequest r, GeoPoint? from, bool showClaimer) =>
        new(r.Id, r.Title, r.Category, r.Status, r.Audience, r.StartsAt, r.EndsAt, r.Pc4,
            postcodes.Find(r.Pc4)?.Place ?? "", FirstName(r.Circle?.ResidentName ?? ""),
            from is { } home ? Distances.Rounded(home.DistanceMetresTo(new GeoPoint(r.Latitude, r.Longitude))) : null,
            showClaimer ? Name(r.ClaimedBy) : null, r.EscalatedAt is not null, r.IsConfirmedHelp, r.EscalatedAt,
            showClaimer ? Name(r.AddressedTo) : null,
            AmsterdamAreas.ForPc4(r.Pc4)?.Name, AmsterdamAreas.ForPc4(r.Pc4)?.Stadsdeel.Name);

    public RequestDetails Describe(HelpRequest r, RequestViewer v, RequestView view, DateTimeOffset now)
    {
        var inside = view != RequestView.Outsider;
        var actions = new RequestActions(
            RequestRules.CheckClaim(r, v, now) is null,
            RequestRules.CheckGiveBack(r, v) is null,
            RequestRules.CheckMarkDone(r, v) is null,
            RequestRules.CheckCancel(r, v) is null,
            RequestRules.CheckWiden(r, v) is null,
            RequestRules.CheckConfirm(r, v) is null,
            r.ComingConfirmedAt is null && RequestRules.CheckConfirmComing(r, v, now) is null);
        var history = inside
            ? r.Events.OrderBy(e => e.At).ThenBy(e => e.Id)
                .Select(e => new RequestEventResponse(e.Change, FormerMember.Is(e.ActorId) ? text[FormerMember.NameKey] : e.ActorName, e.Audience, e.Reason, e.At)).ToList()
            : [];
        return new RequestDetails(
            view, Summarise(r, v.Home, inside), r.Description,
            view == RequestView.Circle ? r.CircleId : null,
            inside ? r.Circle?.ResidentName : null,
            inside ? r.Postcode : null,
            inside ? r.Address : null,
            inside ? r.ContactPhone : null,
            inside ? Name(r.RequestedBy) : null,
            view == RequestView.Circle ? r.AddressedToId : null,
            view == RequestView.Circle ? Name(r.AddressedTo) : null,
            inside ? r.ClaimedById : null,
            view == RequestView.Circle ? r.AppointmentId : null,
            view == RequestView.Circle ? r.Appointment?.Title : null,
            view == RequestView.Circle ? r.WidensAt : null,
            r.EscalatedAt,
            r.HelperConfirmed, r.RequesterConfirmed, r.CreatedAt, actions, history,
            // Whether the helper said they are coming: for the circle and the helper, while it is a claim.
            inside && r.Status == RequestStatus.Claimed ? r.ComingConfirmedAt : null,
            view == RequestView.Circle ? r.SeriesId : null,
            r.OccurrenceOn);
    }

    /// <summary>A person's name, or "Voormalig lid" for someone who erased their account; null when there is nobody.</summary>
    private string? Name(ApplicationUser? person) => person is null ? null : FormerMember.Shown(person.DisplayName, text);

    /// <summary>Only the first name leaves the circle.</summary>
    public static string FirstName(string name) => name.Trim().Split(' ', 2)[0];

}
