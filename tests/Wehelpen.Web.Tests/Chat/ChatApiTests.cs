using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Wehelpen.Web.Tests.Circles;
using Wehelpen.Web.Tests.Requests;

namespace Wehelpen.Web.Tests.Chat;

/// <summary>The chat for apps: the same rules as the hub, with ProblemDetails.</summary>
public sealed class ChatApiTests
{
    [Theory, BothDatabases]
    public async Task A_message_posted_twice_with_the_same_client_id_is_stored_once_and_bad_input_is_explained(DatabaseProvider provider)
    {
        await using var app = await WehelpenApplication.StartAsync(provider);
        var c = await app.TwoCirclesAsync();
        var chat = $"/api/v1/circles/{c.CircleId}/chat";

        var first = await c.Member.PostAsJsonAsync(chat, new { clientMessageId = "app-1", text = "Ik doe de boodschappen." });
        var again = await c.Member.PostAsJsonAsync(chat, new { clientMessageId = "app-1", text = "Ik doe de boodschappen." });
        var empty = await c.Member.PostAsJsonAsync(chat, new { clientMessageId = "app-2", text = "" });
        var english = app.CreateApiClient("en");
        english.DefaultRequestHeaders.Authorization = c.Member.DefaultRequestHeaders.Authorization;
        var tooLong = await english.PostAsJsonAsync(chat, new { clientMessageId = "app-3", text = new string('a', 2001) });

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal((await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("seq").GetInt64(),
            (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("seq").GetInt64());
        Assert.Equal(["Vul dit in."], await ProblemAssert.FieldErrorsAsync(empty, "text"));
        Assert.Equal(["This is too long: at most 2000 characters, it is 2001 now."], await ProblemAssert.FieldErrorsAsync(tooLong, "text"));
        var page = await c.Coordinator.GetFromJsonAsync<JsonElement>(chat);
        Assert.Single(page.GetProperty("messages").EnumerateArray());
        Assert.Equal(1, (await c.Coordinator.GetFromJsonAsync<JsonElement>("/api/v1/chat/unread"))[0].GetProperty("count").GetInt32());
        Assert.Equal(HttpStatusCode.NoContent, (await c.Coordinator.PostAsJsonAsync($"{chat}/read", new { seq = 1 })).StatusCode);
        Assert.Equal(0, (await c.Coordinator.GetFromJsonAsync<JsonElement>("/api/v1/chat/unread"))[0].GetProperty("count").GetInt32());
        Assert.Equal(["Geef het nummer van het laatst gelezen bericht (0 of hoger)."],
            await ProblemAssert.FieldErrorsAsync(await c.Coordinator.PostAsJsonAsync($"{chat}/read", new { seq = -1 }), "seq"));
    }

    [Theory, BothDatabases]
    public async Task A_request_thread_is_refused_to_anyone_outside_it_like_a_request_that_does_not_exist(DatabaseProvider provider)
    {
        var (app, _) = await RequestSteps.StartAsync(provider);
        await using var _app = app;
        var c = await app.TwoCirclesAsync();
        var (vera, _) = await app.VolunteerAsync("Vera Buurvrouw", "1055 KL");
        var (piet, _) = await app.VolunteerAsync("Piet Om De Hoek", "1055 KM");
        var requestId = await c.Coordinator.PostedIdAsync(c.CircleId);
        Assert.Equal(HttpStatusCode.OK, (await vera.ActAsync(requestId, "claim")).StatusCode);
        var sent = await vera.PostAsJsonAsync($"/api/v1/requests/{requestId}/chat", new { clientMessageId = "v-1", text = "Ik kom morgen om tien uur." });
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);

        foreach (var (who, client) in new[] { ("member", c.Member), ("stranger", c.Stranger), ("other volunteer", piet) })
        {
            foreach (var (method, suffix, body) in new (string, string, object?)[] { ("GET", "", null), ("POST", "", new { clientMessageId = "x", text = "hoi" }), ("POST", "/read", new { seq = 1 }) })
            {
                var existing = await SendAsync(client, method, $"/api/v1/requests/{requestId}/chat{suffix}", body);
                var madeUp = await SendAsync(client, method, $"/api/v1/requests/{Guid.NewGuid()}/chat{suffix}", body);
                await ProblemAssert.IsProblemAsync(existing, HttpStatusCode.NotFound);
                Assert.True(await ProblemAssert.ComparableBodyAsync(madeUp) == await ProblemAssert.ComparableBodyAsync(existing), $"{who}: {method} {suffix}");
            }
        }
        Assert.Equal(HttpStatusCode.Unauthorized, (await c.Anonymous.GetAsync($"/api/v1/requests/{requestId}/chat")).StatusCode);
        var thread = await c.Coordinator.GetFromJsonAsync<JsonElement>($"/api/v1/requests/{requestId}/chat");
        Assert.Equal("Ik kom morgen om tien uur.", thread.GetProperty("messages")[0].GetProperty("text").GetString());
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, string method, string url, object? body) =>
        method == "GET" ? client.GetAsync(url) : client.PostAsJsonAsync(url, body);
}
