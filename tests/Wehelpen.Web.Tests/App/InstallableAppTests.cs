using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Wehelpen.Web.Hosting;

namespace Wehelpen.Web.Tests.App;

/// <summary>
/// What a phone needs to install Wehelpen and open it offline (Features/App, wwwroot/sw.js): the manifest and the
/// service worker as the browser fetches them, every page pointing at them, the offline page, and signing out.
/// The service worker's behaviour in a browser: e2e/Wehelpen.E2E/OfflineJourneyTests.cs.
/// </summary>
public sealed class InstallableAppTests
{
    [Fact]
    public async Task The_manifest_and_the_service_worker_are_served_fresh_with_their_types_and_the_usual_headers()
    {
        await using var app = await WehelpenApplication.StartAsync();
        using var client = app.CreateApiClient();

        var manifest = await client.GetAsync("/manifest.webmanifest");
        Assert.Equal(HttpStatusCode.OK, manifest.StatusCode);
        Assert.Equal("application/manifest+json", manifest.Content.Headers.ContentType?.MediaType);
        Assert.True(manifest.Headers.CacheControl?.NoCache, $"manifest: Cache-Control {manifest.Headers.CacheControl}");
        Assert.Equal(SecurityHeaders.ContentSecurityPolicy, Header(manifest, "Content-Security-Policy"));
        using (var json = JsonDocument.Parse(await manifest.Content.ReadAsStringAsync()))
        {
            var root = json.RootElement;
            Assert.Equal("Wehelpen", root.GetProperty("name").GetString());
            Assert.Equal("Wehelpen", root.GetProperty("short_name").GetString());
            Assert.Equal("nl", root.GetProperty("lang").GetString());
            Assert.Equal("/?bron=app", root.GetProperty("start_url").GetString());
            Assert.Equal("/", root.GetProperty("scope").GetString());
            Assert.Equal("standalone", root.GetProperty("display").GetString());
            Assert.Equal("#0b5d4b", root.GetProperty("theme_color").GetString());
            var icons = root.GetProperty("icons").EnumerateArray().Select(i => (i.GetProperty("sizes").GetString(), i.GetProperty("purpose").GetString())).ToList();
            Assert.Contains(("192x192", "any"), icons);
            Assert.Contains(("512x512", "any"), icons);
            Assert.Contains(("192x192", "maskable"), icons);
            Assert.Contains(("512x512", "maskable"), icons);
        }

        var worker = await client.GetAsync("/sw.js");
        Assert.Equal(HttpStatusCode.OK, worker.StatusCode);
        Assert.Contains(worker.Content.Headers.ContentType?.MediaType, new[] { "text/javascript", "application/javascript" });
        Assert.True(worker.Headers.CacheControl?.NoCache, $"sw.js: Cache-Control {worker.Headers.CacheControl}");
        Assert.Equal(SecurityHeaders.ContentSecurityPolicy, Header(worker, "Content-Security-Policy"));
        var script = await worker.Content.ReadAsStringAsync();
        Assert.Contains("addEventListener(\"push\"", script);
        Assert.Contains("addEventListener(\"notificationclick\"", script);

        // Other static files keep the usual caching: only the service worker must be asked for each time.
        Assert.Null((await client.GetAsync("/css/site.css")).Headers.CacheControl);
    }

    [Fact]
    public async Task Every_page_links_the_manifest_the_icon_the_colour_and_the_script_that_registers_the_service_worker()
    {
        await using var app = await WehelpenApplication.StartAsync();
        using var client = app.CreateApiClient();

        foreach (var path in new[] { "/", "/account/login", "/privacy" })
        {
            var html = await client.PageAsync(path);
            Assert.Contains("<link rel=\"manifest\" href=\"/manifest.webmanifest\">", html);
            Assert.Contains("<meta name=\"theme-color\" content=\"#0b5d4b\">", html);
            Assert.Contains("<link rel=\"apple-touch-icon\" href=\"/icons/icon-192.png\">", html);
            Assert.Matches("<script src=\"/js/pwa.js\\?v=[^\"]+\" defer></script>", html);
            // The texts of an offline copy, in the page's language.
            Assert.Contains("data-offline-banner=\"U bent offline; dit is wat u het laatst zag.\"", html);
            Assert.Contains("data-offline-note=\"Hiervoor is een verbinding nodig.\"", html);
        }
        using var english = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await PageForms.PostAsync(english, "/language", [new("language", "en"), new("returnUrl", "/")], formPage: "/");
        var page = await english.PageAsync("/");
        Assert.Contains("data-offline-banner=\"You are offline; this is what you saw last.\"", page);
        Assert.Contains("data-offline-note=\"This needs a connection.\"", page);
    }

    [Fact]
    public async Task The_offline_page_is_nobodys_and_comes_in_the_language_its_address_asks_for()
    {
        await using var app = await WehelpenApplication.StartAsync();
        using var client = app.CreateApiClient();

        var dutch = await client.PageAsync("/offline?lang=nl");
        var english = await client.PageAsync("/offline?lang=en");

        Assert.Contains("<h1>U bent offline</h1>", dutch);
        Assert.Contains("<a href=\"/\">Naar de startpagina</a>", dutch);
        Assert.Contains("<html lang=\"en\">", english);
        Assert.Contains("<h1>You are offline</h1>", english);
        // No menu, no language switch, no form: the same page for everyone who is offline.
        Assert.DoesNotContain("<nav aria-label=\"Hoofdmenu\"", dutch);
        Assert.DoesNotContain("<form", dutch);
        Assert.Contains("data-live-user=\"\"", dutch);
        // The address's language is for this page only; the others stay Dutch unless the person chose.
        Assert.Contains("<html lang=\"nl\">", await client.PageAsync("/privacy?lang=en"));
    }

    [Fact]
    public async Task Signing_out_clears_the_browsers_cache_but_keeps_its_storage_and_service_worker()
    {
        await using var app = await WehelpenApplication.StartAsync();
        await app.RegisterConfirmedAsync("tom@example.nl", "Tom");
        using var browser = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await PageForms.PostAsync(browser, "/account/login", [new("Input.Email", "tom@example.nl"), new("Input.Password", WehelpenApplication.Password)]);

        var logout = await PageForms.PostAsync(browser, "/account/logout", []);

        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        // "storage" would also remove the service worker and the phone's push subscription (docs/decisions/offline-pages.md).
        Assert.Equal("\"cache\"", Header(logout, "Clear-Site-Data"));
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values) ? string.Join(", ", values) : null;
}
