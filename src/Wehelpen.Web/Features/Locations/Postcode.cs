using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace Wehelpen.Web.Features.Locations;

/// <summary>
/// A Dutch postcode as people type it: "1012ab", "1012 AB", " 1012-ab " or only the four digits "1012".
/// Normalised to "1012 AB" (or "1012"); <see cref="Pc4"/> is the part we locate people by.
/// </summary>
public sealed partial record Postcode(string Pc4, string? Letters)
{
    public override string ToString() => Letters is null ? Pc4 : $"{Pc4} {Letters}";

    public static bool TryParse(string? input, [NotNullWhen(true)] out Postcode? postcode)
    {
        postcode = null;
        if (string.IsNullOrWhiteSpace(input)) return false;
        var match = Shape().Match(input.Trim());
        if (!match.Success) return false;
        var letters = match.Groups["letters"].Success ? match.Groups["letters"].Value.ToUpperInvariant() : null;
        // PostNL never hands out SA, SD and SS.
        if (letters is "SA" or "SD" or "SS") return false;
        postcode = new Postcode(match.Groups["pc4"].Value, letters);
        return true;
    }

    [GeneratedRegex(@"^(?<pc4>[1-9][0-9]{3})(?:[\s-]*(?<letters>[A-Za-z]{2}))?$")]
    private static partial Regex Shape();
}
