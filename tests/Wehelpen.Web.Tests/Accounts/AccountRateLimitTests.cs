using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Wehelpen.Web.Tests.Accounts;

/// <summary>Registering, confirming and refreshing cannot be done by the thousand from one address.</summary>
public sealed class AccountRateLimitTests
{
    [Theory, BothDatabases]
    public async Task Registering_is_limited_per_address_on_the_API_and_the_page_and_another_address_is_not_held_up(DatabaseProvider provider)
    {
        await using var app = await WehelpenApplication.StartAsync(provider, new() { ["RateLimits:RegistrationsPerHour"] = "2" }, RateLimitAssert.ClientAddresses);
        using var api = app.CreateApiClient().From("203.0.113.7");
        using var browser = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }).From("203.0.113.7");

        Assert.Equal(HttpStatusCode.Created, (await RegisterAsync(api, "een@example.nl")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await RegisterOnPageAsync(browser, "twee@example.nl")).StatusCode);
        var third = await RegisterAsync(api, "drie@example.nl");
        var fourth = await RegisterOnPageAsync(browser, "vier@example.nl");

        Assert.Equal("Er zijn via deze internetverbinding in korte tijd veel accounts aangemaakt. U kunt het over 60 minuten weer proberen.",
            await RateLimitAssert.IsLimitedAsync(third));
        Assert.Contains("Er zijn via deze internetverbinding in korte tijd veel accounts aangemaakt.", await RateLimitAssert.IsLimitedPageAsync(fourth));
        Assert.Empty(app.Emails("drie@example.nl"));
        Assert.Empty(app.Emails("vier@example.nl"));
        using var elsewhere = app.CreateApiClient().From("198.51.100.20");
        Assert.Equal(HttpStatusCode.Created, (await RegisterAsync(elsewhere, "vijf@example.nl")).StatusCode);
    }

    [Theory, BothDatabases]
    public async Task Confirmation_links_are_limited_per_address_on_the_API_and_the_page(DatabaseProvider provider)
    {
        await using var app = await WehelpenApplication.StartAsync(provider, new() { ["RateLimits:EmailConfirmationsPerQuarterHour"] = "2" }, RateLimitAssert.ClientAddresses);
        using var api = app.CreateApiClient().From("203.0.113.7");
        var madeUp = new { userId = Guid.NewGuid().ToString(), code = "bWFkZS11cA" };

        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync($"/account/confirm-email?userId={madeUp.userId}&code={madeUp.code}")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await api.PostAsJsonAsync("/api/v1/account/confirm-email", madeUp)).StatusCode);
        var page = await api.GetAsync($"/account/confirm-email?userId={madeUp.userId}&code={madeUp.code}");
        var call = await api.PostAsJsonAsync("/api/v1/account/confirm-email", madeUp);

        Assert.Contains("Er zijn in korte tijd veel bevestigingslinks geopend.", await RateLimitAssert.IsLimitedPageAsync(page));
        Assert.StartsWith("Er zijn in korte tijd veel bevestigingslinks geopend. U kunt het over ", await RateLimitAssert.IsLimitedAsync(call));
        using var elsewhere = app.CreateApiClient().From("198.51.100.20");
        Assert.Equal(HttpStatusCode.BadRequest, (await elsewhere.PostAsJsonAsync("/api/v1/account/confirm-email", madeUp)).StatusCode);
    }

    [Theory, BothDatabases]
    public async Task Refreshing_tokens_is_limited_per_address_and_said_in_English_to_an_English_app(DatabaseProvider provider)
    {
        await using var app = await WehelpenApplication.StartAsync(provider, new() { ["RateLimits:TokenRefreshesPerQuarterHour"] = "2" }, RateLimitAssert.ClientAddresses);
        using var english = app.CreateApiClient("en").From("203.0.113.7");

        for (var i = 0; i < 2; i++)
            Assert.Equal(HttpStatusCode.Unauthorized, (await english.PostAsJsonAsync("/api/v1/account/refresh", new { refreshToken = "garbage" })).StatusCode);
        var refused = await english.PostAsJsonAsync("/api/v1/account/refresh", new { refreshToken = "garbage" });

        Assert.StartsWith("A new session has been asked for very often in a short time. You can try again in ",
            await RateLimitAssert.IsLimitedAsync(refused, "Please wait a moment"));
        using var elsewhere = app.CreateApiClient().From("2001:db8:1::5");
        Assert.Equal(HttpStatusCode.Unauthorized, (await elsewhere.PostAsJsonAsync("/api/v1/account/refresh", new { refreshToken = "garbage" })).StatusCode);
    }

    [Theory, BothDatabases]
    public async Task An_IPv6_client_counts_as_its_whole_64_network(DatabaseProvider provider)
    {
        await using var app = await WehelpenApplication.StartAsync(provider, new() { ["RateLimits:TokenRefreshesPerQuarterHour"] = "2" }, RateLimitAssert.ClientAddresses);
        using var client = app.CreateApiClient();

        foreach (var address in new[] { "2001:db8:1:2::1", "2001:db8:1:2:aaaa::7" })
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.From(address).PostAsJsonAsync("/api/v1/account/refresh", new { refreshToken = "x" })).StatusCode);
        var sameNetwork = await client.From("2001:db8:1:2:ffff::9").PostAsJsonAsync("/api/v1/account/refresh", new { refreshToken = "x" });
        var otherNetwork = await client.From("2001:db8:1:3::1").PostAsJsonAsync("/api/v1/account/refresh", new { refreshToken = "x" });

        await RateLimitAssert.IsLimitedAsync(sameNetwork);
        Assert.Equal(HttpStatusCode.Unauthorized, otherNetwork.StatusCode);
    }

    private static Task<HttpResponseMessage> RegisterAsync(HttpClient client, string email) =>
        client.PostAsJsonAsync("/api/v1/account/register", new
        {
            email, password = WehelpenApplication.Password, displayName = "Test Persoon", roles = new[] { "resident" }, acceptPrivacyStatement = true,
        });

    private static Task<HttpResponseMessage> RegisterOnPageAsync(HttpClient browser, string email) =>
        PageForms.PostAsync(browser, "/account/register",
        [
            new("Input.DisplayName", "Test Persoon"), new("Input.Email", email), new("Input.Password", WehelpenApplication.Password),
            new("Input.Roles", "resident"), new("Input.AcceptPrivacyStatement", "true"),
        ]);
}
