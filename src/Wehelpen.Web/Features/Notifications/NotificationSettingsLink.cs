using Microsoft.AspNetCore.DataProtection;
using Wehelpen.Web.Platform.Email;

namespace Wehelpen.Web.Features.Notifications;

/// <summary>
/// The link at the foot of every notification mail that opens the person's notification settings without
/// logging in: one click from "too much mail" to less. The token names the person, is signed with the app's
/// data-protection keys and lasts <see cref="Lifetime"/>; it opens the settings and nothing else.
/// </summary>
public sealed class NotificationSettingsLink(IDataProtectionProvider protection, EmailLinks links)
{
    public const string Path = "/notifications/settings";
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(60);

    private ITimeLimitedDataProtector Protector => protection.CreateProtector("Wehelpen.NotificationSettings.v1").ToTimeLimitedDataProtector();

    public string For(string userId) => links.To($"{Path}?token={Uri.EscapeDataString(Protector.Protect(userId, Lifetime))}");

    /// <summary>The person the token was made for; null when it is forged, damaged or expired.</summary>
    public string? UserOf(string? token)
    {
        if (string.IsNullOrWhiteSpace(token)) return null;
        try { return Protector.Unprotect(token); }
        catch (System.Security.Cryptography.CryptographicException) { return null; }
    }
}
