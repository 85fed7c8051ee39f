using Microsoft.Extensions.Localization;

namespace Wehelpen.Web.Platform.Live;

/// <summary>The words the page scripts need, in the page's language (the layout puts them in the page as JSON).</summary>
public static class LiveTexts
{
    private static readonly string[] Keys =
    [
        "Live.Reconnecting", "Live.Reconnected", "Live.Updated", "Live.ChangedElsewhere", "Live.Reload", "Live.LeftCircle",
        "Live.NewNearby", "Live.GoneNearby", "Live.AlertClosed", "Live.Dismiss", "Live.Claiming",
        "Live.Notification.Label", "Live.Notification.New", "Live.Notification.Open",
        "Chat.Sending", "Chat.NotSent", "Chat.Typing", "Chat.TypingMany", "Chat.OnlineNow", "Chat.NobodyOnline",
        "Chat.NewMessage", "Chat.SentOffline",
    ];

    public static IReadOnlyDictionary<string, string> For(IStringLocalizer text) =>
        Keys.ToDictionary(k => k[(k.IndexOf('.') + 1)..].Replace(".", ""), k => text[k].Value);
}
