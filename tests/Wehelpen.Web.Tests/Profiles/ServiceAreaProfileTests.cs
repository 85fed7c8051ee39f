using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Wehelpen.Web.Tests.Profiles;

/// <summary>Volunteers who help in chosen postcode areas instead of within a radius of home.</summary>
public sealed class ServiceAreaProfileTests
{
    private static object Volunteer(params string[] areas) => new
    {
        displayName = "Sanne",
        postcode = "1055 KL",
        roles = new[] { "volunteer" },
        volunteer = new { categories = new[] { "shopping" }, serviceRadiusKm = 5, areas },
    };

    [Theory, BothDatabases]
    public async Task A_volunteer_chooses_postcode_areas_and_gets_them_back_sorted(DatabaseProvider provider)
    {
        await using var app = await WehelpenApplication.StartAsync(provider);
        await app.RegisterConfirmedAsync("sanne@example.nl");
        using var client = await app.LoginAsync("sanne@example.nl");

        var response = await client.PutAsJsonAsync("/api/v1/profile", Volunteer("1092", " 1091", "1092"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var profile = await client.GetFromJsonAsync<JsonElement>("/api/v1/profile");
        Assert.Equal(["1091", "1092"], profile.GetProperty("volunteer").GetProperty("areas").EnumerateArray().Select(a => a.GetString()!).ToArray());

        // Back to a radius: no areas.
        await client.PutAsJsonAsync("/api/v1/profile", Volunteer());
        profile = await client.GetFromJsonAsync<JsonElement>("/api/v1/profile");
        Assert.Empty(profile.GetProperty("volunteer").GetProperty("areas").EnumerateArray());
    }

    [Theory, BothDatabases]
    public async Task Areas_where_nobody_lives_or_too_many_are_refused_and_nothing_changes(DatabaseProvider provider)
    {
        await using var app = await WehelpenApplication.StartAsync(provider);
        await app.RegisterConfirmedAsync("sanne@example.nl");
        using var client = await app.LoginAsync("sanne@example.nl");
        await client.PutAsJsonAsync("/api/v1/profile", Volunteer("1091"));

        var unknown = await client.PutAsJsonAsync("/api/v1/profile", Volunteer("1092", "1001", "abcd"));
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        var errors = (await unknown.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("volunteer.areas");
        Assert.Equal(2, errors.GetArrayLength());
        Assert.Contains("1001", errors[0].GetString() + errors[1].GetString());
        Assert.Contains("abcd", errors[0].GetString() + errors[1].GetString());

        var many = await client.PutAsJsonAsync("/api/v1/profile", Volunteer([.. Enumerable.Range(1011, 31).Select(n => n.ToString())]));
        Assert.Equal(HttpStatusCode.BadRequest, many.StatusCode);
        Assert.Contains("ten hoogste 30", (await many.Content.ReadAsStringAsync()));

        var profile = await client.GetFromJsonAsync<JsonElement>("/api/v1/profile");
        Assert.Equal(["1091"], profile.GetProperty("volunteer").GetProperty("areas").EnumerateArray().Select(a => a.GetString()!).ToArray());
    }

    [Fact]
    public async Task The_profile_page_takes_areas_as_typed_and_shows_them_instead_of_a_radius()
    {
        await using var app = await WehelpenApplication.StartAsync(DatabaseProvider.Sqlite);
        await app.RegisterConfirmedAsync("joke@example.nl", "Joke");
        using var browser = app.CreateClient();
        await PageForms.PostAsync(browser, "/account/login", [new("Input.Email", "joke@example.nl"), new("Input.Password", WehelpenApplication.Password)]);

        var refused = await PageForms.PostAsync(browser, "/profile",
        [
            new("Input.DisplayName", "Joke"), new("Input.Postcode", "1055kl"), new("Input.Roles", "volunteer"),
            new("Input.Categories", "Company"), new("Input.ServiceRadiusKm", "4"), new("Input.Areas", "1091, 1001"),
        ]);
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Contains("Postcodegebied 1001 kennen we niet", html);
        Assert.Contains("value=\"1091, 1001\"", html);

        var saved = await PageForms.PostAsync(browser, "/profile",
        [
            new("Input.DisplayName", "Joke"), new("Input.Postcode", "1055kl"), new("Input.Roles", "volunteer"),
            new("Input.Categories", "Company"), new("Input.ServiceRadiusKm", "4"), new("Input.Areas", "1093 1091;1092"),
        ]);
        html = await saved.Content.ReadAsStringAsync();
        Assert.Contains("U helpt alleen in deze postcodegebieden: 1091, 1092, 1093.", html);
        Assert.DoesNotContain("waar u wilt helpen (4 km)", html);
        Assert.Contains("value=\"1091, 1092, 1093\"", html);
    }
}
