using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.SignalR;
using Wehelpen.Web.Features.Chat;
using Wehelpen.Web.Platform.Live;
using Wehelpen.Web.Tests.Circles;

namespace Wehelpen.Web.Tests.Live;

/// <summary>People on the live hub, over the test server's WebSocket, as an app would connect: with a bearer token.</summary>
public static class LiveSteps
{
    /// <summary>Presence is told at once in tests (no grace after the last connection closes).</summary>
    public static readonly Dictionary<string, string?> Settings = new()
    {
        ["Live:OfflineGraceSeconds"] = "0",
        ["RateLimits:LoginAttemptsPerMinute"] = "1000",
    };

    public static Task<WehelpenApplication> StartAsync(DatabaseProvider provider) => WehelpenApplication.StartAsync(provider, Settings);

    /// <summary>Logs the person in and opens the hub with their token; <paramref name="language"/> as an app's Accept-Language.</summary>
    public static async Task<LiveConnection> ConnectAsync(this WehelpenApplication app, string name, string? language = null)
    {
        var token = await TokenAsync(app, name);
        return await app.OpenHubAsync(token: token, language: language);
    }

    /// <summary>
    /// The official client over the test server's WebSocket: the bearer token (<paramref name="token"/>) goes in the
    /// upgrade request's Authorization header, as the client puts it on a real socket; <paramref name="configure"/> may
    /// change that request further (an Origin, a token of its own).
    /// </summary>
    public static async Task<LiveConnection> OpenHubAsync(this WehelpenApplication app, Action<HttpRequest>? configure = null,
        string query = "", string? token = null, string? language = null)
    {
        var server = app.Server;
        var client = await LiveConnection.StartAsync(new Uri(server.BaseAddress, $"{LiveTransportExtensions.HubPath.TrimStart('/')}{query}"), o =>
        {
            if (token is not null) o.AccessTokenProvider = () => Task.FromResult<string?>(token);
            if (language is not null) o.Headers["Accept-Language"] = language;
            o.HttpMessageHandlerFactory = _ => server.CreateHandler();
            o.WebSocketFactory = async (context, ct) =>
            {
                var bearer = context.Options.AccessTokenProvider is { } provider ? await provider() : null;
                var sockets = server.CreateWebSocketClient();
                sockets.ConfigureRequest = request =>
                {
                    foreach (var (header, value) in context.Options.Headers) request.Headers[header] = value;
                    if (bearer is not null) request.Headers.Authorization = $"Bearer {bearer}";
                    configure?.Invoke(request);
                };
                return await sockets.ConnectAsync(context.Uri, ct);
            };
        });
        // The handshake is answered before the hub has put the connection in its circles; a first call is answered after.
        await client.InvokeAsync("UnreadCounts", []);
        return client;
    }

    public static async Task<string> TokenAsync(this WehelpenApplication app, string name)
    {
        using var client = await app.LoginAsync(CircleSteps.EmailOf(name));
        return client.DefaultRequestHeaders.Authorization!.Parameter!;
    }

    /// <summary>A request of the request steps (dated in November 2026) moved to three days from now, for an app on the real clock.</summary>
    public static Dictionary<string, object?> Upcoming(Dictionary<string, object?> request)
    {
        request["date"] = DateTime.UtcNow.AddDays(3).ToString("yyyy-MM-dd");
        return request;
    }

    public static object Circle(Guid circleId) => new { kind = "circle", id = circleId };

    public static object Request(Guid requestId) => new { kind = "request", id = requestId };

    public static Task<JsonElement> SendChatAsync(this LiveConnection client, object target, string text, string? clientMessageId = null) =>
        client.InvokeAsync("SendChat", [target, new { clientMessageId = clientMessageId ?? Guid.NewGuid().ToString("N"), text }]);

    public static Task<JsonElement> HistoryAsync(this LiveConnection client, object target, long? before = null, long? after = null, int? limit = null) =>
        client.InvokeAsync("ChatHistory", [target, new { before, after, limit }]);

    /// <summary>The message of a refusal, as the person would read it.</summary>
    public static async Task<string> RefusedAsync(this LiveConnection client, string method, params object?[] args)
    {
        var refused = await Assert.ThrowsAsync<HubException>(() => client.InvokeAsync(method, args));
        return LiveConnection.Refusal(refused);
    }

    /// <summary>The next chat message this client hears in a conversation; its text.</summary>
    public static async Task<JsonElement> NextMessageAsync(this LiveConnection client, string text) =>
        (await client.NextAsync(ChatEvents.ChatMessage, a => a[0].GetProperty("text").GetString() == text))[0];

    public static string[] Texts(this JsonElement page) =>
        page.GetProperty("messages").EnumerateArray().Select(m => m.GetProperty("text").GetString()!).ToArray();

    public static long[] Seqs(this JsonElement page) =>
        page.GetProperty("messages").EnumerateArray().Select(m => m.GetProperty("seq").GetInt64()).ToArray();
}
