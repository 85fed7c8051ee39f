using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Wehelpen.Web.Tests.Circles;

public sealed class CircleAccessTests
{
    [Theory, BothDatabases]
    public async Task Members_see_the_circle_and_strangers_are_refused_alike_whether_it_exists_or_not(DatabaseProvider provider)
    {
        await using var app = await WehelpenApplication.StartAsync(provider);
        var c = await app.TwoCirclesAsync();

        var members = await c.Member.GetFromJsonAsync<JsonElement>($"/api/v1/circles/{c.CircleId}/members");
        Assert.Equal(["Carla Coördinator", "Mo Lid"], members.EnumerateArray().Select(m => m.GetProperty("displayName").GetString()!).Order().ToArray());

        var existing = await c.Stranger.GetAsync($"/api/v1/circles/{c.CircleId}/members");
        var made_up = await c.Stranger.GetAsync($"/api/v1/circles/{Guid.NewGuid()}/members");
        await ProblemAssert.IsProblemAsync(existing, HttpStatusCode.Forbidden);
        await ProblemAssert.IsProblemAsync(made_up, HttpStatusCode.Forbidden);
        Assert.Equal(await made_up.Content.ReadAsStringAsync() is var a ? Strip(a) : "", Strip(await existing.Content.ReadAsStringAsync()));

        var anonymous = await c.Anonymous.GetAsync($"/api/v1/circles/{c.CircleId}/members");
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    private static string Strip(string body) => System.Text.RegularExpressions.Regex.Replace(body, "\"traceId\":\"[^\"]*\"", "");
}
