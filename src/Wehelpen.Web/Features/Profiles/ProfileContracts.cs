namespace Wehelpen.Web.Features.Profiles;

public sealed record AvailabilitySlot(DayOfWeek Day, DayPart Part);

/// <param name="Areas">PC4 areas to help in instead of the radius around home; empty or null for the radius.</param>
public sealed record VolunteerSettings(IReadOnlyList<string>? Categories, int? ServiceRadiusKm, IReadOnlyList<AvailabilitySlot>? Availability, IReadOnlyList<string>? Areas = null);

/// <summary>The whole profile as a person edits it; the same shape for the page and PUT /api/v1/profile.</summary>
public sealed record ProfileUpdate(
    string? DisplayName,
    string? Postcode,
    string? Language,
    IReadOnlyList<string>? Roles,
    VolunteerSettings? Volunteer);

public sealed record PlaceResponse(string Postcode, string Pc4, string PlaceName, double Latitude, double Longitude);

public sealed record ProfileResponse(
    string Id,
    string Email,
    string DisplayName,
    string Language,
    IReadOnlyList<string> Roles,
    PlaceResponse? Place,
    VolunteerSettings? Volunteer);
