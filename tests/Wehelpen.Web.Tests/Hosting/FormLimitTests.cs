using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Wehelpen.Web.Tests.Hosting;

/// <summary>A form beyond what the server reads (a field name over 2,048 bytes, a value over 4 MB) is a bad request, said and logged.</summary>
public sealed class FormLimitTests
{
    private static readonly string LongName = new('x', 2049);
    private static readonly string LongValue = new('x', 4 * 1024 * 1024 + 1);

    [Theory, BothDatabases]
    public async Task A_page_form_with_a_field_name_or_value_over_the_limits_gets_a_Dutch_400_page(DatabaseProvider provider)
    {
        var logs = new LogCapture();
        await using var app = await WehelpenApplication.StartAsync(provider, services: s => s.AddSingleton<ILoggerProvider>(logs));
        using var client = app.CreateApiClient();

        var longName = await PageForms.PostAsync(client, "/account/login", [new(LongName, "1"), new("Input.Email", "a@example.nl")]);
        var longValue = await PageForms.PostAsync(client, "/account/forgot-password", [new("Input.Email", LongValue)]);
        var language = await client.PostAsync("/language", new FormUrlEncodedContent([new(LongName, "1"), new("language", "en")]));
        // Not over any limit, but with a token that is not the page's (a page open for too long): the same page.
        var staleToken = await client.PostAsync("/account/login", new FormUrlEncodedContent([new("Input.Email", "a@example.nl"), new("__RequestVerificationToken", "oud")]));

        foreach (var response in new[] { longName, longValue, language, staleToken })
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
            Assert.Contains("Dit formulier kon niet worden gelezen", html);
            Assert.Contains("<html lang=\"nl\"", html);
        }
        Assert.DoesNotContain(logs.Records, r => r.Level >= LogLevel.Error);
        Assert.Equal(3, logs.Records.Count(r => r.Category == "Wehelpen.Web.Hosting.FormLimits" && r.Level == LogLevel.Information && r.Text.Contains("limit", StringComparison.Ordinal)));
    }

    [Theory, BothDatabases]
    public async Task An_API_call_with_such_a_form_gets_a_Dutch_400_problem(DatabaseProvider provider)
    {
        await using var app = await WehelpenApplication.StartAsync(provider);
        using var client = app.CreateApiClient();

        var longName = await client.PostAsync("/api/v1/account/login", new FormUrlEncodedContent([new(LongName, "1")]));
        var longValue = await client.PostAsync("/api/v1/account/forgot-password", new FormUrlEncodedContent([new("email", LongValue)]));

        foreach (var response in new[] { longName, longValue })
        {
            var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
            Assert.Equal("Het verzoek klopt niet", problem.GetProperty("title").GetString());
            Assert.Contains("te lang", problem.GetProperty("detail").GetString());
        }
    }
}
