using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Wehelpen.Web.Tests.Circles;
using Wehelpen.Web.Tests.Requests;

namespace Wehelpen.Web.Tests.Matching;

/// <summary>
/// An app with small waves, for matching: its clock is the test's, and its background sweep runs only at start-up
/// (on an empty database), so that every wave is asked by a sweep the test runs.
/// </summary>
public static class MatchingSteps
{
    /// <summary>Matching's defaults apart from the wave size: waves every 2 hours, 2 at the own radius, then 1 at 1.5 times it.</summary>
    public static async Task<(WehelpenApplication App, TestClock Clock)> StartAsync(
        DatabaseProvider provider, int waveSize = 2, int alertsPerWeek = 5, string? connectionString = null)
    {
        var clock = new TestClock(RequestSteps.Now);
        var settings = new Dictionary<string, string?>
        {
            ["RateLimits:LoginAttemptsPerMinute"] = "1000",
            ["Requests:SweepSeconds"] = "86400",
            ["Matching:WaveSize"] = waveSize.ToString(),
            ["Matching:AlertsPerWeek"] = alertsPerWeek.ToString(),
        };
        // Another app's database: to start on data written before this app existed.
        if (connectionString is not null) settings["ConnectionStrings:Wehelpen"] = connectionString;
        return (await WehelpenApplication.StartAsync(provider, settings, s => s.AddSingleton<TimeProvider>(clock)), clock);
    }

    /// <summary>Signs in again (tokens live an hour on the moved clock) and reads the person's nearby list.</summary>
    public static async Task<JsonElement> NearbyOfAsync(this WehelpenApplication app, string name)
    {
        using var client = await app.LoginAsync(CircleSteps.EmailOf(name));
        return await client.GetFromJsonAsync<JsonElement>("/api/v1/requests/nearby");
    }

    public static Guid[] Ids(this JsonElement nearby) =>
        nearby.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).ToArray();

    public static Guid[] AskedIds(this JsonElement nearby) =>
        nearby.GetProperty("askedOfYou").EnumerateArray().Select(a => a.GetProperty("request").GetProperty("id").GetGuid()).ToArray();

    /// <summary>Of these people, who was asked about the request (as their own "asked of you" list says).</summary>
    public static async Task<string[]> AskedAboutAsync(this WehelpenApplication app, Guid requestId, params string[] names)
    {
        var asked = new List<string>();
        foreach (var name in names)
            if ((await app.NearbyOfAsync(name)).AskedIds().Contains(requestId)) asked.Add(name);
        return [.. asked];
    }

    /// <summary>Changes a volunteer's own profile through the API, as the profile page does.</summary>
    public static async Task UpdateProfileAsync(this WehelpenApplication app, string name, string? postcode, int radiusKm = 3,
        string[]? categories = null, object[]? availability = null, string[]? roles = null, string[]? areas = null)
    {
        using var client = await app.LoginAsync(CircleSteps.EmailOf(name));
        var response = await client.PutAsJsonAsync("/api/v1/profile", new
        {
            displayName = name,
            postcode,
            roles = roles ?? ["volunteer"],
            volunteer = new { categories = categories ?? ["shopping"], serviceRadiusKm = radiusKm, availability = availability ?? [], areas = areas ?? [] },
        });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Moves the clock on and runs the sweep, as the background service would.</summary>
    public static async Task SweepAfterAsync(this WehelpenApplication app, TestClock clock, TimeSpan wait)
    {
        clock.Advance(wait);
        await app.SweepAsync();
    }
}
