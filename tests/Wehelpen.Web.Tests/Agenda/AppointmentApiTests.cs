using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Wehelpen.Web.Tests.Circles;

namespace Wehelpen.Web.Tests.Agenda;

public sealed class AppointmentApiTests
{
    [Theory, BothDatabases]
    public async Task A_member_plans_reads_changes_and_deletes_an_appointment(DatabaseProvider provider)
    {
        await using var app = await AgendaSteps.StartAsync(provider);
        var c = await app.TwoCirclesAsync();

        var created = await c.Member.PlanAsync(c.CircleId, new
        {
            title = "  Ziekenhuis, cardioloog  ", date = "2026-04-14", startTime = "10:00", endTime = "11:30",
            place = "OLVG Oost", notes = "Verwijsbrief meenemen.\nPasje!",
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        Assert.Equal($"/api/v1/circles/{c.CircleId}/agenda/{id}", created.Headers.Location?.OriginalString);

        var read = await c.Coordinator.GetFromJsonAsync<JsonElement>($"{AgendaSteps.Agenda(c.CircleId)}/{id}");
        Assert.Equal("Ziekenhuis, cardioloog", read.GetProperty("title").GetString());
        Assert.Equal("OLVG Oost", read.GetProperty("place").GetString());
        Assert.Equal("Verwijsbrief meenemen.\nPasje!", read.GetProperty("notes").GetString());
        Assert.Equal("2026-04-14T10:00:00+02:00", read.GetProperty("firstStart").GetString());
        Assert.Equal("Mo Lid", read.GetProperty("createdBy").GetString());
        Assert.False(read.GetProperty("repeatsWeekly").GetBoolean());

        var changed = await c.Coordinator.PutAsJsonAsync($"{AgendaSteps.Agenda(c.CircleId)}/{id}",
            new { title = "Ziekenhuis", date = "2026-04-15", startTime = "13:00", endTime = "14:00" });
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        var occurrences = await c.Member.OccurrencesAsync(c.CircleId, "2026-04-13", "2026-04-19");
        var only = Assert.Single(occurrences);
        Assert.Equal(("Ziekenhuis", "2026-04-15T13:00:00+02:00"), (only.GetProperty("title").GetString(), only.GetProperty("start").GetString()));
        Assert.Equal(JsonValueKind.Null, only.GetProperty("place").ValueKind);

        Assert.Equal(HttpStatusCode.NoContent, (await c.Member.DeleteAsync($"{AgendaSteps.Agenda(c.CircleId)}/{id}")).StatusCode);
        var gone = await c.Member.GetAsync($"{AgendaSteps.Agenda(c.CircleId)}/{id}");
        Assert.Equal("Deze afspraak bestaat niet (meer) in deze cirkel.", (await ProblemAssert.IsProblemAsync(gone, HttpStatusCode.NotFound)).GetProperty("detail").GetString());
        Assert.Empty(await c.Member.OccurrencesAsync(c.CircleId, "2026-04-13", "2026-04-19"));
    }

    [Theory, BothDatabases]
    public async Task An_overlapping_appointment_is_refused_naming_the_other_one_until_the_person_confirms(DatabaseProvider provider)
    {
        await using var app = await AgendaSteps.StartAsync(provider);
        var (carer, circleId) = await app.CarerWithCircleAsync();
        await carer.PlannedAsync(circleId, new { title = "Ziekenhuis", date = "2026-04-14", startTime = "10:00", endTime = "11:30" });
        var haircut = new { title = "Kapper", date = "2026-04-14", startTime = "11:00", endTime = "12:00" };

        var refused = await carer.PlanAsync(circleId, haircut);
        var body = await ProblemAssert.IsProblemAsync(refused, HttpStatusCode.Conflict);
        Assert.Equal("Op di 14 april 10:00–11:30 staat al 'Ziekenhuis' in de agenda van deze cirkel. Wilt u deze afspraak toch opslaan? Vink dan 'Toch opslaan' aan en sla opnieuw op.",
            body.GetProperty("detail").GetString());
        Assert.Single(await carer.OccurrencesAsync(circleId, "2026-04-14", "2026-04-14"));

        await carer.PlannedAsync(circleId, new { haircut.title, haircut.date, haircut.startTime, haircut.endTime, allowOverlap = true });
        // Right after one another is not at the same time.
        await carer.PlannedAsync(circleId, new { title = "Lunch", date = "2026-04-14", startTime = "12:00", endTime = "13:00" });
        Assert.Equal(["Ziekenhuis", "Kapper", "Lunch"],
            (await carer.OccurrencesAsync(circleId, "2026-04-14", "2026-04-14")).Select(o => o.GetProperty("title").GetString()));
    }

    [Theory, BothDatabases]
    public async Task A_weekly_series_clashes_with_an_appointment_in_one_of_its_weeks_and_a_change_never_clashes_with_itself(DatabaseProvider provider)
    {
        await using var app = await AgendaSteps.StartAsync(provider);
        var (carer, circleId) = await app.CarerWithCircleAsync();
        var gymId = await carer.PlannedIdAsync(circleId, new { title = "Gym", date = "2026-03-03", startTime = "10:00", endTime = "11:00", repeatWeekly = true });

        var oneOff = await carer.PlanAsync(circleId, new { title = "Bloedprikken", date = "2026-04-14", startTime = "10:30", endTime = "10:45" });
        var otherSeries = await carer.PlanAsync(circleId, new { title = "Koor", date = "2026-09-01", startTime = "09:00", endTime = "10:15", repeatWeekly = true });
        var itself = await carer.PutAsJsonAsync($"{AgendaSteps.Agenda(circleId)}/{gymId}",
            new { title = "Gym (fysio)", date = "2026-03-03", startTime = "10:00", endTime = "11:15", repeatWeekly = true });
        var otherDay = await carer.PlanAsync(circleId, new { title = "Koor", date = "2026-09-02", startTime = "09:00", endTime = "10:15", repeatWeekly = true });

        Assert.Contains("'Gym' in de agenda", (await ProblemAssert.IsProblemAsync(oneOff, HttpStatusCode.Conflict)).GetProperty("detail").GetString());
        Assert.StartsWith("Op di 1 september 10:00–11:00 staat al 'Gym'", (await ProblemAssert.IsProblemAsync(otherSeries, HttpStatusCode.Conflict)).GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.OK, itself.StatusCode);
        Assert.Equal(HttpStatusCode.Created, otherDay.StatusCode);
    }

    [Theory, BothDatabases]
    public async Task A_change_that_would_overlap_is_refused_and_leaves_the_appointment_as_it_was(DatabaseProvider provider)
    {
        await using var app = await AgendaSteps.StartAsync(provider);
        var (carer, circleId) = await app.CarerWithCircleAsync();
        await carer.PlannedAsync(circleId, new { title = "Ziekenhuis", date = "2026-04-14", startTime = "10:00", endTime = "11:30" });
        var dentistId = await carer.PlannedIdAsync(circleId, new { title = "Tandarts", date = "2026-04-14", startTime = "14:00", endTime = "15:00" });

        var refused = await carer.PutAsJsonAsync($"{AgendaSteps.Agenda(circleId)}/{dentistId}",
            new { title = "Tandarts", date = "2026-04-14", startTime = "11:00", endTime = "12:00" });

        await ProblemAssert.IsProblemAsync(refused, HttpStatusCode.Conflict);
        var dentist = await carer.GetFromJsonAsync<JsonElement>($"{AgendaSteps.Agenda(circleId)}/{dentistId}");
        Assert.Equal("14:00", dentist.GetProperty("startTime").GetString());
    }

    [Theory, BothDatabases]
    public async Task A_weekly_series_that_began_years_ago_can_still_be_changed_but_not_moved_to_long_ago(DatabaseProvider provider)
    {
        await using var app = await AgendaSteps.StartAsync(provider);
        var (carer, circleId) = await app.CarerWithCircleAsync();
        var id = await carer.PlannedIdAsync(circleId, new { title = "Dialyse", date = "2026-03-03", startTime = "08:00", endTime = "12:00", repeatWeekly = true });
        ((TestClock)app.Services.GetRequiredService<TimeProvider>()).Now = new DateTimeOffset(2028, 6, 1, 9, 0, 0, TimeSpan.Zero);
        using var later = await app.LoginAsync(CircleSteps.EmailOf("Carla Coördinator"));

        var renamed = await later.PutAsJsonAsync($"{AgendaSteps.Agenda(circleId)}/{id}",
            new { title = "Dialyse (Sloterdijk)", date = "2026-03-03", startTime = "08:00", endTime = "12:00", repeatWeekly = true });
        var moved = await later.PutAsJsonAsync($"{AgendaSteps.Agenda(circleId)}/{id}",
            new { title = "Dialyse (Sloterdijk)", date = "2026-03-10", startTime = "08:00", endTime = "12:00", repeatWeekly = true });

        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        Assert.Equal(["Kies een datum tussen 1 juni 2027 en 1 juni 2033."], await ProblemAssert.FieldErrorsAsync(moved, "date"));
    }

    [Theory, BothDatabases]
    public async Task Empty_and_too_long_texts_are_refused_per_field_and_nothing_is_saved(DatabaseProvider provider)
    {
        await using var app = await AgendaSteps.StartAsync(provider);
        var (carer, circleId) = await app.CarerWithCircleAsync();

        var empty = await carer.PlanAsync(circleId, new { title = "   ", date = "", startTime = "", endTime = "" });
        var tooLong = await carer.PlanAsync(circleId, new
        {
            title = new string('a', 121), place = new string('p', 201), notes = new string('n', 2001),
            date = "2026-04-14", startTime = "10:00", endTime = "11:00",
        });

        Assert.Equal(["Vul dit in."], await ProblemAssert.FieldErrorsAsync(empty, "title"));
        Assert.Equal(["Vul een datum in, bijvoorbeeld 14-04-2026."], await ProblemAssert.FieldErrorsAsync(empty, "date"));
        Assert.Equal(["Vul een tijd in, bijvoorbeeld 10:00."], await ProblemAssert.FieldErrorsAsync(empty, "startTime"));
        Assert.Equal(["Dit is te lang: maximaal 120 tekens, het zijn er nu 121."], await ProblemAssert.FieldErrorsAsync(tooLong, "title"));
        Assert.Equal(["Dit is te lang: maximaal 200 tekens, het zijn er nu 201."], await ProblemAssert.FieldErrorsAsync(tooLong, "place"));
        Assert.Equal(["Dit is te lang: maximaal 2000 tekens, het zijn er nu 2001."], await ProblemAssert.FieldErrorsAsync(tooLong, "notes"));
        Assert.Empty(await carer.OccurrencesAsync(circleId, "2026-03-01", "2026-12-31"));
    }

    [Fact]
    public async Task The_agenda_and_calendar_feed_endpoints_are_described_in_OpenAPI()
    {
        await using var app = await AgendaSteps.StartAsync(DatabaseProvider.Sqlite);
        using var client = app.CreateApiClient();

        var paths = (await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json")).GetProperty("paths");

        Assert.True(paths.TryGetProperty("/api/v1/circles/{circleId}/agenda", out var list));
        Assert.True(list.TryGetProperty("get", out _) && list.TryGetProperty("post", out _));
        Assert.True(paths.TryGetProperty("/api/v1/circles/{circleId}/agenda/{appointmentId}", out var one));
        Assert.True(one.TryGetProperty("get", out _) && one.TryGetProperty("put", out _) && one.TryGetProperty("delete", out _));
        Assert.True(paths.TryGetProperty("/api/v1/circles/{circleId}/agenda/{appointmentId}/occurrences/{date}/going-along", out var going));
        Assert.True(going.TryGetProperty("put", out _) && going.TryGetProperty("delete", out _));
        Assert.True(paths.TryGetProperty("/api/v1/calendar-feed", out _));
        Assert.True(paths.TryGetProperty("/api/v1/calendar-feed/reset", out _));
    }
}
