using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Wehelpen.Web.Tests.Circles;

namespace Wehelpen.Web.Tests.Agenda;

/// <summary>Every agenda endpoint and page that takes an id, tried by a stranger, an anonymous caller, and with another circle's id.</summary>
public sealed class AgendaAccessTests
{
    private static readonly object Appointment = new { title = "Poging", date = "2026-04-20", startTime = "10:00", endTime = "11:00" };

    /// <summary>Every API call of the agenda, for a circle id and an appointment id.</summary>
    private static IEnumerable<(string Name, Func<HttpClient, Guid, Guid, Task<HttpResponseMessage>> Send)> Endpoints(bool withItemOnly) =>
        new (string, Func<HttpClient, Guid, Guid, Task<HttpResponseMessage>>)[]
        {
            ("list", (client, circle, _) => client.GetAsync(AgendaSteps.Agenda(circle))),
            ("create", (client, circle, _) => client.PostAsJsonAsync(AgendaSteps.Agenda(circle), Appointment)),
            ("get", (client, circle, item) => client.GetAsync($"{AgendaSteps.Agenda(circle)}/{item}")),
            ("update", (client, circle, item) => client.PutAsJsonAsync($"{AgendaSteps.Agenda(circle)}/{item}", Appointment)),
            ("delete", (client, circle, item) => client.DeleteAsync($"{AgendaSteps.Agenda(circle)}/{item}")),
            ("go along", (client, circle, item) => client.PutAsync(AgendaSteps.GoingAlong(circle, item, "2026-04-14"), null)),
            ("stop going along", (client, circle, item) => client.DeleteAsync(AgendaSteps.GoingAlong(circle, item, "2026-04-14"))),
        }.Skip(withItemOnly ? 2 : 0);

    [Theory, BothDatabases]
    public async Task Strangers_are_refused_alike_whether_the_circle_exists_or_not_and_anonymous_callers_must_log_in(DatabaseProvider provider)
    {
        await using var app = await AgendaSteps.StartAsync(provider);
        var c = await app.TwoCirclesAsync();
        var id = await c.Member.PlannedIdAsync(c.CircleId, new { title = "Ziekenhuis", date = "2026-04-14", startTime = "10:00", endTime = "11:00" });

        foreach (var (name, send) in Endpoints(withItemOnly: false))
        {
            var existing = await send(c.Stranger, c.CircleId, id);
            var madeUp = await send(c.Stranger, Guid.NewGuid(), Guid.NewGuid());
            await ProblemAssert.IsProblemAsync(existing, HttpStatusCode.Forbidden);
            await ProblemAssert.IsProblemAsync(madeUp, HttpStatusCode.Forbidden);
            Assert.True(await ProblemAssert.ComparableBodyAsync(existing) == await ProblemAssert.ComparableBodyAsync(madeUp), name);
            Assert.True((await send(c.Anonymous, c.CircleId, id)).StatusCode == HttpStatusCode.Unauthorized, name);
        }

        var still = await c.Member.OccurrencesAsync(c.CircleId, "2026-04-01", "2026-04-30");
        Assert.Equal(["Ziekenhuis"], still.Select(o => o.GetProperty("title").GetString()));
        Assert.Empty(still[0].GetProperty("companions").EnumerateArray());
    }

    [Theory, BothDatabases]
    public async Task An_appointment_of_another_circle_under_my_circle_id_is_not_found_exactly_like_a_made_up_id(DatabaseProvider provider)
    {
        await using var app = await AgendaSteps.StartAsync(provider);
        var c = await app.TwoCirclesAsync();
        var theirs = await c.Stranger.PlannedIdAsync(c.OtherCircleId, new { title = "Bingo", date = "2026-04-14", startTime = "14:00", endTime = "16:00" });

        foreach (var (name, send) in Endpoints(withItemOnly: true))
        {
            var other = await send(c.Member, c.CircleId, theirs);
            var madeUp = await send(c.Member, c.CircleId, Guid.NewGuid());
            await ProblemAssert.IsProblemAsync(other, HttpStatusCode.NotFound);
            await ProblemAssert.IsProblemAsync(madeUp, HttpStatusCode.NotFound);
            Assert.True(await ProblemAssert.ComparableBodyAsync(other) == await ProblemAssert.ComparableBodyAsync(madeUp), name);
        }

        var bingo = await c.Stranger.GetFromJsonAsync<JsonElement>($"{AgendaSteps.Agenda(c.OtherCircleId)}/{theirs}");
        Assert.Equal(("Bingo", "14:00"), (bingo.GetProperty("title").GetString(), bingo.GetProperty("startTime").GetString()));
        Assert.Empty(Assert.Single(await c.Stranger.OccurrencesAsync(c.OtherCircleId, "2026-04-14", "2026-04-14")).GetProperty("companions").EnumerateArray());
    }

    [Theory, BothDatabases]
    public async Task Agenda_pages_of_a_circle_send_strangers_away_alike_and_anonymous_visitors_to_the_login(DatabaseProvider provider)
    {
        await using var app = await AgendaSteps.StartAsync(provider);
        var c = await app.TwoCirclesAsync();
        var id = await c.Member.PlannedIdAsync(c.CircleId, new { title = "Ziekenhuis", date = "2026-04-14", startTime = "10:00", endTime = "11:00" });
        using var stranger = await app.BrowserAsync("Stan Vreemde");
        using var anonymous = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        foreach (var page in new[] { "agenda", "agenda/week?date=2026-04-14", "agenda/new", $"agenda/{id}" })
        {
            var existing = await stranger.GetAsync($"/circles/{c.CircleId}/{page}");
            var madeUp = await stranger.GetAsync($"/circles/{Guid.NewGuid()}/{page.Replace(id.ToString(), Guid.NewGuid().ToString())}");
            Assert.True(existing.Headers.Location?.AbsolutePath == "/account/access-denied", page);
            Assert.Equal(existing.Headers.Location?.AbsolutePath, madeUp.Headers.Location?.AbsolutePath);
            Assert.True((await anonymous.GetAsync($"/circles/{c.CircleId}/{page}")).Headers.Location?.AbsolutePath == "/account/login", page);
        }

        var tries = new (string Path, KeyValuePair<string, string>[] Fields)[]
        {
            ($"/circles/{c.CircleId}/agenda/new", Fields("Poging")),
            ($"/circles/{c.CircleId}/agenda/{id}", Fields("Overgenomen")),
            ($"/circles/{c.CircleId}/agenda/{id}?handler=Delete", []),
            ($"/circles/{c.CircleId}/agenda?handler=GoAlong", [new("appointmentId", id.ToString()), new("date", "2026-04-14")]),
        };
        foreach (var (path, fields) in tries)
            Assert.True((await PageForms.PostAsync(stranger, path, fields, formPage: "/circles")).Headers.Location?.AbsolutePath == "/account/access-denied", path);

        var still = Assert.Single(await c.Member.OccurrencesAsync(c.CircleId, "2026-04-01", "2026-04-30"));
        Assert.Equal("Ziekenhuis", still.GetProperty("title").GetString());
        Assert.Empty(still.GetProperty("companions").EnumerateArray());
    }

    [Theory, BothDatabases]
    public async Task The_page_of_another_circles_appointment_under_my_circle_id_is_not_found_like_a_made_up_id(DatabaseProvider provider)
    {
        await using var app = await AgendaSteps.StartAsync(provider);
        var c = await app.TwoCirclesAsync();
        var theirs = await c.Stranger.PlannedIdAsync(c.OtherCircleId, new { title = "Bingo", date = "2026-04-14", startTime = "14:00", endTime = "16:00" });
        using var member = await app.BrowserAsync("Mo Lid");
        var agenda = $"/circles/{c.CircleId}/agenda";

        foreach (var item in new[] { theirs, Guid.NewGuid() })
        {
            var responses = new[]
            {
                await member.GetAsync($"{agenda}/{item}"),
                await PageForms.PostAsync(member, $"{agenda}/{item}", Fields("Overgenomen"), formPage: agenda),
                await PageForms.PostAsync(member, $"{agenda}/{item}?handler=Delete", [], formPage: agenda),
                await PageForms.PostAsync(member, $"{agenda}?handler=GoAlong", [new("appointmentId", item.ToString()), new("date", "2026-04-14")], formPage: agenda),
            };
            foreach (var response in responses)
            {
                Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
                Assert.DoesNotContain("Bingo", await response.Content.ReadAsStringAsync());
            }
        }

        var bingo = Assert.Single(await c.Stranger.OccurrencesAsync(c.OtherCircleId, "2026-04-14", "2026-04-14"));
        Assert.Equal("Bingo", bingo.GetProperty("title").GetString());
        Assert.Empty(bingo.GetProperty("companions").EnumerateArray());
    }

    private static KeyValuePair<string, string>[] Fields(string title) =>
        [new("Input.Title", title), new("Input.Date", "2026-04-14"), new("Input.StartTime", "10:00"), new("Input.EndTime", "11:00")];
}
