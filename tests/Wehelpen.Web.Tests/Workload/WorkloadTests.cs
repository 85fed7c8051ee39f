using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Wehelpen.Web.Tests.Agenda;
using Wehelpen.Web.Tests.Circles;

namespace Wehelpen.Web.Tests.Workload;

public sealed class WorkloadTests
{
    private static readonly DateTimeOffset MondayMorning = new(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);

    [Theory, BothDatabases]
    public async Task The_workload_shows_who_went_along_and_who_said_yes_and_names_whoever_carries_most(DatabaseProvider provider)
    {
        await using var app = await AgendaSteps.StartAsync(provider, MondayMorning);
        var c = await app.TwoCirclesAsync();
        var physio = await WeeklyAppointmentAsync(c.Coordinator, c.CircleId, "2026-11-03");
        foreach (var date in new[] { "2026-11-10", "2026-11-17", "2026-11-24" }) await GoAlongAsync(c.Coordinator, c.CircleId, physio, date);
        await GoAlongAsync(c.Member, c.CircleId, physio, "2026-12-01");
        await StrangerTests.WriteEntryAsync(c.Member, c.CircleId);
        await StrangerTests.WriteEntryAsync(c.Member, c.CircleId);

        var workload = await c.Member.GetFromJsonAsync<JsonElement>($"/api/v1/circles/{c.CircleId}/workload");

        var rows = workload.GetProperty("members").EnumerateArray().Select(m =>
            $"{m.GetProperty("displayName").GetString()}: went {m.GetProperty("wentAlong").GetInt32()}, yes {m.GetProperty("takenOn").GetInt32()}, " +
            $"logbook {m.GetProperty("logbookEntries").GetInt32()}, share {m.GetProperty("shareOfTasks").GetDouble():0.00}").ToArray();
        Assert.Equal(["Carla Coördinator: went 2, yes 1, logbook 0, share 0.75", "Mo Lid: went 0, yes 1, logbook 2, share 0.25"], rows);
        Assert.Equal("Carla Coördinator", workload.GetProperty("overloaded").GetProperty("displayName").GetString());

        // Two more dates for Mo: now nobody carries more than half.
        await GoAlongAsync(c.Member, c.CircleId, physio, "2026-12-08");
        await GoAlongAsync(c.Member, c.CircleId, physio, "2026-12-15");
        var shared = await c.Member.GetFromJsonAsync<JsonElement>($"/api/v1/circles/{c.CircleId}/workload");
        Assert.Equal(JsonValueKind.Null, shared.GetProperty("overloaded").ValueKind);

        // Beyond the chosen period nothing counts: two weeks ahead end on 7 December, before Mo's 8 and 15 December.
        var twoWeeks = await c.Member.GetFromJsonAsync<JsonElement>($"/api/v1/circles/{c.CircleId}/workload?weeks=2");
        var mo = twoWeeks.GetProperty("members").EnumerateArray().Single(m => m.GetProperty("userId").GetString() == c.MemberId);
        Assert.Equal(1, mo.GetProperty("takenOn").GetInt32());
    }

    [Theory, BothDatabases]
    public async Task Requests_taken_on_count_as_tasks_and_the_lines_Wehelpen_writes_do_not_count_as_writing(DatabaseProvider provider)
    {
        var (app, _) = await Requests.RequestSteps.StartAsync(provider);
        await using var _app = app;
        var c = await app.TwoCirclesAsync();
        var taken = new List<Guid>();
        foreach (var _ in Enumerable.Range(0, 4))
        {
            var requestId = await Requests.RequestSteps.PostedIdAsync(c.Coordinator, c.CircleId, Requests.RequestSteps.Shopping("circle"));
            Assert.Equal(HttpStatusCode.OK, (await Requests.RequestSteps.ActAsync(c.Member, requestId, "claim")).StatusCode);
            taken.Add(requestId);
        }
        // Done still counts; given back does not.
        Assert.Equal(HttpStatusCode.OK, (await Requests.RequestSteps.ActAsync(c.Member, taken[0], "done")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Requests.RequestSteps.ActAsync(c.Member, taken[1], "give-back", new { reason = "ziek" })).StatusCode);

        var workload = await c.Member.GetFromJsonAsync<JsonElement>($"/api/v1/circles/{c.CircleId}/workload");

        var mo = workload.GetProperty("members").EnumerateArray().Single(m => m.GetProperty("displayName").GetString() == "Mo Lid");
        Assert.Equal(3, mo.GetProperty("requests").GetInt32());
        Assert.Equal(0, mo.GetProperty("logbookEntries").GetInt32());
        Assert.Equal("Mo Lid", workload.GetProperty("overloaded").GetProperty("displayName").GetString());
    }

    [Theory, BothDatabases]
    public async Task The_workload_page_warns_about_overload_and_a_period_not_offered_is_refused_on_the_api(DatabaseProvider provider)
    {
        await using var app = await AgendaSteps.StartAsync(provider, MondayMorning);
        var c = await app.TwoCirclesAsync();
        var physio = await WeeklyAppointmentAsync(c.Coordinator, c.CircleId, "2026-11-03");
        foreach (var date in new[] { "2026-11-10", "2026-11-17", "2026-11-24" }) await GoAlongAsync(c.Coordinator, c.CircleId, physio, date);
        using var mo = await app.BrowserAsync("Mo Lid");

        var page = System.Net.WebUtility.HtmlDecode(await mo.GetStringAsync($"/circles/{c.CircleId}/workload"));

        Assert.Contains("Carla Coördinator doet 100% van de taken in deze 4 weken.", page);
        Assert.Contains("<strong>Carla Coördinator</strong>", page);
        var bad = await c.Member.GetAsync($"/api/v1/circles/{c.CircleId}/workload?weeks=3");
        Assert.Equal(["Kies een periode van 2, 4, 8, 12 weken."], await ProblemAssert.FieldErrorsAsync(bad, "weeks"));
    }

    private static Task<Guid> WeeklyAppointmentAsync(HttpClient client, Guid circleId, string firstDate) =>
        client.PlannedIdAsync(circleId, new { title = "Fysiotherapie", date = firstDate, startTime = "10:00", endTime = "11:00", repeatWeekly = true });

    private static async Task GoAlongAsync(HttpClient client, Guid circleId, Guid appointmentId, string date) =>
        Assert.Equal(HttpStatusCode.OK, (await client.PutAsync(AgendaSteps.GoingAlong(circleId, appointmentId, date), null)).StatusCode);
}
