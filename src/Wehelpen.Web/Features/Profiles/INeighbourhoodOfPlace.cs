namespace Wehelpen.Web.Features.Profiles;

/// <summary>
/// The named neighbourhood a four-digit postcode lies in, shown with a person's place on their profile. Profiles knows
/// no neighbourhoods: Features/Neighbourhoods (the gebieden of Amsterdam) provides this, and registers it.
/// </summary>
public interface INeighbourhoodOfPlace
{
    /// <summary>The area's and its stadsdeel's names, or null when the postcode lies in none the product knows.</summary>
    NeighbourhoodName? For(string pc4);
}

public sealed record NeighbourhoodName(string Area, string Stadsdeel);
