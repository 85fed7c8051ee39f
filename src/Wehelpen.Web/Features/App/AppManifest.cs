using System.Text.Json.Serialization;

namespace Wehelpen.Web.Features.App;

/// <summary>
/// The web app manifest (https://www.w3.org/TR/appmanifest/): what a phone needs to put Wehelpen on its home screen.
/// Written as a type rather than a file so the names the spec wants are checked here once. Dutch: the product is.
/// </summary>
public sealed record AppManifest(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("short_name")] string ShortName,
    [property: JsonPropertyName("description")] string Description,
    [property: JsonPropertyName("lang")] string Lang,
    [property: JsonPropertyName("dir")] string Dir,
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("start_url")] string StartUrl,
    [property: JsonPropertyName("scope")] string Scope,
    [property: JsonPropertyName("display")] string Display,
    [property: JsonPropertyName("theme_color")] string ThemeColor,
    [property: JsonPropertyName("background_color")] string BackgroundColor,
    [property: JsonPropertyName("icons")] IReadOnlyList<ManifestIcon> Icons)
{
    public const string ThemeColour = "#0b5d4b";

    public static readonly AppManifest Dutch = new(
        Name: "Wehelpen",
        ShortName: "Wehelpen",
        Description: "Samen zorgen voor elkaar, in de buurt: uw zorgcirkel, de agenda, notities en hulp van buren.",
        Lang: "nl",
        Dir: "ltr",
        // The app's identity stays "/" even if the start address ever changes; ?bron=app tells visits from the
        // home screen apart in the server's logs.
        Id: "/",
        StartUrl: "/?bron=app",
        Scope: "/",
        Display: "standalone",
        ThemeColor: ThemeColour,
        BackgroundColor: "#ffffff",
        Icons:
        [
            new("/icons/icon-192.png", "192x192", "image/png", "any"),
            new("/icons/icon-512.png", "512x512", "image/png", "any"),
            // Maskable: the logo inside the safe zone, so a phone may crop the icon to a circle or a rounded square.
            new("/icons/icon-maskable-192.png", "192x192", "image/png", "maskable"),
            new("/icons/icon-maskable-512.png", "512x512", "image/png", "maskable"),
        ]);
}

public sealed record ManifestIcon(
    [property: JsonPropertyName("src")] string Src,
    [property: JsonPropertyName("sizes")] string Sizes,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("purpose")] string Purpose);
