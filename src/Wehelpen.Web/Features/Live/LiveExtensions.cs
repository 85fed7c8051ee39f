using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Identity;
using Wehelpen.Web.Data;
using Wehelpen.Web.Features.Accounts;
using Wehelpen.Web.Features.Accounts.Sessions;
using Wehelpen.Web.Hosting;
using Wehelpen.Web.Platform.PersonalData;
using Wehelpen.Web.Platform.RateLimiting;

namespace Wehelpen.Web.Features.Live;

/// <summary>
/// Live: one SignalR hub for circle chat, request threads, presence, live page updates and volunteer alerts. Pages
/// work without it; with JavaScript they connect to it (wwwroot/js/live.js, with the official @microsoft/signalr
/// client from npm).
/// </summary>
public static class LiveExtensions
{
    public const string HubPath = ProgramRequests.HubsPath + "/live";

    public static WebApplicationBuilder AddLive(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddPersonalData<LivePersonalData>();
        services.AddSignalR(o =>
            {
                o.EnableDetailedErrors = builder.Environment.IsDevelopment();
                o.AddFilter<LiveHubRefusals>(); // first: around everything else
                o.AddFilter<LiveHubCulture>();
                // After the culture: a call of a session that ended is refused in the caller's language.
                o.AddFilter<SessionHubFilter>();
                o.AddFilter<RateLimitedHubMethods>(); // after the culture: its refusal is in the caller's language
            })
            .AddJsonProtocol(o => o.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase)));
        builder.Logging.AddFilter(LiveHubRefusals.DispatcherCategory, LogLevel.None);
        services.AddSingleton(new LiveOptions(TimeSpan.FromSeconds(Math.Max(0, builder.Configuration.GetValue("Live:OfflineGraceSeconds", 10)))));
        services.AddSingleton<SharedPresence>();
        services.AddSingleton<LiveConnections>();
        services.AddSingleton<LiveMetrics>();
        // Several nodes on PostgreSQL: what the hub sends reaches the clients of every node (Features/Cluster).
        if (DatabaseExtensions.Connection(builder).Provider == DatabaseProvider.Postgres)
            services.AddSingleton(typeof(HubLifetimeManager<>), typeof(ClusterHubLifetimeManager<>));
        services.AddSingleton<LiveNews>();
        // A browser cannot put a header on a WebSocket: an app's bearer token may come as ?access_token= on the hub only.
        services.PostConfigure<BearerTokenOptions>(IdentityConstants.BearerScheme, o =>
        {
            var before = o.Events.OnMessageReceived;
            o.Events.OnMessageReceived = async context =>
            {
                await before(context);
                if (context.Token is null && context.Request.Path.StartsWithSegments(ProgramRequests.HubsPath)
                    && context.Request.Query["access_token"].ToString() is { Length: > 0 } token)
                    context.Token = token;
            };
        });
        return builder;
    }

    public static WebApplication MapLive(this WebApplication app)
    {
        app.MapHub<LiveHub>(HubPath).RequireAuthorization(AccountsExtensions.ApiPolicy).Add(SameOriginOnly);
        return app;
    }

    /// <summary>
    /// A WebSocket is not bound by the browser's same-origin rules, and the login cookie goes with it: a page of another
    /// site must not open the hub in someone's name. Programs send no Origin and are let through (they use a token).
    /// </summary>
    private static void SameOriginOnly(EndpointBuilder endpoint)
    {
        var next = endpoint.RequestDelegate ?? throw new InvalidOperationException("The hub endpoint has no request delegate.");
        endpoint.RequestDelegate = context =>
        {
            var origin = context.Request.Headers.Origin.ToString();
            if (origin.Length == 0 || SameOrigin(origin, context.Request)) return next(context);
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return Task.CompletedTask;
        };
    }

    private static bool SameOrigin(string origin, HttpRequest request) =>
        Uri.TryCreate(origin, UriKind.Absolute, out var uri)
        && string.Equals(uri.Scheme, request.Scheme, StringComparison.OrdinalIgnoreCase)
        && string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase);
}
