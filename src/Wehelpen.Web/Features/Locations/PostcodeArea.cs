namespace Wehelpen.Web.Features.Locations;

/// <summary>One four-digit postcode area from the PC4 table.</summary>
/// <param name="Usable">False for post-box numbers and points that cannot be right; such areas are never used to place people.</param>
public sealed record PostcodeArea(string Pc4, string Place, GeoPoint Centre, bool Usable);
