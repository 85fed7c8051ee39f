using Wehelpen.Web.Features.Areas;

namespace Wehelpen.Web.Features.Neighbourhoods.SocialMap;

/// <summary>An organisation as everyone reads it; <paramref name="Version"/> goes back with an edit.</summary>
public sealed record OrganisationResponse(
    Guid Id, string Stadsdeel, string StadsdeelName, string Name, OrganisationKind Kind, bool IsAllianceLead, string WhatTheyDo,
    string? Phone, string? Email, string? Website, string? Address, string? OpeningHours, string? Notes,
    DateTimeOffset? UpdatedAt, string? UpdatedByName, int Version);

/// <summary>
/// A new organisation, or the whole of an edited one. <paramref name="Version"/> is the version the edit started from
/// (required for an edit): when someone saved in between, the edit is refused, not merged.
/// </summary>
public sealed record OrganisationInput(
    string? Stadsdeel, string? Name, OrganisationKind? Kind, bool? IsAllianceLead, string? WhatTheyDo,
    string? Phone, string? Email, string? Website, string? Address, string? OpeningHours, string? Notes, int? Version = null);

public sealed record ReferralInput(Guid? OrganisationId, string? Note);

/// <param name="Organisation">The organisation as it is now, with its contact details; null when an admin deleted it.</param>
public sealed record ReferralResponse(
    Guid Id, Guid RequestId, string OrganisationName, string ReferredByName, string? Note, DateTimeOffset CreatedAt,
    OrganisationResponse? Organisation);
