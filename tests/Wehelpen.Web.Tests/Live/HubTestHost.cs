using System.Net.WebSockets;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Wehelpen.LiveClient;

namespace Wehelpen.Web.Tests.Live;

/// <summary>
/// A bare app with the test hubs only (no configuration files, no logging, so no file watchers), over TestServer, or
/// over Kestrel on a loopback port to try <see cref="LiveHubClient.ConnectAsync"/> on a real socket.
/// </summary>
internal sealed class HubTestHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Uri _baseAddress;

    private HubTestHost(WebApplication app, Uri baseAddress)
    {
        _app = app;
        _baseAddress = baseAddress;
    }

    public HubProbe Probe => _app.Services.GetRequiredService<HubProbe>();

    public static async Task<HubTestHost> StartAsync(bool overLoopback = false)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        if (overLoopback) builder.WebHost.UseKestrelCore().UseUrls("http://127.0.0.1:0");
        else builder.WebHost.UseTestServer();
        builder.Services.AddSingleton<HubProbe>();
        // Two invocations at a time per client, so that Abort can run while Hang waits.
        builder.Services.AddSignalR(signalR => signalR.MaximumParallelInvocationsPerClient = 2)
            .AddJsonProtocol(json => json.PayloadSerializerOptions.Converters.Add(
                // Strings only, so a client that sent numbers for enums would fail.
                new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false)));

        var app = builder.Build();
        app.MapHub<EchoHub>("/hubs/echo");
        app.MapHub<RefusingHub>("/hubs/refusing");
        await app.StartAsync();

        var baseAddress = overLoopback
            ? new Uri(app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single())
            : app.GetTestServer().BaseAddress;
        return new HubTestHost(app, baseAddress);
    }

    /// <param name="wrap">Over TestServer: puts something around the socket before the client gets it.</param>
    public async Task<LiveHubClient> ConnectAsync(string path = "hubs/echo", Func<WebSocket, WebSocket>? wrap = null)
    {
        var uri = new UriBuilder(new Uri(_baseAddress, path)) { Scheme = "ws" }.Uri;
        if (_app.Services.GetRequiredService<IServer>() is not TestServer server) return await LiveHubClient.ConnectAsync(uri);
        var socket = await server.CreateWebSocketClient().ConnectAsync(uri, CancellationToken.None);
        return await LiveHubClient.StartAsync(wrap is null ? socket : wrap(socket));
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}

/// <summary>What the hubs saw, for the tests to await.</summary>
public sealed class HubProbe
{
    private readonly TaskCompletionSource<Exception?> _firstDisconnect = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The error the first connection to end ended with (null for a clean close).</summary>
    public Task<Exception?> FirstDisconnect => _firstDisconnect.Task;

    public void Disconnected(Exception? exception) => _firstDisconnect.TrySetResult(exception);
}
