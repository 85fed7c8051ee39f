using System.Globalization;

namespace Wehelpen.Web.Hosting;

/// <summary>
/// Unread counts on badges stop at <see cref="Cap"/>: "99+" tells a person as much as 40,000 does, and a count that
/// stops there costs the same however much was left unread, so no page gets slower as a chat or a bell fills up.
/// </summary>
public static class CappedCount
{
    public const int Cap = 99;

    /// <summary>Rows to count at most: one more than the cap tells "more than 99" apart from 99.</summary>
    public const int Rows = Cap + 1;

    /// <summary>The number as a badge shows it: "99+" for anything over the cap.</summary>
    public static string Shown(int count) => count > Cap ? $"{Cap}+" : count.ToString(CultureInfo.InvariantCulture);
}
