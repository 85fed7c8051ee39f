using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Wehelpen.Web.Tests.Circles;
using Wehelpen.Web.Tests.Requests;

namespace Wehelpen.Web.Tests.Thanks;

/// <summary>
/// The volunteer's yearly overview: done help per month and per category, hours for timed tasks, flexible ones as
/// tasks without hours, disputed help left out, names only where the circle allowed.
/// </summary>
public sealed class HelpOverviewTests
{
    private const string Overview = "/api/v1/me/help-overview";

    private static Dictionary<string, object?> Request(string title, string date, string? from, string? until)
    {
        var body = RequestSteps.Shopping();
        (body["title"], body["date"], body["from"], body["until"]) = (title, date, from, until);
        if (from is null) (body["flexible"], body["before"], body["date"]) = (true, date, null);
        return body;
    }

    [Theory, BothDatabases]
    public async Task A_year_of_help_is_counted_per_month_and_category_with_hours_only_for_timed_tasks_and_without_disputed_help(DatabaseProvider provider)
    {
        var (app, _) = await RequestSteps.StartAsync(provider);
        await using var _app = app;
        var c = await app.TwoCirclesAsync();
        var (vera, _) = await app.VolunteerAsync("Vera Vrijwilliger");
        var (willem, _) = await app.VolunteerAsync("Willem Buurman");
        await c.Member.DoneRequestAsync(c.CircleId, vera, Request("Boodschappen dinsdag", "2026-11-24", "10:00", "12:00"));
        await c.Member.DoneRequestAsync(c.CircleId, vera, Request("Boodschappen deze week", "2026-11-30", null, null)); // flexible, done today
        await c.Member.DoneRequestAsync(c.CircleId, vera, Request("Boodschappen in december", "2026-12-01", "10:00", "11:30"));
        var disputed = await c.Member.DoneRequestAsync(c.CircleId, vera, Request("Boodschappen die niet doorgingen", "2026-11-25", "10:00", "11:00"));
        Assert.Equal(HttpStatusCode.OK, (await c.Member.ActAsync(disputed, "confirm", new { happened = false })).StatusCode);

        var year = await vera.GetFromJsonAsync<JsonElement>($"{Overview}?year=2026");

        Assert.Equal(2026, year.GetProperty("year").GetInt32());
        var totals = year.GetProperty("totals");
        Assert.Equal((3, 210, 1), (totals.GetProperty("tasks").GetInt32(), totals.GetProperty("minutes").GetInt32(), totals.GetProperty("untimed").GetInt32()));
        var months = year.GetProperty("months").EnumerateArray().Select(m => m.GetProperty("figures"))
            .Select(f => $"{f.GetProperty("tasks").GetInt32()}/{f.GetProperty("minutes").GetInt32()}").ToArray();
        Assert.Equal(["0/0", "0/0", "0/0", "0/0", "0/0", "0/0", "0/0", "0/0", "0/0", "0/0", "2/120", "1/90"], months);
        var shopping = Assert.Single(year.GetProperty("categories").EnumerateArray());
        Assert.Equal(3, shopping.GetProperty("figures").GetProperty("tasks").GetInt32());
        Assert.Equal(1, year.GetProperty("notCounted").GetInt32());
        var tasks = year.GetProperty("tasks").EnumerateArray().ToArray();
        Assert.Equal(["Boodschappen deze week", "Boodschappen dinsdag", "Boodschappen in december"], tasks.Select(t => t.GetProperty("title").GetString()));
        Assert.Equal(["2026-11-23", "2026-11-24", "2026-12-01"], tasks.Select(t => t.GetProperty("date").GetString()));
        Assert.All(tasks, t => Assert.Equal(JsonValueKind.Null, t.GetProperty("residentName").ValueKind));
        Assert.All(tasks, t => Assert.Equal("1055", t.GetProperty("pc4").GetString()));
        foreach (var secret in new[] { RequestSteps.Address, RequestSteps.Phone, "1055 KL", "Jan", "Vries" })
            Assert.DoesNotContain(secret, year.ToString());

        // Only the helper's own help; a year without any says so, and years that cannot hold help are refused in Dutch.
        Assert.Equal(0, (await willem.GetFromJsonAsync<JsonElement>($"{Overview}?year=2026")).GetProperty("totals").GetProperty("tasks").GetInt32());
        Assert.Equal(0, (await vera.GetFromJsonAsync<JsonElement>($"{Overview}?year=2025")).GetProperty("totals").GetProperty("tasks").GetInt32());
        Assert.Equal("Kies een jaar van 2020 tot en met 2026.", Assert.Single(await ProblemAssert.FieldErrorsAsync(await vera.GetAsync($"{Overview}?year=2027"), "year")));
        Assert.Equal(2026, (await vera.GetFromJsonAsync<JsonElement>(Overview)).GetProperty("year").GetInt32());
    }

    [Theory, BothDatabases]
    public async Task The_resident_is_named_only_after_a_manager_of_the_circle_allowed_it(DatabaseProvider provider)
    {
        var (app, _) = await RequestSteps.StartAsync(provider);
        await using var _app = app;
        var c = await app.TwoCirclesAsync();
        var (vera, _) = await app.VolunteerAsync("Vera Vrijwilliger");
        await c.Member.DoneRequestAsync(c.CircleId, vera, Request("Boodschappen dinsdag", "2026-11-24", "10:00", "12:30"));
        var settings = $"/api/v1/circles/{c.CircleId}/thanks-settings";
        using var browser = await app.BrowserAsync("Vera Vrijwilliger");

        var before = await browser.PageAsync("/help/overview?year=2026");
        Assert.Contains("een hulpvrager in 1055", before);
        Assert.Contains("Afdrukken", before);
        Assert.Contains("2,5", before);
        Assert.DoesNotContain("Jan de Vries", before);
        Assert.DoesNotContain(RequestSteps.Address, before);
        Assert.False((await c.Member.GetFromJsonAsync<JsonElement>(settings)).GetProperty("nameInOverview").GetBoolean());

        Assert.Equal(HttpStatusCode.Forbidden, (await c.Member.PutAsJsonAsync(settings, new { nameInOverview = true })).StatusCode);
        Assert.Contains("een hulpvrager in 1055", await browser.PageAsync("/help/overview?year=2026"));
        var allowed = await c.Coordinator.PutAsJsonAsync(settings, new { nameInOverview = true });
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);

        var after = await browser.PageAsync("/help/overview?year=2026");
        Assert.Contains("Jan de Vries", after);
        Assert.DoesNotContain("een hulpvrager in 1055", after);
        Assert.Equal("Jan de Vries", (await vera.GetFromJsonAsync<JsonElement>($"{Overview}?year=2026")).GetProperty("tasks")[0].GetProperty("residentName").GetString());

        Assert.Contains("In 2025 staat er nog geen gedane hulp van u", await browser.PageAsync("/help/overview?year=2025"));
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync("/help/overview?year=1999")).StatusCode);
    }

    [Theory, BothDatabases]
    public async Task A_stranger_gets_the_same_answer_for_the_circles_settings_as_for_a_circle_that_does_not_exist(DatabaseProvider provider)
    {
        var (app, _) = await RequestSteps.StartAsync(provider);
        await using var _app = app;
        var c = await app.TwoCirclesAsync();

        foreach (var method in new[] { HttpMethod.Get, HttpMethod.Put })
        {
            HttpRequestMessage Request(Guid id) => new(method, $"/api/v1/circles/{id}/thanks-settings") { Content = method == HttpMethod.Put ? JsonContent.Create(new { nameInOverview = true }) : null };
            var existing = await c.Stranger.SendAsync(Request(c.CircleId));
            var madeUp = await c.Stranger.SendAsync(Request(Guid.NewGuid()));
            Assert.True(existing.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Forbidden, existing.StatusCode.ToString());
            Assert.Equal(madeUp.StatusCode, existing.StatusCode);
            Assert.Equal(await ProblemAssert.ComparableBodyAsync(madeUp), await ProblemAssert.ComparableBodyAsync(existing));
        }
        using var stan = await app.BrowserAsync("Stan Vreemde");
        var page = await stan.GetAsync($"/circles/{c.CircleId}/thanks");
        Assert.Equal((await stan.GetAsync($"/circles/{Guid.NewGuid()}/thanks")).StatusCode, page.StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, page.StatusCode);
        Assert.False((await c.Member.GetFromJsonAsync<JsonElement>($"/api/v1/circles/{c.CircleId}/thanks-settings")).GetProperty("nameInOverview").GetBoolean());
    }

    [Theory, BothDatabases]
    public async Task On_the_circles_page_a_coordinator_allows_the_name_and_a_member_only_reads_the_choice(DatabaseProvider provider)
    {
        var (app, _) = await RequestSteps.StartAsync(provider);
        await using var _app = app;
        var c = await app.TwoCirclesAsync();
        var path = $"/circles/{c.CircleId}/thanks";
        using var carla = await app.BrowserAsync("Carla Coördinator");
        using var mo = await app.BrowserAsync("Mo Lid");

        Assert.Contains("vrijwilligers noemen geen naam", await mo.PageAsync(path));
        Assert.DoesNotContain("name=\"nameInOverview\"", await mo.PageAsync(path));
        var saved = await PageForms.PostAsync(carla, path, [new("nameInOverview", "true")]);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("Opgeslagen: vrijwilligers mogen uw naam noemen", await carla.PageAsync(path));
        Assert.Contains("vrijwilligers mogen de naam Jan de Vries noemen", await mo.PageAsync(path));
    }
}
