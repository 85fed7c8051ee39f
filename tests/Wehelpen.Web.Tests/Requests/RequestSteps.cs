using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Wehelpen.Web.Features.Requests;
using Wehelpen.Web.Tests.Circles;

namespace Wehelpen.Web.Tests.Requests;

/// <summary>Requests posted and handled through the API, in an app whose clock the test moves.</summary>
public static class RequestSteps
{
    /// <summary>Monday 23 November 2026, 10:00 in Amsterdam (09:00 UTC).</summary>
    public static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    /// <summary>An address and phone that only the circle and the helper may ever see.</summary>
    public const string Address = "Bos en Lommerweg 101";
    public const string Phone = "06 1234 5678";

    public static async Task<(WehelpenApplication App, TestClock Clock)> StartAsync(DatabaseProvider provider)
    {
        var clock = new TestClock(Now);
        // These tests sign many people in, and in again after moving the clock: more than the login limit allows a minute.
        var settings = new Dictionary<string, string?> { ["RateLimits:LoginAttemptsPerMinute"] = "1000" };
        return (await WehelpenApplication.StartAsync(provider, settings, s => s.AddSingleton<TimeProvider>(clock)), clock);
    }

    /// <summary>A volunteer living in <paramref name="postcode"/> who helps with shopping (or what is given) within the radius.</summary>
    public static async Task<(HttpClient Client, string UserId)> VolunteerAsync(this WehelpenApplication app, string name,
        string postcode = "1055 KL", int radiusKm = 3, string[]? categories = null, object[]? availability = null)
    {
        var (client, id) = await app.PersonAsync(name, "volunteer");
        var response = await client.PutAsJsonAsync("/api/v1/profile", new
        {
            displayName = name,
            postcode,
            roles = new[] { "volunteer" },
            volunteer = new { categories = categories ?? ["shopping"], serviceRadiusKm = radiusKm, availability = availability ?? [] },
        });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (client, id);
    }

    /// <summary>Shopping tomorrow 10:00-12:00 in 1055 KL for the neighbourhood, unless the test says otherwise.</summary>
    public static Dictionary<string, object?> Shopping(string audience = "neighbourhood", string? addressedToId = null) => new()
    {
        ["category"] = "shopping",
        ["title"] = "Boodschappen bij de supermarkt",
        ["description"] = "Melk, brood en koffie. De boodschappenlijst ligt klaar.",
        ["date"] = "2026-11-24",
        ["from"] = "10:00",
        ["until"] = "12:00",
        ["postcode"] = "1055 KL",
        ["address"] = Address,
        ["phone"] = Phone,
        ["audience"] = audience,
        ["addressedToId"] = addressedToId,
    };

    public static string Requests(Guid circleId) => $"/api/v1/circles/{circleId}/requests";

    public static async Task<JsonElement> PostedAsync(this HttpClient client, Guid circleId, Dictionary<string, object?> request)
    {
        var response = await client.PostAsJsonAsync(Requests(circleId), request);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static async Task<Guid> PostedIdAsync(this HttpClient client, Guid circleId, Dictionary<string, object?>? request = null) =>
        (await client.PostedAsync(circleId, request ?? Shopping())).GetProperty("summary").GetProperty("id").GetGuid();

    public static Task<HttpResponseMessage> ActAsync(this HttpClient client, Guid requestId, string action, object? body = null) =>
        client.PostAsJsonAsync($"/api/v1/requests/{requestId}/{action}", body ?? new { });

    public static async Task<JsonElement> DetailsAsync(this HttpClient client, Guid requestId)
    {
        var response = await client.GetAsync($"/api/v1/requests/{requestId}");
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static string Status(this JsonElement details) => details.GetProperty("summary").GetProperty("status").GetString()!;

    public static string Audience(this JsonElement details) => details.GetProperty("summary").GetProperty("audience").GetString()!;

    /// <summary>Runs what the clock does by itself, as the background service does every minute.</summary>
    public static async Task<int> SweepAsync(this WehelpenApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<RequestSweeper>().SweepAsync(CancellationToken.None);
    }

    /// <summary>The circle's logbook texts, newest first.</summary>
    public static async Task<string[]> LogbookAsync(this HttpClient member, Guid circleId)
    {
        var page = await member.GetFromJsonAsync<JsonElement>($"/api/v1/circles/{circleId}/logbook?pageSize=100");
        return page.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("text").GetString()!).ToArray();
    }
}
