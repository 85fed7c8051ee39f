using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Wehelpen.Web.Tests.Circles;
using Wehelpen.Web.Tests.Offers;
using Wehelpen.Web.Tests.Requests;

namespace Wehelpen.Web.Tests.Telemetry;

/// <summary>/metrics, the Prometheus scrape: for administrators only, and nothing in it names a person.</summary>
public sealed class MetricsEndpointTests
{
    [Theory, BothDatabases]
    public async Task An_administrator_scrapes_the_metrics_and_nobody_else_reads_them(DatabaseProvider provider)
    {
        var (app, _) = await RequestSteps.StartAsync(provider);
        await using var _app = app;
        var c = await app.TwoCirclesAsync();
        await c.Coordinator.PostedIdAsync(c.CircleId);
        await app.PersonAsync("Ada Beheer");
        using var admin = await app.AdministratorAsync("Ada Beheer");

        using var anonymous = app.CreateApiClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/metrics")).StatusCode);
        var user = await c.Coordinator.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.Forbidden, user.StatusCode);
        Assert.DoesNotContain("wehelpen_", await user.Content.ReadAsStringAsync());
        using var browser = await app.BrowserAsync("Mo Lid");
        var page = await browser.GetAsync("/metrics");
        Assert.True(page.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Redirect, page.StatusCode.ToString());
        Assert.DoesNotContain("wehelpen_", await page.Content.ReadAsStringAsync());

        var scrape = await admin.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.OK, scrape.StatusCode);
        Assert.StartsWith("text/plain", scrape.Content.Headers.ContentType?.MediaType);
        var text = await scrape.Content.ReadAsStringAsync();
        Assert.Contains("# TYPE wehelpen_requests_changes_total counter", text);
        Assert.Matches("wehelpen_requests_changes_total\\{.*audience=\"neighbourhood\".*change=\"posted\".*\\} [1-9]", text);
        Assert.Contains("http_server_request_duration_seconds", text); // ASP.NET Core's own
        Assert.Contains("dotnet_gc_", text); // and the runtime's
        foreach (var personal in new[] { "Boodschappen", RequestSteps.Address, CircleSteps.EmailOf("Carla Coördinator"), c.CircleId.ToString() })
            Assert.DoesNotContain(personal, text);
    }
}

/// <summary>A scraper of its own port (Telemetry:ScrapePort) reads /metrics without a sign-in; elsewhere it stays for administrators.</summary>
public sealed class ScrapePortTests
{
    private const int ScrapePort = 9464;

    [Fact]
    public async Task The_scrape_port_needs_no_sign_in_and_a_host_header_does_not_open_it()
    {
        await using var app = await WehelpenApplication.StartAsync(settings: new() { ["Telemetry:ScrapePort"] = ScrapePort.ToString() },
            // The test server has no sockets: a header stands in for the port the connection came in on.
            services: s => s.Insert(0, ServiceDescriptor.Singleton<IStartupFilter>(new LocalPortFromHeader())));
        using var client = app.CreateApiClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode); // something to count

        var scraper = new HttpRequestMessage(HttpMethod.Get, "/metrics") { Headers = { { LocalPortFromHeader.Header, ScrapePort.ToString() } } };
        var scrape = await client.SendAsync(scraper);
        Assert.Equal(HttpStatusCode.OK, scrape.StatusCode);
        Assert.Contains("http_server_request_duration_seconds", await scrape.Content.ReadAsStringAsync());

        var pretending = new HttpRequestMessage(HttpMethod.Get, "/metrics") { Headers = { Host = $"localhost:{ScrapePort}" } };
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.SendAsync(pretending)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/metrics")).StatusCode);
    }

    private sealed class LocalPortFromHeader : IStartupFilter
    {
        public const string Header = "X-Test-Local-Port";

        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (int.TryParse(context.Request.Headers[Header], out var port)) context.Connection.LocalPort = port;
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
