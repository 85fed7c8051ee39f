namespace Wehelpen.Web.Features.Circles;

/// <param name="ForMyself">True when the resident creates their own circle; false when a carer creates it for them.</param>
public sealed record CreateCircleRequest(bool? ForMyself, string? ResidentName, string? Name);

public sealed record RenameCircleRequest(string? Name);

public sealed record CircleResponse(Guid Id, string Name, string ResidentName, CircleRole MyRole, bool HasResident, int MemberCount);

/// <param name="TakeoverInvitation">When a carer created the circle: the invitation for the resident to take it over.</param>
public sealed record CreatedCircleResponse(CircleResponse Circle, InvitationResponse? TakeoverInvitation);

public sealed record MemberResponse(string UserId, string DisplayName, CircleRole Role, DateTimeOffset JoinedAt);

public sealed record ChangeRoleRequest(CircleRole? Role);

public sealed record MembershipEventResponse(MembershipChange Change, string SubjectName, string ActorName, CircleRole? Role, DateTimeOffset At);

public sealed record CreateInvitationRequest(CircleRole? Role, int? ValidDays, int? MaxUses);

public sealed record InvitationResponse(
    Guid Id, string Code, string Link, CircleRole Role, int Uses, int MaxUses, DateTimeOffset ExpiresAt, bool Revoked, bool Usable);

/// <summary>What someone holding a link or code sees before accepting: whose circle it is and who invited them.</summary>
public sealed record InvitationPreview(string CircleName, string ResidentName, string InvitedBy, CircleRole Role, DateTimeOffset ExpiresAt, bool AlreadyMember);
