using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Wehelpen.Benchmarks.Live;

/// <summary>
/// The official SignalR client as the load programs open it, thousands at a time: a real WebSocket straight to the
/// hub (no negotiate request), the bearer token in the upgrade request, and nothing that would make the client's own
/// work show in the figures.
/// </summary>
internal static class LoadHub
{
    /// <summary>One read-only instance for every connection: each <see cref="JsonSerializerOptions"/> builds its own
    /// metadata cache, which thousands of connections would each pay for.</summary>
    private static readonly JsonSerializerOptions SerializerOptions = CreateSerializerOptions();

    /// <summary>
    /// Not started yet: the caller adds its handlers first. No automatic reconnect (a dropped connection must show in
    /// the figures as closed); the handshake gets 15 s; and the server's silence is not held against it, as the load
    /// must show a server that falls behind as latency rather than as connections the client gave up.
    /// </summary>
    public static HubConnection Create(Uri hub, string accessToken)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(hub, HttpTransportType.WebSockets, o =>
            {
                o.SkipNegotiation = true;
                o.AccessTokenProvider = () => Task.FromResult<string?>(accessToken);
            })
            .AddJsonProtocol(o => o.PayloadSerializerOptions = SerializerOptions)
            .Build();
        connection.HandshakeTimeout = TimeSpan.FromSeconds(15);
        connection.KeepAliveInterval = TimeSpan.FromSeconds(15);
        connection.ServerTimeout = TimeSpan.FromHours(1);
        return connection;
    }

    private static JsonSerializerOptions CreateSerializerOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
