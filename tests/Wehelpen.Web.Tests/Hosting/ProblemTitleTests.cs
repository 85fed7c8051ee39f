using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Wehelpen.Web.Tests.Agenda;
using Wehelpen.Web.Tests.Circles;
using Wehelpen.Web.Tests.Requests;

namespace Wehelpen.Web.Tests.Hosting;

/// <summary>Every problem's title is in the caller's language, Dutch unless they asked for English; never the framework's English.</summary>
public sealed class ProblemTitleTests
{
    [Theory, BothDatabases]
    public async Task Claiming_a_taken_request_an_overlapping_appointment_and_a_used_invitation_are_refused_in_Dutch_or_English(DatabaseProvider provider)
    {
        var (app, _) = await RequestSteps.StartAsync(provider);
        await using var _app = app;
        var c = await app.TwoCirclesAsync();
        var (vera, _) = await app.VolunteerAsync("Vera Vrijwilliger");
        var (wim, _) = await app.VolunteerAsync("Wim Vrijwilliger");
        var requestId = await c.Coordinator.PostedIdAsync(c.CircleId);
        Assert.Equal(HttpStatusCode.OK, (await vera.ActAsync(requestId, "claim")).StatusCode);
        var hospital = new { title = "Ziekenhuis", date = "2026-12-14", startTime = "10:00", endTime = "11:30" };
        await c.Coordinator.PlannedAsync(c.CircleId, hospital);
        var code = (await c.Coordinator.InviteAsync(c.CircleId, maxUses: 1)).GetProperty("code").GetString()!;
        var (first, _) = await app.PersonAsync("Eerste Buur");
        Assert.Equal(HttpStatusCode.OK, (await first.AcceptAsync(code)).StatusCode);
        var (second, _) = await app.PersonAsync("Tweede Buur");

        foreach (var (language, title) in new[] { ((string?)null, "Dit kan nu niet"), ("en", "This cannot be done now") })
        {
            var claim = await SendAsync(wim, HttpMethod.Post, $"/api/v1/requests/{requestId}/claim", new { }, language);
            var overlap = await SendAsync(c.Coordinator, HttpMethod.Post, AgendaSteps.Agenda(c.CircleId), hospital, language);
            var accept = await SendAsync(second, HttpMethod.Post, $"/api/v1/invitations/{Uri.EscapeDataString(code)}/accept", null, language);

            foreach (var (what, response) in new[] { ("claim", claim), ("overlap", overlap), ("accept", accept) })
            {
                var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Conflict);
                Assert.True(problem.GetProperty("title").GetString() == title, $"{what} ({language ?? "nl"}): {problem}");
                Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()), $"{what}: {problem}");
            }
        }
    }

    [Theory, BothDatabases]
    public async Task Other_statuses_get_titles_in_the_callers_language_too(DatabaseProvider provider)
    {
        await using var app = await WehelpenApplication.StartAsync(provider, services: s => s.AddSingleton<IStartupFilter>(new StatusRoutes()));
        var expected = new Dictionary<int, (string Dutch, string English)>
        {
            [406] = ("Dit verzoek kan niet worden uitgevoerd", "This request cannot be carried out"),
            [409] = ("Dit kan nu niet", "This cannot be done now"),
            [413] = ("Te groot om te versturen", "Too large to send"),
            [418] = ("Dit verzoek kan niet worden uitgevoerd", "This request cannot be carried out"),
            [422] = ("Dit kan zo niet worden verwerkt", "This cannot be processed as it is"),
            [429] = ("Te veel verzoeken", "Too many requests"),
            [503] = ("Even niet beschikbaar", "Temporarily unavailable"),
        };

        foreach (var (status, (dutch, english)) in expected)
            foreach (var (language, title) in new[] { ((string?)null, dutch), ("en", english) })
            {
                using var client = app.CreateApiClient(language);
                var response = await client.GetAsync($"/api/v1/test-status/{status}");
                var problem = await ProblemAssert.IsProblemAsync(response, (HttpStatusCode)status);
                Assert.True(problem.GetProperty("title").GetString() == title, $"{status} ({language ?? "nl"}): {problem}");
            }
        // A title a feature chose stays.
        var own = await ProblemAssert.IsProblemAsync(await app.CreateApiClient().GetAsync("/api/v1/test-status/own"), HttpStatusCode.Conflict);
        Assert.Equal("Eigen titel", own.GetProperty("title").GetString());
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string path, object? body, string? language)
    {
        var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        if (language is not null) request.Headers.AcceptLanguage.ParseAdd(language);
        return await client.SendAsync(request);
    }

    private sealed class StatusRoutes : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.UseEndpoints(e =>
            {
                e.MapGet("/api/v1/test-status/{status:int}", (int status) => TypedResults.Problem(detail: "x", statusCode: status));
                e.MapGet("/api/v1/test-status/own", () => TypedResults.Problem(detail: "x", statusCode: 409, title: "Eigen titel"));
            });
        };
    }
}
