using Microsoft.AspNetCore.Localization;

namespace Wehelpen.Web.Features.App;

/// <summary>
/// The installable app: the web app manifest, the service worker (wwwroot/sw.js) and the page it shows for a page
/// that was never seen when there is no connection. Why and what is kept offline: docs/decisions/offline-pages.md.
/// </summary>
public static class AppExtensions
{
    public const string ManifestPath = "/manifest.webmanifest";
    public const string ServiceWorkerPath = "/sw.js";
    public const string OfflinePath = "/offline";

    public static WebApplicationBuilder AddApp(this WebApplicationBuilder builder)
    {
        // The browser looks for a new service worker at each visit, but an old copy kept by its HTTP cache would delay
        // every fix for up to a day: it must ask the server each time (304 when nothing changed).
        builder.Services.Configure<StaticFileOptions>(o =>
        {
            var before = o.OnPrepareResponse;
            o.OnPrepareResponse = file =>
            {
                before(file);
                if (file.Context.Request.Path == ServiceWorkerPath) file.Context.Response.Headers.CacheControl = "no-cache";
            };
        });
        // The service worker keeps the offline page in both languages, fetched without cookies (it is the same for
        // everyone), so the language comes in the address there; everywhere else it stays the cookie's.
        builder.Services.Configure<RequestLocalizationOptions>(o => o.RequestCultureProviders.Insert(0, new CustomRequestCultureProvider(OfflineLanguage)));
        return builder;
    }

    public static WebApplication MapApp(this WebApplication app)
    {
        app.MapGet(ManifestPath, (HttpContext context) =>
        {
            context.Response.Headers.CacheControl = "no-cache";
            return Results.Json(AppManifest.Dutch, contentType: "application/manifest+json");
        }).ExcludeFromDescription();
        return app;
    }

    private static Task<ProviderCultureResult?> OfflineLanguage(HttpContext context)
    {
        if (context.Request.Path != OfflinePath || context.Request.Query["lang"] is not [{ } lang]) return Task.FromResult<ProviderCultureResult?>(null);
        var language = Localization.LocalizationExtensions.Normalise(lang);
        return Task.FromResult<ProviderCultureResult?>(new ProviderCultureResult(language, language));
    }
}
