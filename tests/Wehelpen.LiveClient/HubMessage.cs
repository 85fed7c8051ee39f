using System.Text.Json;

namespace Wehelpen.LiveClient;

/// <summary>
/// One record of the JSON hub protocol, parsed. <see cref="Payload"/> (an invocation's arguments, a completion's
/// result) is cloned out of the receive buffer, so it stays valid after the buffer is reused.
/// </summary>
internal readonly record struct HubMessage(int Type, string? InvocationId, string? Target, JsonElement Payload, string? Error)
{
    public const int Invocation = 1;
    public const int Completion = 3;
    public const int Ping = 6;
    public const int Close = 7;

    public static HubMessage Parse(ReadOnlyMemory<byte> record)
    {
        using var document = JsonDocument.Parse(record);
        var root = document.RootElement;
        var type = root.GetProperty("type").GetInt32();
        return type switch
        {
            Invocation => new(type, OptionalString(root, "invocationId"), RequiredString(root, "target"), Cloned(root, "arguments"), null),
            Completion => new(type, RequiredString(root, "invocationId"), null, Cloned(root, "result"), OptionalString(root, "error")),
            Close => new(type, null, null, default, OptionalString(root, "error")),
            // Pings need no answer, and stream items, stream invocations, cancellations, acks and sequence
            // numbers (2, 4, 5, 8, 9) belong to features this client does not use.
            _ => new(type, null, null, default, null),
        };
    }

    /// <summary>The arguments of an invocation, one element each.</summary>
    public JsonElement[] Arguments()
    {
        if (Payload.ValueKind != JsonValueKind.Array) return [];
        var arguments = new JsonElement[Payload.GetArrayLength()];
        var i = 0;
        foreach (var argument in Payload.EnumerateArray()) arguments[i++] = argument;
        return arguments;
    }

    /// <summary>
    /// The server's handshake answer: <c>{}</c>, or <c>{"error":"..."}</c> when it refuses.
    /// </summary>
    public static void CheckHandshakeResponse(ReadOnlyMemory<byte> record)
    {
        using var document = JsonDocument.Parse(record);
        if (OptionalString(document.RootElement, "error") is { } error) throw new HubHandshakeException(error);
    }

    private static string? OptionalString(JsonElement message, string name) =>
        message.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string RequiredString(JsonElement message, string name) =>
        OptionalString(message, name) ?? throw new JsonException($"A type {message.GetProperty("type")} message without \"{name}\".");

    private static JsonElement Cloned(JsonElement message, string name) =>
        message.TryGetProperty(name, out var value) ? value.Clone() : default;
}
