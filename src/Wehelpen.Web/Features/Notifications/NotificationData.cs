using System.Text.Json;

namespace Wehelpen.Web.Features.Notifications;

/// <summary>The facts a notification's text is made of; what is not needed for a kind stays empty.</summary>
public sealed record NotificationData(
    string? Title = null, DateTimeOffset? At = null, string? Circle = null, string? Person = null, string? Place = null, int? Count = null,
    string? Message = null, string? Organisation = null, int? DistanceMetres = null)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static NotificationData FromJson(string json) => JsonSerializer.Deserialize<NotificationData>(json, Json) ?? new NotificationData();

    /// <summary>How a person's name stands in the stored JSON: to find the notifications that name them.</summary>
    public static string PersonFragment(string name) => "\"person\":" + JsonSerializer.Serialize(name, Json);

    /// <summary>How a circle's name stands in the stored JSON.</summary>
    public static string CircleFragment(string name) => "\"circle\":" + JsonSerializer.Serialize(name, Json);
}

/// <summary>A notification about to be made: for whom, what, where it leads, and the cause that makes it unique.</summary>
public sealed record NewNotification(string UserId, NotificationKind Kind, NotificationData Data, string Link, string SourceKey);
