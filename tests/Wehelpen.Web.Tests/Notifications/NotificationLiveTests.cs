using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Wehelpen.Web.Features.Notifications;
using Wehelpen.Web.Tests.Circles;
using Wehelpen.Web.Tests.Live;
using Wehelpen.Web.Tests.Requests;

namespace Wehelpen.Web.Tests.Notifications;

/// <summary>The bell on every open screen: a dispatched reminder reaches its person live, with their unread count; nobody else.</summary>
public sealed class NotificationLiveTests
{
    [Theory, BothDatabases]
    public async Task A_dispatched_reminder_reaches_its_persons_screens_with_the_unread_count_and_reading_it_reaches_the_others(DatabaseProvider provider)
    {
        var clock = new TestClock(RequestSteps.Now);
        await using var app = await WehelpenApplication.StartAsync(provider, LiveSteps.Settings, s => s.AddSingleton<TimeProvider>(clock));
        var (rita, ritaId, circleId) = await app.ResidentAsync();
        var (stan, stanId, stansCircle) = await app.ResidentAsync("Stan Vreemde");
        await rita.AppointmentTodayAsync(circleId, "Huisarts", "12:30", "13:00");
        await stan.AppointmentTodayAsync(stansCircle, "Tandarts", "12:40", "13:10");
        await using var phone = await app.ConnectAsync("Rita Rozenboom");
        await using var laptop = await app.ConnectAsync("Rita Rozenboom");
        await using var stanLive = await app.ConnectAsync("Stan Vreemde");

        Assert.Equal(1, await app.DispatchAtAsync(clock, new TimeOnly(9, 31)));
        var heard = (await phone.NextAsync(NotificationEvents.Notification))[0];
        Assert.Equal("Herinnering: Huisarts, maandag 23 november 12:30", heard.GetProperty("title").GetString());
        Assert.Equal("Afspraak in de agenda van Zorgcirkel van Rita Rozenboom.", heard.GetProperty("body").GetString());
        Assert.Equal(1, heard.GetProperty("unread").GetInt32());
        Assert.StartsWith($"/circles/{circleId}/agenda/", heard.GetProperty("link").GetString());
        var id = heard.GetProperty("id").GetGuid();
        Assert.Equal(id, (await laptop.NextAsync(NotificationEvents.Notification))[0].GetProperty("id").GetGuid());

        // Stan's own reminder reaches him; had Rita's gone to him too, it would have come first.
        Assert.Equal(1, await app.DispatchAtAsync(clock, new TimeOnly(9, 41)));
        Assert.Contains("Tandarts", (await stanLive.NextAsync(NotificationEvents.Notification))[0].GetProperty("title").GetString());
        Assert.All(stanLive.Received(NotificationEvents.Notification), n => Assert.DoesNotContain("Huisarts", n[0].GetProperty("title").GetString()));
        Assert.DoesNotContain(phone.Received(NotificationEvents.Notification), n => n[0].GetProperty("title").GetString()!.Contains("Tandarts"));
        Assert.Equal(stanId, (await app.NotificationsOfAsync(stanId)).Single().UserId);

        // Read on one screen (here: the API): every screen's bell goes to nought.
        Assert.Equal(HttpStatusCode.OK, (await rita.PostAsync($"{NotificationSteps.Api}/{id}/read", null)).StatusCode);
        Assert.Equal(0, (await phone.NextAsync(NotificationEvents.NotificationsRead))[0].GetProperty("unread").GetInt32());
        Assert.Equal(0, (await laptop.NextAsync(NotificationEvents.NotificationsRead))[0].GetProperty("unread").GetInt32());
        await stan.PostAsync($"{NotificationSteps.Api}/read-all", null);
        await stanLive.NextAsync(NotificationEvents.NotificationsRead);
        Assert.Single(phone.Received(NotificationEvents.NotificationsRead));
        Assert.Single((await app.NotificationsOfAsync(ritaId)), n => n.ReadAt is not null);
    }
}
