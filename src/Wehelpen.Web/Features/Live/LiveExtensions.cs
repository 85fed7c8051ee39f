using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.SignalR;
using Wehelpen.Web.Features.Accounts;
using Wehelpen.Web.Features.Accounts.Sessions;
using Wehelpen.Web.Hosting;
using Wehelpen.Web.Platform.Live;
using Wehelpen.Web.Platform.RateLimiting;

namespace Wehelpen.Web.Features.Live;

/// <summary>
/// Live: the one SignalR hub for circle chat, request threads, presence, live page updates and volunteer alerts, on the
/// live transport (Platform/Live). Pages work without it; with JavaScript they connect to it (wwwroot/js/live.js, with
/// the official @microsoft/signalr client from npm). This module only composes: nothing depends on it.
/// </summary>
public static class LiveExtensions
{
    public static WebApplicationBuilder AddLive(this WebApplicationBuilder builder)
    {
        builder.AddLiveTransport<LiveHub>(o =>
        {
            // After the culture: a call of a session that ended is refused in the caller's language.
            o.AddFilter<SessionHubFilter>();
            o.AddFilter<RateLimitedHubMethods>(); // after the culture: its refusal is in the caller's language
        });
        // A browser cannot put a header on a WebSocket: an app's bearer token may come as ?access_token= on the hub only.
        builder.Services.PostConfigure<BearerTokenOptions>(IdentityConstants.BearerScheme, o =>
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
        app.MapLiveHub<LiveHub>().RequireAuthorization(AccountsExtensions.ApiPolicy);
        return app;
    }
}
