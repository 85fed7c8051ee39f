using System.Text.Json;

namespace Wehelpen.Web.Features.Push;

/// <summary>
/// What a push shows, as the service worker reads it: a title, a short body and the page it opens (a path of this
/// site). Never an address, a phone number, a medical detail or more of a message than the person allowed.
/// </summary>
public sealed record PushContent(string Title, string Body, string Url, string? Tag = null)
{
    public const int TitleMaxLength = 120;
    public const int BodyMaxLength = 240;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    public string ToJson() => JsonSerializer.Serialize(this with { Title = Shorten(Title, TitleMaxLength), Body = Shorten(Body, BodyMaxLength) }, Json);

    public static PushContent FromJson(string json) => JsonSerializer.Deserialize<PushContent>(json, Json) ?? new PushContent("", "", "/");

    /// <summary>Cut at a word where it can be, with an ellipsis: a push is read at a glance.</summary>
    public static string Shorten(string text, int max)
    {
        text = text.ReplaceLineEndings(" ").Trim();
        if (text.Length <= max) return text;
        var cut = text.LastIndexOf(' ', max - 1);
        return text[..(cut > max / 2 ? cut : max - 1)].TrimEnd() + "…";
    }
}

/// <summary>A push about to be made for a person: on each of their devices, once per cause.</summary>
/// <param name="Render">The content, from the person's push settings (the chat preview), called once per person with their language as the current culture.</param>
/// <param name="Urgent">Goes at once, also in quiet hours.</param>
/// <param name="ExpiresAt">Not worth showing after this moment.</param>
public sealed record NewPush(string UserId, string SourceKey, Func<PushSettings, PushContent> Render, bool Urgent, DateTimeOffset ExpiresAt);
