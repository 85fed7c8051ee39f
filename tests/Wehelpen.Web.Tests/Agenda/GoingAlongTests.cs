using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Wehelpen.Web.Features.Agenda;
using Wehelpen.Web.Features.Circles;
using Wehelpen.Web.Tests.Circles;

namespace Wehelpen.Web.Tests.Agenda;

public sealed class GoingAlongTests
{
    [Theory, BothDatabases]
    public async Task Going_along_is_per_date_of_a_weekly_appointment_and_can_be_taken_back(DatabaseProvider provider)
    {
        await using var app = await AgendaSteps.StartAsync(provider);
        var c = await app.TwoCirclesAsync();
        var id = await c.Coordinator.PlannedIdAsync(c.CircleId, new { title = "Dialyse", date = "2026-04-07", startTime = "08:00", endTime = "12:00", repeatWeekly = true });

        var going = await c.Member.PutAsync(AgendaSteps.GoingAlong(c.CircleId, id, "2026-04-14"), null);
        var again = await c.Member.PutAsync(AgendaSteps.GoingAlong(c.CircleId, id, "2026-04-14"), null);
        Assert.Equal(HttpStatusCode.OK, going.StatusCode);
        var occurrence = await again.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(occurrence.GetProperty("iGoAlong").GetBoolean());
        Assert.Equal(["Mo Lid"], Names(occurrence));

        var seenByCoordinator = await c.Coordinator.OccurrencesAsync(c.CircleId, "2026-04-07", "2026-04-21");
        Assert.Equal([[], ["Mo Lid"], []], seenByCoordinator.Select(Names));
        Assert.All(seenByCoordinator, o => Assert.False(o.GetProperty("iGoAlong").GetBoolean()));

        var stopped = await c.Member.DeleteAsync(AgendaSteps.GoingAlong(c.CircleId, id, "2026-04-14"));
        Assert.Equal(HttpStatusCode.OK, stopped.StatusCode);
        Assert.Empty(Names(await stopped.Content.ReadFromJsonAsync<JsonElement>()));
        Assert.All(await c.Coordinator.OccurrencesAsync(c.CircleId, "2026-04-07", "2026-04-21"), o => Assert.Empty(Names(o)));
    }

    [Theory, BothDatabases]
    public async Task A_double_click_on_going_along_or_on_taking_it_back_is_answered_like_one(DatabaseProvider provider)
    {
        await using var app = await AgendaSteps.StartAsync(provider);
        var c = await app.TwoCirclesAsync();
        var id = await c.Coordinator.PlannedIdAsync(c.CircleId, new { title = "Dialyse", date = "2026-04-07", startTime = "08:00", endTime = "12:00" });
        var url = AgendaSteps.GoingAlong(c.CircleId, id, "2026-04-07");

        var going = await Task.WhenAll(c.Member.PutAsync(url, null), c.Member.PutAsync(url, null), c.Member.PutAsync(url, null));
        Assert.All(going, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal([["Mo Lid"]], (await c.Coordinator.OccurrencesAsync(c.CircleId, "2026-04-07", "2026-04-07")).Select(Names));

        var stopping = await Task.WhenAll(c.Member.DeleteAsync(url), c.Member.DeleteAsync(url), c.Member.DeleteAsync(url));
        Assert.All(stopping, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal([[]], (await c.Coordinator.OccurrencesAsync(c.CircleId, "2026-04-07", "2026-04-07")).Select(Names));
    }

    [Theory, BothDatabases]
    public async Task Going_along_on_a_date_the_appointment_is_not_on_or_an_unreadable_date_is_refused(DatabaseProvider provider)
    {
        await using var app = await AgendaSteps.StartAsync(provider);
        var (carer, circleId) = await app.CarerWithCircleAsync();
        var id = await carer.PlannedIdAsync(circleId, new { title = "Dialyse", date = "2026-04-07", startTime = "08:00", endTime = "12:00", repeatWeekly = true, repeatUntil = "2026-04-21" });

        var wrongDay = await carer.PutAsync(AgendaSteps.GoingAlong(circleId, id, "2026-04-08"), null);
        var afterTheEnd = await carer.PutAsync(AgendaSteps.GoingAlong(circleId, id, "2026-04-28"), null);
        var unreadable = await carer.PutAsync(AgendaSteps.GoingAlong(circleId, id, "dinsdag"), null);

        Assert.Equal("Deze afspraak is niet op woensdag 8 april 2026.", (await ProblemAssert.IsProblemAsync(wrongDay, HttpStatusCode.NotFound)).GetProperty("detail").GetString());
        await ProblemAssert.IsProblemAsync(afterTheEnd, HttpStatusCode.NotFound);
        Assert.Equal(["Vul een datum in, bijvoorbeeld 14-04-2026."], await ProblemAssert.FieldErrorsAsync(unreadable, "date"));
    }

    [Theory, BothDatabases]
    public async Task Changing_a_series_moves_who_goes_along_with_it_and_drops_dates_it_no_longer_has(DatabaseProvider provider)
    {
        await using var app = await AgendaSteps.StartAsync(provider);
        var c = await app.TwoCirclesAsync();
        var id = await c.Coordinator.PlannedIdAsync(c.CircleId, new { title = "Dialyse", date = "2026-04-07", startTime = "08:00", endTime = "12:00", repeatWeekly = true });
        await c.Member.PutAsync(AgendaSteps.GoingAlong(c.CircleId, id, "2026-04-14"), null);
        await c.Coordinator.PutAsync(AgendaSteps.GoingAlong(c.CircleId, id, "2026-04-21"), null);

        await c.Coordinator.PutAsJsonAsync($"{AgendaSteps.Agenda(c.CircleId)}/{id}",
            new { title = "Dialyse", date = "2026-04-07", startTime = "13:00", endTime = "17:00", repeatWeekly = true, repeatUntil = "2026-04-14" });
        var records = await CompanionsAsync(app, c.CircleId, "2026-04-01", "2026-05-01");

        var record = Assert.Single(records);
        Assert.Equal((c.MemberId, new DateTimeOffset(2026, 4, 14, 11, 0, 0, TimeSpan.Zero)), (record.UserId, record.OccurrenceStartUtc));
    }

    [Theory, BothDatabases]
    public async Task The_workload_overview_gets_who_went_along_per_occurrence_in_a_UTC_range(DatabaseProvider provider)
    {
        await using var app = await AgendaSteps.StartAsync(provider);
        var c = await app.TwoCirclesAsync();
        var dialysis = await c.Coordinator.PlannedIdAsync(c.CircleId, new { title = "Dialyse", date = "2026-03-24", startTime = "08:00", endTime = "12:00", repeatWeekly = true });
        var dentist = await c.Coordinator.PlannedIdAsync(c.CircleId, new { title = "Tandarts", date = "2026-03-26", startTime = "15:00", endTime = "16:00" });
        await c.Member.PutAsync(AgendaSteps.GoingAlong(c.CircleId, dialysis, "2026-03-24"), null);
        await c.Member.PutAsync(AgendaSteps.GoingAlong(c.CircleId, dialysis, "2026-03-31"), null);
        await c.Coordinator.PutAsync(AgendaSteps.GoingAlong(c.CircleId, dentist, "2026-03-26"), null);
        await c.Member.PutAsync(AgendaSteps.GoingAlong(c.CircleId, dialysis, "2026-04-07"), null);
        // Someone in another circle going along to their own appointment is not this circle's workload.
        var elsewhere = await c.Stranger.PlannedIdAsync(c.OtherCircleId, new { title = "Bingo", date = "2026-03-25", startTime = "14:00", endTime = "16:00" });
        await c.Stranger.PutAsync(AgendaSteps.GoingAlong(c.OtherCircleId, elsewhere, "2026-03-25"), null);

        var records = await CompanionsAsync(app, c.CircleId, "2026-03-23", "2026-04-06");

        Assert.Equal(
            [
                (c.MemberId, dialysis, new DateTimeOffset(2026, 3, 24, 7, 0, 0, TimeSpan.Zero)),
                (c.CoordinatorId, dentist, new DateTimeOffset(2026, 3, 26, 14, 0, 0, TimeSpan.Zero)),
                (c.MemberId, dialysis, new DateTimeOffset(2026, 3, 31, 6, 0, 0, TimeSpan.Zero)),
            ],
            records.Select(r => (r.UserId, r.AppointmentId, r.OccurrenceStartUtc)));
    }

    [Theory, BothDatabases]
    public async Task Someone_who_left_the_circle_is_no_longer_shown_going_along(DatabaseProvider provider)
    {
        await using var app = await AgendaSteps.StartAsync(provider);
        var c = await app.TwoCirclesAsync();
        var id = await c.Coordinator.PlannedIdAsync(c.CircleId, new { title = "Dialyse", date = "2026-04-07", startTime = "08:00", endTime = "12:00" });
        await c.Member.PutAsync(AgendaSteps.GoingAlong(c.CircleId, id, "2026-04-07"), null);

        Assert.Equal(HttpStatusCode.NoContent, (await c.Member.PostAsync($"/api/v1/circles/{c.CircleId}/leave", null)).StatusCode);

        Assert.Empty(Names(Assert.Single(await c.Coordinator.OccurrencesAsync(c.CircleId, "2026-04-07", "2026-04-07"))));
    }

    [Theory, BothDatabases]
    public async Task The_circle_front_page_can_show_the_next_three_appointments_that_have_not_ended(DatabaseProvider provider)
    {
        // Tuesday 14 April 2026, 11:00 in Amsterdam.
        await using var app = await AgendaSteps.StartAsync(provider, new DateTimeOffset(2026, 4, 14, 9, 0, 0, TimeSpan.Zero));
        var (carer, carerId) = await app.PersonAsync("Carla Coördinator");
        var circleId = await carer.CreateCircleAsync();
        await carer.PlannedAsync(circleId, new { title = "Ontbijt", date = "2026-04-14", startTime = "08:00", endTime = "09:00" });
        await carer.PlannedAsync(circleId, new { title = "Ziekenhuis", date = "2026-04-14", startTime = "10:00", endTime = "11:30" });
        await carer.PlannedAsync(circleId, new { title = "Gym", date = "2026-04-15", startTime = "10:00", endTime = "11:00", repeatWeekly = true });

        await using var scope = app.Services.CreateAsyncScope();
        var me = new CircleMembership(circleId, "Zorgcirkel", "Jan de Vries", carerId, CircleRole.Coordinator);
        var upcoming = await scope.ServiceProvider.GetRequiredService<AgendaPlanner>().UpcomingAsync(me, 3, CancellationToken.None);

        Assert.Equal([("Ziekenhuis", "2026-04-14"), ("Gym", "2026-04-15"), ("Gym", "2026-04-22")],
            upcoming.Select(o => (o.Title, o.Date.ToString("yyyy-MM-dd"))));
    }

    private static string[] Names(JsonElement occurrence) =>
        occurrence.GetProperty("companions").EnumerateArray().Select(c => c.GetProperty("displayName").GetString()!).ToArray();

    private static async Task<IReadOnlyList<CompanionRecord>> CompanionsAsync(WehelpenApplication app, Guid circleId, string from, string to)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var planner = scope.ServiceProvider.GetRequiredService<AgendaPlanner>();
        return await planner.CompanionsAsync(circleId, DateTimeOffset.Parse(from + "T00:00:00Z"), DateTimeOffset.Parse(to + "T00:00:00Z"), CancellationToken.None);
    }
}
