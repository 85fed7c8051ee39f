using System.Text.Json;
using System.Text.Json.Serialization;

namespace Wehelpen.LiveClient;

/// <summary>How a <see cref="LiveHubClient"/> behaves. Read once when the client starts.</summary>
public sealed class LiveHubClientOptions
{
    /// <summary>
    /// The serializer settings the options start with: web defaults (camelCase, case-insensitive reading) and enums as
    /// camelCase strings. One shared, read-only instance, because each <see cref="JsonSerializerOptions"/> builds its
    /// own metadata cache and the load program starts thousands of clients.
    /// </summary>
    public static JsonSerializerOptions DefaultSerializerOptions { get; } = CreateDefaultSerializerOptions();

    // After DefaultSerializerOptions: static initializers run in the order they are written.
    internal static readonly LiveHubClientOptions Default = new();

    /// <summary>How often a Ping is sent while connected; the server drops a client that is silent for 30 s.
    /// <see cref="Timeout.InfiniteTimeSpan"/> sends none.</summary>
    public TimeSpan KeepAliveInterval { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>How long the server may take to answer the handshake.</summary>
    public TimeSpan HandshakeTimeout { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>Whether events are kept for <see cref="LiveHubClient.NextAsync"/> and <see cref="LiveHubClient.Received"/>.
    /// Off for the load program, which holds thousands of connections and only counts.</summary>
    public bool QueueEvents { get; init; } = true;

    /// <summary>
    /// Called on the receive loop for every server event, with its target and arguments. It must be cheap (it holds up
    /// the connection's reading) and must not throw: an exception ends the connection.
    /// </summary>
    public Action<string, JsonElement[]>? OnEvent { get; init; }

    /// <summary>Used to write invocation arguments and to read results in <see cref="LiveHubClient.InvokeAsync{T}"/>.</summary>
    public JsonSerializerOptions SerializerOptions { get; init; } = DefaultSerializerOptions;

    internal void Validate()
    {
        if (KeepAliveInterval <= TimeSpan.Zero && KeepAliveInterval != Timeout.InfiniteTimeSpan)
            throw new ArgumentOutOfRangeException(nameof(KeepAliveInterval), KeepAliveInterval, "The keep-alive interval must be positive, or infinite for none.");
        if (HandshakeTimeout <= TimeSpan.Zero && HandshakeTimeout != Timeout.InfiniteTimeSpan)
            throw new ArgumentOutOfRangeException(nameof(HandshakeTimeout), HandshakeTimeout, "The handshake timeout must be positive, or infinite.");
        ArgumentNullException.ThrowIfNull(SerializerOptions);
    }

    private static JsonSerializerOptions CreateDefaultSerializerOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
