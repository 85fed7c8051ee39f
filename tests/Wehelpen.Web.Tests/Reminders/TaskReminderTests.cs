using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Wehelpen.Web.Features.Notifications;
using Wehelpen.Web.Features.Requests;
using Wehelpen.Web.Tests.Circles;
using Wehelpen.Web.Tests.Requests;

namespace Wehelpen.Web.Tests.Reminders;

/// <summary>
/// Reminders of a task a volunteer took on. Monday 23 November 2026, 10:00 in Amsterdam: Carla asks for shopping on
/// Wednesday 25 November 10:00; Vera, who lives nearby, takes it on at once.
/// </summary>
public sealed class TaskReminderTests
{
    private static DateTimeOffset Utc(int day, int hour) => new(2026, 11, day, hour, 0, 0, TimeSpan.Zero);

    private static async Task<(WehelpenApplication App, TestClock Clock, string CarerId, string VolunteerId, Guid RequestId)> ClaimedAsync(DatabaseProvider provider)
    {
        var (app, clock) = await RequestSteps.StartAsync(provider);
        var (carer, carerId) = await app.PersonAsync("Carla Coördinator");
        var circleId = await carer.CreateCircleAsync();
        var (volunteer, volunteerId) = await app.VolunteerAsync("Vera Vrijwilliger");
        var shopping = RequestSteps.Shopping();
        shopping["date"] = "2026-11-25";
        var requestId = await carer.PostedIdAsync(circleId, shopping);
        Assert.Equal(HttpStatusCode.OK, (await volunteer.ActAsync(requestId, "claim")).StatusCode);
        return (app, clock, carerId, volunteerId, requestId);
    }

    [Theory, BothDatabases]
    public async Task Unconfirmed_the_volunteer_is_asked_the_day_before_and_the_requester_is_told_in_time(DatabaseProvider provider)
    {
        var (app, clock, carerId, volunteerId, _) = await ClaimedAsync(provider);
        await using var _ = app;

        clock.Now = Utc(24, 9); // Tuesday 10:00: a day ahead
        await app.DispatchAsync();
        var ask = Assert.Single(await app.NotificationsBesidesAskedAsync(volunteerId));
        Assert.Equal((NotificationKind.TaskConfirm, "Gaat het door? Boodschappen bij de supermarkt, woensdag 25 november 10:00"), (ask.Kind, app.DutchTitle(ask)));
        Assert.Empty(await app.NotificationsAsync(carerId));

        clock.Now = Utc(24, 15); // Tuesday 16:00, 18 hours ahead: still no answer
        await app.DispatchAsync();
        var warning = Assert.Single(await app.NotificationsAsync(carerId));
        Assert.Equal("Vera Vrijwilliger heeft ‘Boodschappen bij de supermarkt’ nog niet bevestigd", app.DutchTitle(warning));
        Assert.Single(app.Emails(CircleSteps.EmailOf("Carla Coördinator")), m => m.Subject.Contains("nog niet bevestigd", StringComparison.Ordinal));

        clock.Now = Utc(25, 7); // Wednesday 08:00
        await app.DispatchAsync();
        Assert.Equal([NotificationKind.TaskConfirm, NotificationKind.TaskReminder], (await app.NotificationsBesidesAskedAsync(volunteerId)).Select(n => n.Kind));
    }

    [Theory, BothDatabases]
    public async Task A_volunteer_who_confirms_gets_a_plain_reminder_and_the_requester_hears_nothing(DatabaseProvider provider)
    {
        var (app, clock, carerId, volunteerId, requestId) = await ClaimedAsync(provider);
        await using var _ = app;
        await using (var scope = app.Services.CreateAsyncScope())
            Assert.True((await scope.ServiceProvider.GetRequiredService<RequestLifecycle>().ConfirmComingAsync(volunteerId, requestId, CancellationToken.None)).Value is not null);

        clock.Now = Utc(25, 7);
        await app.DispatchAsync();
        Assert.Equal([NotificationKind.TaskReminder, NotificationKind.TaskReminder], (await app.NotificationsBesidesAskedAsync(volunteerId)).Select(n => n.Kind));
        Assert.Empty(await app.NotificationsAsync(carerId));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite, "give-back")]
    [InlineData(DatabaseProvider.Postgres, "give-back")]
    [InlineData(DatabaseProvider.Sqlite, "cancel")]
    [InlineData(DatabaseProvider.Postgres, "cancel")]
    public async Task A_task_given_back_or_cancelled_reminds_nobody(DatabaseProvider provider, string action)
    {
        var (app, clock, carerId, volunteerId, requestId) = await ClaimedAsync(provider);
        await using var _ = app;
        var by = action == "give-back" ? "Vera Vrijwilliger" : "Carla Coördinator";
        using var client = await app.LoginAsync(CircleSteps.EmailOf(by), WehelpenApplication.Password);
        Assert.Equal(HttpStatusCode.OK, (await client.ActAsync(requestId, action, new { reason = "Het gaat niet door" })).StatusCode);

        clock.Now = Utc(25, 8);
        var result = await app.DispatchAsync();
        Assert.Empty(await app.NotificationsBesidesAskedAsync(volunteerId));
        Assert.Empty(await app.NotificationsAsync(carerId));
        Assert.Equal(0, result.Sent);
    }
}
