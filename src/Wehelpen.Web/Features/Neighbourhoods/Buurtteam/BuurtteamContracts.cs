using Wehelpen.Web.Features.Areas;
using Wehelpen.Web.Features.Circles.Consent;

namespace Wehelpen.Web.Features.Neighbourhoods.Buurtteam;

/// <summary>A professional's own details and the gebieden they asked for.</summary>
public sealed record ProfessionalInput(string? Organisation, string? WorkPhone, IReadOnlyList<string>? Areas);

/// <param name="Approved">False while an admin has not yet approved it.</param>
public sealed record ProfessionalAreaResponse(string Code, string Name, string Stadsdeel, bool Approved, DateTimeOffset RequestedAt);

public sealed record ProfessionalResponse(string? Organisation, string? WorkPhone, IReadOnlyList<ProfessionalAreaResponse> Areas);

/// <summary>One gebied a professional asked for, as the admin sees it to approve.</summary>
public sealed record AreaRequestResponse(
    string UserId, string DisplayName, string? Email, string? Organisation, string AreaCode, string AreaName,
    DateTimeOffset RequestedAt, DateTimeOffset? ApprovedAt);

/// <summary>A professional as a circle sees them when choosing a klanthouder: work details only.</summary>
public sealed record ProfessionalCard(string UserId, string DisplayName, string? Organisation, string? WorkPhone, IReadOnlyList<string> Areas);

public sealed record CaseHolderInviteInput(string? ProfessionalId, string? Message, bool? Consent);

/// <summary>The circle's klanthouder (or the invitation on its way), for the circle's members.</summary>
/// <param name="Consent">The hoofdpersoon's consent it rests on; null for an invitation made before consents were recorded.</param>
public sealed record CaseHolderResponse(
    Guid InvitationId, ProfessionalCard Professional, string InvitedByName, string? Message,
    DateTimeOffset InvitedAt, DateTimeOffset? AcceptedAt, ConsentResponse? Consent = null);

/// <summary>An invitation as the professional sees it: which circle, from whom.</summary>
public sealed record CaseHolderInvitationResponse(
    Guid Id, Guid CircleId, string CircleName, string ResidentName, string? Area, string InvitedByName, string? Message,
    DateTimeOffset InvitedAt, DateTimeOffset? AcceptedAt);

public sealed record ContactCircleInput(string? Message);
