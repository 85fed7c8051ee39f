using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.SignalR;
using Wehelpen.Web.Hosting;
using Wehelpen.Web.Platform.Cluster;
using Wehelpen.Web.Platform.PersonalData;

namespace Wehelpen.Web.Platform.Live;

/// <summary>
/// The live transport: one SignalR hub, its connections (which circles each gets, who is online, on every node) and
/// <see cref="ILiveSender"/> to send through it. The hub class itself and its methods are the product's (mapped by a
/// composition module); this part knows it only as <c>THub</c>. It needs an <see cref="ILiveAudience"/> from a feature.
/// </summary>
public static class LiveTransportExtensions
{
    public const string HubPath = ProgramRequests.HubsPath + "/live";

    /// <param name="filters">The product's hub filters, run after the transport's refusal log and the caller's culture.</param>
    public static WebApplicationBuilder AddLiveTransport<THub>(this WebApplicationBuilder builder, Action<HubOptions> filters) where THub : Hub
    {
        var services = builder.Services;
        services.AddPersonalData<LivePersonalData>();
        services.AddSignalR(o =>
            {
                o.EnableDetailedErrors = builder.Environment.IsDevelopment();
                o.AddFilter<LiveHubRefusals>(); // first: around everything else
                o.AddFilter<LiveHubCulture>();
                filters(o);
            })
            .AddJsonProtocol(o => o.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase)));
        builder.Logging.AddFilter(LiveHubRefusals.DispatcherCategory, LogLevel.None);
        services.AddSingleton(new LiveOptions(TimeSpan.FromSeconds(Math.Max(0, builder.Configuration.GetValue("Live:OfflineGraceSeconds", 10)))));
        services.AddSingleton(sp =>
        {
            var hub = sp.GetRequiredService<IHubContext<THub>>();
            return new LiveClients(hub.Clients, hub.Groups);
        });
        services.AddSingleton<SharedPresence>();
        services.AddSingleton<LiveConnections>();
        services.AddSingleton<LiveMetrics>();
        services.AddSingleton<ILiveSender, LiveSender>();
        services.AddSingleton<LiveNews>();
        // Several nodes on PostgreSQL: what the hub sends reaches the clients of every node (Platform/Cluster).
        if (ClusterExtensions.IsShared(builder))
            services.AddSingleton(typeof(HubLifetimeManager<>), typeof(ClusterHubLifetimeManager<>));
        return builder;
    }

    /// <summary>Maps the hub at <see cref="HubPath"/>, for pages of this site and for programs only.</summary>
    public static HubEndpointConventionBuilder MapLiveHub<THub>(this WebApplication app) where THub : Hub
    {
        var hub = app.MapHub<THub>(HubPath);
        hub.Add(SameOriginOnly);
        return hub;
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
