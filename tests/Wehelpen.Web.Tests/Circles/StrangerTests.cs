using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Wehelpen.Web.Tests.Circles;

/// <summary>
/// Everything in a circle is for its members: a stranger (member of another circle) and an anonymous caller are
/// refused on every endpoint that takes a circle id, with an answer that does not tell whether the circle exists.
/// </summary>
public sealed class StrangerTests
{
    public static TheoryData<DatabaseProvider, string, string> CircleEndpoints()
    {
        var endpoints = new[]
        {
            "GET /", "PUT /", "GET /members", "PUT /members/{member}/role", "DELETE /members/{member}", "POST /leave",
            "GET /history", "GET /invitations", "POST /invitations", "DELETE /invitations/{invitation}",
            "GET /logbook", "POST /logbook", "GET /logbook/{entry}", "PUT /logbook/{entry}", "GET /workload",
            "GET /requests", "POST /requests", "GET /request-policy", "PUT /request-policy",
            "GET /blocked-volunteers", "PUT /blocked-volunteers/{member}", "DELETE /blocked-volunteers/{member}",
            "GET /chat", "POST /chat", "POST /chat/read",
        };
        var data = new TheoryData<DatabaseProvider, string, string>();
        foreach (var provider in BothDatabasesAttribute.Providers)
            foreach (var endpoint in endpoints) data.Add(provider, endpoint.Split(' ')[0], endpoint.Split(' ')[1]);
        return data;
    }

    [Theory, MemberData(nameof(CircleEndpoints))]
    public async Task A_stranger_and_an_anonymous_caller_are_refused_without_learning_whether_the_circle_exists(DatabaseProvider provider, string method, string path)
    {
        await using var app = await WehelpenApplication.StartAsync(provider);
        var c = await app.TwoCirclesAsync();
        var invitation = (await c.Coordinator.InviteAsync(c.CircleId)).GetProperty("id").GetGuid();
        var entry = await WriteEntryAsync(c.Member, c.CircleId);
        string Url(Guid circleId) => $"/api/v1/circles/{circleId}" + path.TrimEnd('/')
            .Replace("{member}", c.MemberId).Replace("{invitation}", invitation.ToString()).Replace("{entry}", entry.ToString());

        var existing = await SendAsync(c.Stranger, method, Url(c.CircleId));
        var madeUp = await SendAsync(c.Stranger, method, Url(Guid.NewGuid()));
        var anonymous = await SendAsync(c.Anonymous, method, Url(c.CircleId));

        await ProblemAssert.IsProblemAsync(existing, HttpStatusCode.Forbidden);
        await ProblemAssert.IsProblemAsync(madeUp, HttpStatusCode.Forbidden);
        Assert.Equal(await ProblemAssert.ComparableBodyAsync(madeUp), await ProblemAssert.ComparableBodyAsync(existing));
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);

        // And nothing changed for the members.
        var members = await c.Coordinator.GetFromJsonAsync<JsonElement>($"/api/v1/circles/{c.CircleId}/members");
        Assert.Equal(2, members.GetArrayLength());
        // The resident's takeover invitation and the one made above.
        Assert.Equal(2, (await c.Coordinator.GetFromJsonAsync<JsonElement[]>($"/api/v1/circles/{c.CircleId}/invitations"))!.Length);
    }

    [Theory, BothDatabases]
    public async Task Ids_from_another_circle_under_ones_own_circle_are_answered_like_made_up_ids(DatabaseProvider provider)
    {
        await using var app = await WehelpenApplication.StartAsync(provider);
        var c = await app.TwoCirclesAsync();
        var invitation = (await c.Coordinator.InviteAsync(c.CircleId)).GetProperty("id").GetGuid();
        var entry = await WriteEntryAsync(c.Member, c.CircleId);
        var own = $"/api/v1/circles/{c.OtherCircleId}";

        await SameAnswerAsync(c.Stranger, "DELETE", $"{own}/invitations/{invitation}", $"{own}/invitations/{Guid.NewGuid()}", HttpStatusCode.NotFound);
        await SameAnswerAsync(c.Stranger, "DELETE", $"{own}/members/{c.MemberId}", $"{own}/members/{Guid.NewGuid()}", HttpStatusCode.NotFound);
        await SameAnswerAsync(c.Stranger, "PUT", $"{own}/members/{c.MemberId}/role", $"{own}/members/{Guid.NewGuid()}/role", HttpStatusCode.NotFound);
        await SameAnswerAsync(c.Stranger, "GET", $"{own}/logbook/{entry}", $"{own}/logbook/{Guid.NewGuid()}", HttpStatusCode.NotFound);
        await SameAnswerAsync(c.Stranger, "PUT", $"{own}/logbook/{entry}", $"{own}/logbook/{Guid.NewGuid()}", HttpStatusCode.NotFound);

        // The resident's takeover invitation and the one made above.
        Assert.Equal(2, (await c.Coordinator.GetFromJsonAsync<JsonElement[]>($"/api/v1/circles/{c.CircleId}/invitations"))!.Length);
        var logbook = await c.Member.GetFromJsonAsync<JsonElement>($"/api/v1/circles/{c.CircleId}/logbook/{entry}");
        Assert.Equal("Mo was er.", logbook.GetProperty("text").GetString());
    }

    private static async Task SameAnswerAsync(HttpClient client, string method, string foreign, string madeUp, HttpStatusCode status)
    {
        var a = await SendAsync(client, method, foreign);
        var b = await SendAsync(client, method, madeUp);
        Assert.Equal(status, a.StatusCode);
        Assert.Equal(status, b.StatusCode);
        Assert.Equal(await ProblemAssert.ComparableBodyAsync(b), await ProblemAssert.ComparableBodyAsync(a));
    }

    internal static async Task<Guid> WriteEntryAsync(HttpClient client, Guid circleId)
    {
        var response = await client.PostAsJsonAsync($"/api/v1/circles/{circleId}/logbook", new { text = "Mo was er." });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    /// <summary>A body that would be valid for the endpoint, so refusals come from access and not from the input.</summary>
    private static Task<HttpResponseMessage> SendAsync(HttpClient client, string method, string url) => method switch
    {
        "GET" => client.GetAsync(url),
        "DELETE" => client.DeleteAsync(url),
        "POST" when url.EndsWith("/leave", StringComparison.Ordinal) => client.PostAsync(url, null),
        "POST" => client.PostAsJsonAsync(url, new { role = "member", text = "Een bericht." }),
        "PUT" => client.PutAsJsonAsync(url, new { role = "coordinator", name = "Nieuwe naam", text = "Verbeterd." }),
        _ => throw new ArgumentOutOfRangeException(nameof(method)),
    };
}
