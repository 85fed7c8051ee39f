using System.Globalization;

namespace Wehelpen.Web.Features.Locations;

/// <summary>How far something is, as a person is told: rounded, then in words.</summary>
public static class Distances
{
    /// <summary>To 100 metres: close enough to choose, too coarse to find a door with.</summary>
    public static int Rounded(double metres) => (int)(Math.Round(metres / 100) * 100);

    /// <summary>"300 m" or "1,2 km", in the reader's language.</summary>
    public static string Text(int metres) =>
        metres < 1000 ? $"{metres} m" : string.Create(CultureInfo.CurrentCulture, $"{metres / 1000.0:0.0} km");
}
