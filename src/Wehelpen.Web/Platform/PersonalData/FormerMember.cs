using Microsoft.Extensions.Localization;

namespace Wehelpen.Web.Platform.PersonalData;

/// <summary>
/// Who wrote what stays in a circle after its writer erased their account: one account row without name, address,
/// password or sign-in (migration 0016), shared by every erased person so that nothing links their texts to each
/// other beyond the circle's own record. Shown as "Voormalig lid" (EN "Former member").
/// </summary>
public static class FormerMember
{
    public const string Id = "former-member";

    /// <summary>The resource key of the name shown for it.</summary>
    public const string NameKey = "Person.Former";

    public static bool Is(string? userId) => userId == Id;

    /// <summary>A name as stored or joined, or "Voormalig lid" where an erasure left none (every real name has text).</summary>
    public static string Shown(string? name, IStringLocalizer text) => string.IsNullOrEmpty(name) ? text[NameKey] : name;
}
