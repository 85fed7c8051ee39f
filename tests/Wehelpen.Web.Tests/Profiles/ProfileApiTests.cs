using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Wehelpen.Web.Tests.Profiles;

public sealed class ProfileApiTests
{
    private static object Volunteer(string postcode = "1055 KL") => new
    {
        displayName = "Sanne",
        postcode,
        roles = new[] { "volunteer" },
        volunteer = new
        {
            categories = new[] { "shopping", "transport" },
            serviceRadiusKm = 5,
            availability = new[] { new { day = "tuesday", part = "morning" }, new { day = "sunday", part = "evening" } },
        },
    };

    [Theory, BothDatabases]
    public async Task A_volunteer_sets_postcode_categories_radius_and_availability(DatabaseProvider provider)
    {
        await using var app = await WehelpenApplication.StartAsync(provider);
        await app.RegisterConfirmedAsync("sanne@example.nl");
        using var client = await app.LoginAsync("sanne@example.nl");

        var response = await client.PutAsJsonAsync("/api/v1/profile", Volunteer(" 1055kl "));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var profile = await client.GetFromJsonAsync<JsonElement>("/api/v1/profile");
        var place = profile.GetProperty("place");
        Assert.Equal("1055 KL", place.GetProperty("postcode").GetString());
        Assert.Equal("1055", place.GetProperty("pc4").GetString());
        Assert.Equal("Amsterdam", place.GetProperty("placeName").GetString());
        Assert.InRange(place.GetProperty("latitude").GetDouble(), 52.3, 52.45);
        var volunteer = profile.GetProperty("volunteer");
        Assert.Equal(["shopping", "transport"], volunteer.GetProperty("categories").EnumerateArray().Select(c => c.GetString()!).ToArray());
        Assert.Equal(5, volunteer.GetProperty("serviceRadiusKm").GetInt32());
        Assert.Equal(["tuesday:morning", "sunday:evening"],
            volunteer.GetProperty("availability").EnumerateArray().Select(s => $"{s.GetProperty("day").GetString()}:{s.GetProperty("part").GetString()}").ToArray());
        Assert.Equal(["volunteer"], profile.GetProperty("roles").EnumerateArray().Select(r => r.GetString()!).ToArray());
    }

    public static TheoryData<DatabaseProvider, string, string> UnusablePostcodes()
    {
        var cases = new (string Postcode, string Explanation)[]
        {
            ("1002", "postbus"),          // a post-box number, whose point lies near Rotterdam
            ("1940", "postbus"),          // a point outside the Netherlands
            ("1199 ZZ", "kennen"),        // not in the table: may be new, and the person is told so
            ("1012 SA", "geen geldige"),  // SA, SD and SS are never used
            ("abcd", "geen geldige"),
        };
        var data = new TheoryData<DatabaseProvider, string, string>();
        foreach (var provider in BothDatabasesAttribute.Providers)
            foreach (var (postcode, explanation) in cases) data.Add(provider, postcode, explanation);
        return data;
    }

    [Theory, MemberData(nameof(UnusablePostcodes))]
    public async Task A_postcode_that_cannot_be_used_is_explained_and_the_old_profile_stays(DatabaseProvider provider, string postcode, string explanation)
    {
        await using var app = await WehelpenApplication.StartAsync(provider);
        await app.RegisterConfirmedAsync("ruud@example.nl", "Ruud", postcode: "1055 KL");
        using var client = await app.LoginAsync("ruud@example.nl");

        var response = await client.PutAsJsonAsync("/api/v1/profile", new { displayName = "Ruud Nieuw", postcode, roles = new[] { "carer" } });

        Assert.Contains(explanation, string.Join(" ", await ProblemAssert.FieldErrorsAsync(response, "postcode")));
        var profile = await client.GetFromJsonAsync<JsonElement>("/api/v1/profile");
        Assert.Equal("Ruud", profile.GetProperty("displayName").GetString());
        Assert.Equal("1055 KL", profile.GetProperty("place").GetProperty("postcode").GetString());
        Assert.Equal(["resident"], profile.GetProperty("roles").EnumerateArray().Select(r => r.GetString()!).ToArray());
    }

    [Theory, BothDatabases]
    public async Task Volunteer_settings_out_of_range_are_refused_as_a_whole(DatabaseProvider provider)
    {
        await using var app = await WehelpenApplication.StartAsync(provider);
        await app.RegisterConfirmedAsync("ali@example.nl", "Ali");
        using var client = await app.LoginAsync("ali@example.nl");

        var response = await client.PutAsJsonAsync("/api/v1/profile", new
        {
            displayName = "Ali B", postcode = "1055 KL", roles = new[] { "volunteer" },
            volunteer = new { categories = new[] { "shopping", "juggling" }, serviceRadiusKm = 80 },
        });

        Assert.Contains("'juggling' kennen we niet als soort hulp.", await ProblemAssert.FieldErrorsAsync(response, "volunteer.categories"));
        Assert.Contains("Kies een afstand van 1 tot 25 kilometer.", await ProblemAssert.FieldErrorsAsync(response, "volunteer.serviceRadiusKm"));
        var profile = await client.GetFromJsonAsync<JsonElement>("/api/v1/profile");
        Assert.Equal("Ali", profile.GetProperty("displayName").GetString());
        Assert.Equal(JsonValueKind.Null, profile.GetProperty("place").ValueKind);
        Assert.Equal(JsonValueKind.Null, profile.GetProperty("volunteer").ValueKind);
    }

    [Theory, BothDatabases]
    public async Task Nobody_can_give_themselves_the_admin_role(DatabaseProvider provider)
    {
        await using var app = await WehelpenApplication.StartAsync(provider);
        await app.RegisterConfirmedAsync("eva@example.nl");
        using var client = await app.LoginAsync("eva@example.nl");

        var response = await client.PutAsJsonAsync("/api/v1/profile", new { displayName = "Eva", roles = new[] { "resident", "admin" } });

        Assert.NotEmpty(await ProblemAssert.FieldErrorsAsync(response, "roles"));
    }

    [Theory, BothDatabases]
    public async Task Anonymous_callers_get_401_and_no_profile_data(DatabaseProvider provider)
    {
        await using var app = await WehelpenApplication.StartAsync(provider);
        using var client = app.CreateApiClient();

        var read = await client.GetAsync("/api/v1/profile");
        var write = await client.PutAsJsonAsync("/api/v1/profile", new { displayName = "Indringer", roles = new[] { "resident" } });
        var forged = app.CreateApiClient();
        forged.DefaultRequestHeaders.Authorization = new("Bearer", "verzonnen-token");
        var withForgedToken = await forged.GetAsync("/api/v1/profile");

        await ProblemAssert.IsProblemAsync(read, HttpStatusCode.Unauthorized);
        await ProblemAssert.IsProblemAsync(write, HttpStatusCode.Unauthorized);
        Assert.Equal(HttpStatusCode.Unauthorized, withForgedToken.StatusCode);
    }

    [Theory, BothDatabases]
    public async Task One_person_changing_their_profile_never_touches_another(DatabaseProvider provider)
    {
        await using var app = await WehelpenApplication.StartAsync(provider);
        await app.RegisterConfirmedAsync("een@example.nl", "Een", postcode: "1012 AB");
        await app.RegisterConfirmedAsync("twee@example.nl", "Twee", postcode: "1103 AA");
        using var een = await app.LoginAsync("een@example.nl");
        using var twee = await app.LoginAsync("twee@example.nl");

        await een.PutAsJsonAsync("/api/v1/profile", Volunteer());

        var other = await twee.GetFromJsonAsync<JsonElement>("/api/v1/profile");
        Assert.Equal("Twee", other.GetProperty("displayName").GetString());
        Assert.Equal("1103 AA", other.GetProperty("place").GetProperty("postcode").GetString());
        Assert.Equal("twee@example.nl", other.GetProperty("email").GetString());
    }

    [Theory, BothDatabases]
    public async Task Saving_the_profile_does_not_log_the_person_out_of_the_app(DatabaseProvider provider)
    {
        await using var app = await WehelpenApplication.StartAsync(provider);
        await app.RegisterConfirmedAsync("lot@example.nl", "Lot");
        using var client = app.CreateApiClient();
        var tokens = await (await client.PostAsJsonAsync("/api/v1/account/login", new { email = "lot@example.nl", password = WehelpenApplication.Password }))
            .Content.ReadFromJsonAsync<JsonElement>();
        client.DefaultRequestHeaders.Authorization = new("Bearer", tokens.GetProperty("accessToken").GetString());

        Assert.Equal(HttpStatusCode.OK, (await client.PutAsJsonAsync("/api/v1/profile", Volunteer())).StatusCode);
        var refreshed = await client.PostAsJsonAsync("/api/v1/account/refresh", new { refreshToken = tokens.GetProperty("refreshToken").GetString() });

        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
    }

    [Theory, BothDatabases]
    public async Task A_body_that_is_not_JSON_gets_a_problem_not_a_crash(DatabaseProvider provider)
    {
        await using var app = await WehelpenApplication.StartAsync(provider);
        await app.RegisterConfirmedAsync("kim@example.nl");
        using var client = await app.LoginAsync("kim@example.nl");

        var response = await client.PutAsync("/api/v1/profile", new StringContent("{ dit is geen json", System.Text.Encoding.UTF8, "application/json"));

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("Het verzoek klopt niet", problem.GetProperty("title").GetString());
    }
}
