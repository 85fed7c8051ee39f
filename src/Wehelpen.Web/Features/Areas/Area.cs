namespace Wehelpen.Web.Features.Areas;

/// <summary>One of Amsterdam's stadsdelen, or Weesp (a stadsgebied since the merger of 2022).</summary>
/// <param name="Code">Stable, used in URLs and the database: "noord", "nieuw-west", ...</param>
public sealed record Stadsdeel(string Code, string Name);

/// <summary>One of the 22 gebieden of Amsterdam (or Weesp): the scale of a buurtteam and of the figures.</summary>
/// <param name="Code">Stable, used in URLs and the database: "oud-noord", "de-pijp-rivierenbuurt", ...</param>
/// <param name="Number">The municipality's gebied number (1-22); 23 for Weesp.</param>
/// <param name="Colour">Its colour on the map; neighbouring areas differ, and text on it stays readable.</param>
public sealed record Area(string Code, int Number, string Name, Stadsdeel Stadsdeel, string Colour);
