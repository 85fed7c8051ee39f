using Wehelpen.Web.Tests.Agenda;
using Wehelpen.Web.Tests.Circles;
using Wehelpen.Web.Tests.Reminders;

namespace Wehelpen.Web.Tests.Push;

/// <summary>Reminders on a device: without the appointment's place, and held by quiet hours until they end.</summary>
public sealed class PushReminderTests
{
    private static DateTimeOffset Utc(int day, int hour, int minute = 0) => new(2026, 3, day, hour, minute, 0, TimeSpan.Zero);

    [Theory, BothDatabases]
    public async Task A_reminder_that_falls_in_the_quiet_hours_waits_for_the_morning_and_never_names_the_place(DatabaseProvider provider)
    {
        // Sunday 1 March 2026, 10:00 in Amsterdam; the appointment is on Tuesday at 09:00, so its reminder of two
        // hours before falls at 07:00, inside the quiet hours (22:00-08:00).
        var (app, clock, service, vapid) = await PushSteps.StartAsync(provider, AgendaSteps.Now);
        await using var _app = app;
        await using var _service = service;
        var (carla, _) = await app.PersonAsync("Carla Coördinator");
        var circleId = await carla.CreateCircleAsync();
        var phone = service.NewSubscriber(vapid.PublicKey);
        await carla.SubscribeAsync(phone);
        await carla.PlannedIdAsync(circleId, new { title = "Ziekenhuis, cardioloog", place = "OLVG Oost", date = "2026-03-03", startTime = "09:00", endTime = "10:00" });

        clock.Now = Utc(2, 8); // the day before, 09:00
        Assert.Equal(1, (await app.DispatchAsync()).Sent);
        Assert.Equal(1, await app.SendPushesAsync());
        var dayBefore = Assert.Single(phone.Received);
        Assert.Equal("Herinnering: Ziekenhuis, cardioloog, dinsdag 3 maart 09:00", dayBefore.Json().GetProperty("title").GetString());
        Assert.DoesNotContain("OLVG", dayBefore.Text);

        clock.Now = Utc(3, 6); // 07:00: the reminder is made, in the centre and the mail; the push waits
        Assert.Equal(1, (await app.DispatchAsync()).Sent);
        Assert.Equal(0, await app.SendPushesAsync());
        clock.Now = Utc(3, 6, 59);
        Assert.Equal(0, await app.SendPushesAsync());
        clock.Now = Utc(3, 7); // 08:00
        Assert.Equal(1, await app.SendPushesAsync());
        Assert.Equal(2, phone.Received.Count);
    }
}
