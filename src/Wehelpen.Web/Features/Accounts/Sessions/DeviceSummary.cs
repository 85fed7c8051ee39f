namespace Wehelpen.Web.Features.Accounts.Sessions;

/// <summary>
/// "Firefox op Windows" from a User-Agent: enough for a person to recognise their own devices in the list, and no more
/// (no versions, no models). The order matters: Edge and Opera also say Chrome, Chrome also says Safari, an iPhone says
/// "like Mac OS X" and Android says Linux.
/// </summary>
public static class DeviceSummary
{
    private static readonly (string Marker, string Name)[] Browsers =
    [
        ("Edg/", "Edge"), ("EdgA/", "Edge"), ("EdgiOS/", "Edge"), ("OPR/", "Opera"), ("SamsungBrowser/", "Samsung Internet"),
        ("Firefox/", "Firefox"), ("FxiOS/", "Firefox"), ("CriOS/", "Chrome"), ("Chrome/", "Chrome"), ("Chromium/", "Chromium"),
        ("Safari/", "Safari"),
    ];

    private static readonly (string Marker, string Name)[] Systems =
    [
        ("Windows", "Windows"), ("Android", "Android"), ("iPhone", "iPhone"), ("iPad", "iPad"), ("CrOS", "ChromeOS"),
        ("Macintosh", "macOS"), ("Mac OS X", "macOS"), ("Linux", "Linux"),
    ];

    public static (string? Browser, string? System) Of(string? userAgent)
    {
        if (string.IsNullOrEmpty(userAgent)) return (null, null);
        return (First(Browsers, userAgent), First(Systems, userAgent));
    }

    private static string? First((string Marker, string Name)[] known, string userAgent)
    {
        foreach (var (marker, name) in known)
            if (userAgent.Contains(marker, StringComparison.Ordinal)) return name;
        return null;
    }
}
