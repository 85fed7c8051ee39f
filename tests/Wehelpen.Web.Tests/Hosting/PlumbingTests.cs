using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Wehelpen.Web.Tests.Hosting;

public sealed class PlumbingTests
{
    [Theory, BothDatabases]
    public async Task Health_checks_the_database(DatabaseProvider provider)
    {
        await using var app = await WehelpenApplication.StartAsync(provider);
        using var client = app.CreateApiClient();

        var response = await client.GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Theory, BothDatabases]
    public async Task The_OpenAPI_document_describes_the_account_profile_and_postcode_endpoints(DatabaseProvider provider)
    {
        await using var app = await WehelpenApplication.StartAsync(provider);
        using var client = app.CreateApiClient();

        var document = await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();

        Assert.Contains("/api/v1/account/register", paths);
        Assert.Contains("/api/v1/account/login", paths);
        Assert.Contains("/api/v1/profile", paths);
        Assert.Contains("/api/v1/postcodes/{postcode}", paths);
    }

    [Theory, BothDatabases]
    public async Task An_unexpected_error_is_a_ProblemDetails_without_a_stack_trace(DatabaseProvider provider)
    {
        // A route that fails on purpose, added by the test, shows what the real error pipeline does with it.
        await using var app = await WehelpenApplication.StartAsync(provider, services: s => s.AddSingleton<IStartupFilter>(new FailingRoute()));
        using var client = app.CreateApiClient();

        var response = await client.GetAsync("/api/v1/test-failure");

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.InternalServerError);
        Assert.Equal("Er ging iets mis aan onze kant", problem.GetProperty("title").GetString());
        Assert.DoesNotContain("geheim", problem.ToString());
    }

    [Theory, BothDatabases]
    public async Task An_unknown_API_path_is_a_Dutch_404_problem_and_an_unknown_page_a_friendly_page(DatabaseProvider provider)
    {
        await using var app = await WehelpenApplication.StartAsync(provider);
        using var client = app.CreateApiClient();

        var api = await client.GetAsync("/api/v1/bestaat-niet");
        var page = await client.GetAsync("/bestaat-niet");

        var problem = await ProblemAssert.IsProblemAsync(api, HttpStatusCode.NotFound);
        Assert.Equal("Niet gevonden", problem.GetProperty("title").GetString());
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Contains("Pagina niet gevonden", await page.Content.ReadAsStringAsync());
    }

    [Theory, BothDatabases]
    public async Task The_mail_page_is_not_there_outside_Development(DatabaseProvider provider)
    {
        await using var app = await WehelpenApplication.StartAsync(provider);
        await app.RegisterConfirmedAsync("prive@example.nl");
        using var client = app.CreateApiClient();

        var response = await client.GetAsync("/dev/mail");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("prive@example.nl", await response.Content.ReadAsStringAsync());
    }

    [Theory, BothDatabases]
    public async Task The_postcode_API_explains_unusable_postcodes(DatabaseProvider provider)
    {
        await using var app = await WehelpenApplication.StartAsync(provider);
        using var client = app.CreateApiClient();

        var good = await client.GetFromJsonAsync<JsonElement>("/api/v1/postcodes/1055kl");
        var postBox = await client.GetAsync("/api/v1/postcodes/1002");
        var malformed = await client.GetAsync("/api/v1/postcodes/hallo");

        Assert.Equal("1055 KL", good.GetProperty("postcode").GetString());
        Assert.Contains("postbus", (await ProblemAssert.IsProblemAsync(postBox, HttpStatusCode.NotFound)).GetProperty("detail").GetString());
        await ProblemAssert.IsProblemAsync(malformed, HttpStatusCode.BadRequest);
    }

    private sealed class FailingRoute : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.UseEndpoints(e => e.MapGet("/api/v1/test-failure", (HttpContext _) => throw new InvalidOperationException("geheim detail")));
        };
    }
}
