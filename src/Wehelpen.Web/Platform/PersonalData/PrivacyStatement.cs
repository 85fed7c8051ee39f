namespace Wehelpen.Web.Platform.PersonalData;

/// <summary>
/// The privacy statement at <see cref="Path"/> (the page: Features/Privacy/Statement). Registration (Features/Accounts)
/// records which <see cref="Version"/> a person accepted: change the version whenever what the statement promises
/// changes, so that it is known who agreed to which text.
/// </summary>
public static class PrivacyStatement
{
    /// <summary>The date of the text, as yyyy-MM-dd; shown on the page.</summary>
    public const string Version = "2026-12-06";

    public const string Path = "/privacy";

    /// <summary>Where a person uses their rights (export, erasure): the page of Features/Privacy.</summary>
    public const string MyDataPath = "/account/privacy";

    public static DateOnly Date => DateOnly.ParseExact(Version, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
