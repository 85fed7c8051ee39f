using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Wehelpen.Web.Tests.Hosting;

/// <summary>Links in mail come from configuration, never from the request that caused the mail.</summary>
public sealed class MailLinkTests
{
    [Theory, BothDatabases]
    public async Task A_reset_asked_for_with_another_Host_header_mails_a_link_to_the_app_itself(DatabaseProvider provider)
    {
        await using var app = await WehelpenApplication.StartAsync(provider);
        await app.RegisterConfirmedAsync("mia@example.nl");
        await app.RegisterConfirmedAsync("mo@example.nl");
        using var client = app.CreateApiClient();
        client.DefaultRequestHeaders.Host = "evil.example";

        var api = await client.PostAsJsonAsync("/api/v1/account/forgot-password", new { email = "mia@example.nl" });
        var page = await PageForms.PostAsync(client, "/account/forgot-password", [new("Input.Email", "mo@example.nl")]);

        Assert.Equal(HttpStatusCode.Accepted, api.StatusCode);
        Assert.True(page.StatusCode is HttpStatusCode.OK or HttpStatusCode.Redirect, $"{page.StatusCode}");
        foreach (var to in new[] { "mia@example.nl", "mo@example.nl" })
        {
            var link = app.LinkInEmail(to, "/account/reset-password");
            Assert.DoesNotContain("evil.example", app.Emails(to)[0].TextBody + app.Emails(to)[0].HtmlBody);
            Assert.Equal("localhost", link.Host);
        }
    }

    [Theory, BothDatabases]
    public async Task The_configured_public_address_is_used_whatever_the_request_says(DatabaseProvider provider)
    {
        await using var app = await WehelpenApplication.StartAsync(provider, new() { ["Email:PublicBaseUrl"] = "https://wehelpen.example.nl/" });
        await app.RegisterConfirmedAsync("mia@example.nl");
        using var client = app.CreateApiClient();
        client.DefaultRequestHeaders.Host = "evil.example";

        await client.PostAsJsonAsync("/api/v1/account/forgot-password", new { email = "mia@example.nl" });

        var link = app.LinkInEmail("mia@example.nl", "/account/reset-password");
        Assert.Equal("https://wehelpen.example.nl", link.GetLeftPart(UriPartial.Authority));
    }

    [Theory, BothDatabases]
    public async Task In_Production_the_app_does_not_start_without_a_public_address_and_says_what_to_set(DatabaseProvider provider)
    {
        var logs = new LogCapture();
        await using var database = await TestDatabase.CreateAsync(provider);

        var failure = Record.Exception(() => WehelpenApplication.StartOn(database, new() { ["environment"] = "Production" },
            s => s.AddSingleton<ILoggerProvider>(logs)));

        Assert.NotNull(failure);
        var line = Assert.Single(logs.Records, r => r.Level == LogLevel.Critical && r.Category.EndsWith("EmailSettingsCheck", StringComparison.Ordinal));
        Assert.Contains("Email__PublicBaseUrl", line.Text);
        Assert.DoesNotContain("   at ", line.Text);
    }
}
