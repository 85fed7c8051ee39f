using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Wehelpen.Web.Features.Notifications;
using Wehelpen.Web.Features.Reminders;
using Wehelpen.Web.Tests.Agenda;
using Wehelpen.Web.Tests.Circles;

namespace Wehelpen.Web.Tests.Reminders;

/// <summary>
/// Appointment reminders with the clock in the test's hands. It is Sunday 1 March 2026, 10:00 in Amsterdam
/// (AgendaSteps.Now); Carla coordinates Jan's circle, so his whole agenda concerns her.
/// </summary>
public sealed class AppointmentReminderTests
{
    private static readonly object Tuesday = new { title = "Ziekenhuis, cardioloog", place = "OLVG Oost", date = "2026-03-03", startTime = "14:00", endTime = "15:00" };

    private static async Task<(WehelpenApplication App, TestClock Clock, HttpClient Carer, string CarerId, Guid CircleId)> StartAsync(DatabaseProvider provider)
    {
        var clock = new TestClock(AgendaSteps.Now);
        var app = await WehelpenApplication.StartAsync(provider, services: s => s.AddSingleton<TimeProvider>(clock));
        var (carer, carerId) = await app.PersonAsync("Carla Coördinator");
        return (app, clock, carer, carerId, await carer.CreateCircleAsync());
    }

    private static DateTimeOffset Utc(int day, int hour) => new(2026, 3, day, hour, 0, 0, TimeSpan.Zero);

    [Theory, BothDatabases]
    public async Task A_coordinator_hears_a_day_and_two_hours_before_once_each_in_the_app_and_by_mail(DatabaseProvider provider)
    {
        var (app, clock, carer, carerId, circleId) = await StartAsync(provider);
        await using var _ = app;
        var appointmentId = await carer.PlannedIdAsync(circleId, Tuesday);

        // Planned 48 hours ahead: the day before now, two hours before by the hourly planning later.
        Assert.Equal([Utc(2, 13)], (await app.RemindersAsync()).Select(r => r.DueAt.ToUniversalTime()));
        clock.Now = Utc(2, 12).AddMinutes(59);
        Assert.Equal(0, (await app.DispatchAsync()).Sent);

        clock.Now = Utc(2, 13);
        Assert.Equal(1, (await app.DispatchAsync()).Sent);
        Assert.Equal(0, (await app.DispatchAsync()).Sent); // running again sends nothing twice
        var reminder = Assert.Single(await app.NotificationsAsync(carerId));
        Assert.Equal(NotificationKind.AppointmentReminder, reminder.Kind);
        Assert.Equal("Herinnering: Ziekenhuis, cardioloog, dinsdag 3 maart 14:00", app.DutchTitle(reminder));
        Assert.Equal($"/circles/{circleId}/agenda/{appointmentId}", reminder.Link);

        var mail = Assert.Single(app.Emails(CircleSteps.EmailOf("Carla Coördinator")), m => m.Subject.StartsWith("Herinnering", StringComparison.Ordinal));
        Assert.Contains($"/circles/{circleId}/agenda/{appointmentId}", mail.TextBody);
        Assert.Contains("OLVG Oost", mail.TextBody);
        Assert.Contains(NotificationSettingsLink.Path + "?token=", mail.TextBody);

        clock.Now = Utc(3, 10);
        Assert.Equal(1, await app.PlanAheadAsync());
        clock.Now = Utc(3, 11);
        Assert.Equal(1, (await app.DispatchAsync()).Sent);
        Assert.Equal(2, (await app.NotificationsAsync(carerId)).Count);
    }

    [Theory, BothDatabases]
    public async Task Moving_an_appointment_moves_its_reminders_and_cancelling_it_cancels_them(DatabaseProvider provider)
    {
        var (app, clock, carer, carerId, circleId) = await StartAsync(provider);
        await using var _ = app;
        var moved = await carer.PlannedIdAsync(circleId, Tuesday);
        var cancelled = await carer.PlannedIdAsync(circleId, new { title = "Kapper", date = "2026-03-03", startTime = "16:00", endTime = "17:00" });

        var response = await carer.PutAsJsonAsync($"{AgendaSteps.Agenda(circleId)}/{moved}",
            new { title = "Ziekenhuis, cardioloog", place = "OLVG Oost", date = "2026-03-04", startTime = "09:30", endTime = "10:30" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await carer.DeleteAsync($"{AgendaSteps.Agenda(circleId)}/{cancelled}")).StatusCode);

        clock.Now = Utc(3, 8); // past the times the old plans had (Monday 14:00 and 16:00), before the new one
        await app.DispatchAsync();
        Assert.Empty(await app.NotificationsAsync(carerId));
        Assert.All((await app.RemindersAsync()).Where(r => r.EventAt < Utc(4, 0)), r => Assert.Equal(ReminderStatus.Dropped, r.Status));

        clock.Now = new DateTimeOffset(2026, 3, 4, 6, 30, 0, TimeSpan.Zero); // two hours before 09:30 in Amsterdam
        await app.PlanAheadAsync();
        await app.DispatchAsync();
        var notices = await app.NotificationsAsync(carerId);
        Assert.Equal(2, notices.Count); // the day before (Tuesday 09:30) came first, then this one
        Assert.All(notices, n => Assert.Contains("woensdag 4 maart 09:30", app.DutchTitle(n)));
    }

    [Theory, BothDatabases]
    public async Task After_downtime_what_fell_due_is_sent_unless_the_appointment_has_started(DatabaseProvider provider)
    {
        var (app, clock, carer, carerId, circleId) = await StartAsync(provider);
        await using var _ = app;
        await carer.PlannedIdAsync(circleId, new { title = "Fysiotherapie", date = "2026-03-02", startTime = "14:00", endTime = "15:00" });
        await carer.PlannedIdAsync(circleId, Tuesday);

        clock.Now = Utc(2, 14); // Monday 15:00 in Amsterdam: the app was down since Sunday morning
        var result = await app.DispatchAsync();

        var only = Assert.Single(await app.NotificationsAsync(carerId));
        Assert.Contains("Ziekenhuis", app.DutchTitle(only));
        Assert.Equal((1, 2), (result.Sent, result.Dropped));
        var physio = (await app.RemindersAsync()).Where(r => r.EventAt == Utc(2, 13)).ToList();
        Assert.Equal(2, physio.Count);
        Assert.All(physio, r => Assert.Equal((ReminderStatus.Dropped, "started before it could be sent"), (r.Status, r.Outcome)));
    }

    [Theory, BothDatabases]
    public async Task A_member_hears_only_of_what_they_go_along_to_at_the_times_they_chose(DatabaseProvider provider)
    {
        var (app, clock, carer, carerId, circleId) = await StartAsync(provider);
        await using var _ = app;
        var (member, memberId) = await app.PersonAsync("Mo Lid");
        await carer.JoinAsync(circleId, member);
        await app.SetSettingsAsync(memberId, s => s.SetOffsets([60]));
        var hospital = await carer.PlannedIdAsync(circleId, Tuesday);
        await carer.PlannedIdAsync(circleId, new { title = "Kapper", date = "2026-03-03", startTime = "16:00", endTime = "17:00" });
        Assert.Equal(HttpStatusCode.OK, (await member.PutAsync(AgendaSteps.GoingAlong(circleId, hospital, "2026-03-03"), null)).StatusCode);
        await app.SetSettingsAsync(carerId, s => s.SetOffsets([]));

        clock.Now = Utc(3, 11);
        await app.PlanAheadAsync();
        clock.Now = Utc(3, 12);
        await app.DispatchAsync();

        var only = Assert.Single(await app.NotificationsAsync(memberId));
        Assert.Equal(Utc(3, 12), (await app.RemindersAsync()).Single(r => r.Status == ReminderStatus.Sent).DueAt.ToUniversalTime());
        Assert.Contains("Ziekenhuis", app.DutchTitle(only));
        Assert.Empty(await app.NotificationsAsync(carerId));
    }

    [Theory, BothDatabases]
    public async Task A_weekly_series_is_planned_as_it_comes_within_reach_and_a_day_before_keeps_the_clock_time_across_the_change(DatabaseProvider provider)
    {
        var (app, clock, carer, carerId, circleId) = await StartAsync(provider);
        await using var _ = app;
        await carer.PlannedIdAsync(circleId, new { title = "Koffie met Truus", date = "2026-03-08", startTime = "10:00", endTime = "11:00", repeatWeekly = true });
        Assert.Empty(await app.RemindersAsync()); // a week away: beyond the planning horizon

        clock.Now = Utc(27, 12);
        Assert.Equal(2, await app.PlanAheadAsync()); // Saturday 10:00 and Sunday 08:00 for Sunday 29 March
        Assert.Equal(0, await app.PlanAheadAsync());
        clock.Now = Utc(28, 9); // Saturday 10:00 winter time: a day before Sunday 10:00 summer time
        await app.DispatchAsync();

        var saturday = Assert.Single(await app.NotificationsAsync(carerId));
        Assert.Equal("Herinnering: Koffie met Truus, zondag 29 maart 10:00", app.DutchTitle(saturday));
    }
}
