using System.Net;
using System.Net.Http.Json;
using Wehelpen.Web.Tests.Circles;

namespace Wehelpen.Web.Tests.Agenda;

/// <summary>Amsterdam wall-clock time across the daylight-saving changes of 2026 (29 March and 25 October).</summary>
public sealed class AppointmentTimeTests
{
    [Theory, BothDatabases]
    public async Task A_weekly_appointment_stays_at_its_wall_clock_time_while_UTC_shifts_an_hour_at_both_changes(DatabaseProvider provider)
    {
        await using var app = await AgendaSteps.StartAsync(provider);
        var (carer, circleId) = await app.CarerWithCircleAsync();
        await carer.PlannedAsync(circleId, new { title = "Fysiotherapie", date = "2026-03-24", startTime = "10:00", endTime = "11:30", repeatWeekly = true });

        var spring = await carer.OccurrencesAsync(circleId, "2026-03-24", "2026-03-31");
        var autumn = await carer.OccurrencesAsync(circleId, "2026-10-20", "2026-10-27");

        Assert.Equal(["2026-03-24T10:00:00+01:00", "2026-03-31T10:00:00+02:00"], spring.Select(o => o.GetProperty("start").GetString()));
        Assert.Equal([9, 8], spring.Select(o => o.Moment("start").UtcDateTime.Hour));
        Assert.Equal(["2026-10-20T10:00:00+02:00", "2026-10-27T10:00:00+01:00"], autumn.Select(o => o.GetProperty("start").GetString()));
        Assert.Equal([8, 9], autumn.Select(o => o.Moment("start").UtcDateTime.Hour));
        Assert.All(spring.Concat(autumn), o => Assert.Equal(TimeSpan.FromMinutes(90), o.Moment("end") - o.Moment("start")));
    }

    [Theory, BothDatabases]
    public async Task A_time_skipped_when_summer_time_starts_is_refused_with_an_explanation(DatabaseProvider provider)
    {
        await using var app = await AgendaSteps.StartAsync(provider);
        var (carer, circleId) = await app.CarerWithCircleAsync();

        var dutch = await carer.PlanAsync(circleId, new { title = "Nachtzuster", date = "2026-03-29", startTime = "02:30", endTime = "04:00" });
        carer.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        var english = await carer.PlanAsync(circleId, new { title = "Night nurse", date = "2026-03-29", startTime = "01:00", endTime = "02:15" });

        Assert.Equal(["Op zondag 29 maart 2026 bestaat 02:30 niet: die nacht gaat de klok om 02:00 een uur vooruit naar 03:00 (de zomertijd begint). Kies een tijd voor 02:00 of vanaf 03:00."],
            await ProblemAssert.FieldErrorsAsync(dutch, "startTime"));
        Assert.Equal(["On Sunday 29 March 2026, 02:15 does not exist: that night the clocks go forward an hour at 02:00 to 03:00 (summer time begins). Choose a time before 02:00 or from 03:00."],
            await ProblemAssert.FieldErrorsAsync(english, "endTime"));
        Assert.Empty(await carer.OccurrencesAsync(circleId, "2026-03-29", "2026-03-29"));
    }

    [Theory, BothDatabases]
    public async Task A_time_that_happens_twice_when_summer_time_ends_is_the_first_one(DatabaseProvider provider)
    {
        await using var app = await AgendaSteps.StartAsync(provider);
        var (carer, circleId) = await app.CarerWithCircleAsync();

        var planned = await carer.PlannedAsync(circleId, new { title = "Nachtzuster", date = "2026-10-25", startTime = "02:30", endTime = "03:30" });

        // 02:30 still in summer time (+02:00); 03:30 exists once, in winter time: two real hours.
        Assert.Equal("2026-10-25T02:30:00+02:00", planned.GetProperty("firstStart").GetString());
        Assert.Equal(new DateTimeOffset(2026, 10, 25, 0, 30, 0, TimeSpan.Zero), planned.Moment("firstStart"));
        Assert.Equal("2026-10-25T03:30:00+01:00", planned.GetProperty("firstEnd").GetString());
    }

    [Theory, BothDatabases]
    public async Task A_series_whose_time_falls_in_the_skipped_hour_one_week_moves_an_hour_later_that_week_only(DatabaseProvider provider)
    {
        await using var app = await AgendaSteps.StartAsync(provider);
        var (carer, circleId) = await app.CarerWithCircleAsync();
        await carer.PlannedAsync(circleId, new { title = "Medicijnen", date = "2026-03-22", startTime = "02:30", endTime = "03:00", repeatWeekly = true });

        var occurrences = await carer.OccurrencesAsync(circleId, "2026-03-22", "2026-04-05");

        Assert.Equal(["2026-03-22T02:30:00+01:00", "2026-03-29T03:30:00+02:00", "2026-04-05T02:30:00+02:00"],
            occurrences.Select(o => o.GetProperty("start").GetString()));
        Assert.All(occurrences, o => Assert.Equal(TimeSpan.FromMinutes(30), o.Moment("end") - o.Moment("start")));
    }

    [Theory, BothDatabases]
    public async Task An_end_before_or_at_the_start_is_refused_and_nothing_is_saved(DatabaseProvider provider)
    {
        await using var app = await AgendaSteps.StartAsync(provider);
        var (carer, circleId) = await app.CarerWithCircleAsync();

        var before = await carer.PlanAsync(circleId, new { title = "Tandarts", date = "2026-04-14", startTime = "11:00", endTime = "10:00" });
        var equal = await carer.PlanAsync(circleId, new { title = "Tandarts", date = "2026-04-14", startTime = "11:00", endTime = "11:00" });

        const string message = "De eindtijd moet later zijn dan de begintijd (11:00). Een afspraak begint en eindigt op dezelfde dag.";
        Assert.Equal([message], await ProblemAssert.FieldErrorsAsync(before, "endTime"));
        Assert.Equal([message], await ProblemAssert.FieldErrorsAsync(equal, "endTime"));
        Assert.Empty(await carer.OccurrencesAsync(circleId, "2026-04-14", "2026-04-14"));
    }

    [Theory, BothDatabases]
    public async Task Unreadable_dates_and_times_and_a_repeat_ending_before_it_starts_get_a_message_per_field(DatabaseProvider provider)
    {
        await using var app = await AgendaSteps.StartAsync(provider);
        var (carer, circleId) = await app.CarerWithCircleAsync();

        var unreadable = await carer.PlanAsync(circleId, new { title = "Tandarts", date = "morgen", startTime = "tien uur", endTime = "25:00" });
        var backwards = await carer.PlanAsync(circleId, new { title = "Tandarts", date = "2026-04-14", startTime = "10:00", endTime = "11:00", repeatWeekly = true, repeatUntil = "2026-04-01" });
        var farAway = await carer.PlanAsync(circleId, new { title = "Tandarts", date = "2040-04-14", startTime = "10:00", endTime = "11:00" });

        Assert.Equal(["Vul een datum in, bijvoorbeeld 14-04-2026."], await ProblemAssert.FieldErrorsAsync(unreadable, "date"));
        Assert.Equal(["Vul een tijd in, bijvoorbeeld 10:00."], await ProblemAssert.FieldErrorsAsync(unreadable, "startTime"));
        Assert.Equal(["Vul een tijd in, bijvoorbeeld 10:00."], await ProblemAssert.FieldErrorsAsync(unreadable, "endTime"));
        Assert.Equal(["De laatste datum mag niet voor de eerste datum (14 april 2026) liggen."], await ProblemAssert.FieldErrorsAsync(backwards, "repeatUntil"));
        Assert.Equal(["Kies een datum tussen 1 maart 2025 en 1 maart 2031."], await ProblemAssert.FieldErrorsAsync(farAway, "date"));
    }

    [Theory, BothDatabases]
    public async Task A_date_typed_the_Dutch_way_is_understood_and_a_weekly_repeat_stops_at_its_last_date(DatabaseProvider provider)
    {
        await using var app = await AgendaSteps.StartAsync(provider);
        var (carer, circleId) = await app.CarerWithCircleAsync();

        var planned = await carer.PlannedAsync(circleId, new { title = "Gym", date = "7-4-2026", startTime = "9.30", endTime = "10:30", repeatWeekly = true, repeatUntil = "2026-04-27" });
        var occurrences = await carer.OccurrencesAsync(circleId, "2026-04-01", "2026-05-31");

        Assert.Equal("2026-04-07", planned.GetProperty("date").GetString());
        Assert.Equal("09:30", planned.GetProperty("startTime").GetString());
        Assert.Equal(["2026-04-07", "2026-04-14", "2026-04-21"], occurrences.Select(o => o.GetProperty("date").GetString()));
    }

    [Theory, BothDatabases]
    public async Task Asking_for_a_backwards_or_too_long_date_range_gets_a_message(DatabaseProvider provider)
    {
        await using var app = await AgendaSteps.StartAsync(provider);
        var (carer, circleId) = await app.CarerWithCircleAsync();

        var backwards = await carer.GetAsync($"{AgendaSteps.Agenda(circleId)}?from=2026-05-01&to=2026-04-01");
        var tooLong = await carer.GetAsync($"{AgendaSteps.Agenda(circleId)}?from=2026-01-01&to=2027-12-31");
        var unreadable = await carer.GetAsync($"{AgendaSteps.Agenda(circleId)}?from=gisteren");
        var standard = await carer.GetFromJsonAsync<System.Text.Json.JsonElement>(AgendaSteps.Agenda(circleId));

        Assert.Equal(["De einddatum mag niet voor de begindatum liggen."], await ProblemAssert.FieldErrorsAsync(backwards, "to"));
        Assert.Equal(["Vraag hoogstens 366 dagen tegelijk op."], await ProblemAssert.FieldErrorsAsync(tooLong, "to"));
        Assert.Equal(["Vul een datum in, bijvoorbeeld 14-04-2026."], await ProblemAssert.FieldErrorsAsync(unreadable, "from"));
        Assert.Equal(("2026-03-01", "2026-03-28"), (standard.GetProperty("from").GetString(), standard.GetProperty("to").GetString()));
        Assert.Equal(HttpStatusCode.OK, (await carer.GetAsync($"{AgendaSteps.Agenda(circleId)}?from=2026-01-01&to=2026-12-31")).StatusCode);
    }
}
