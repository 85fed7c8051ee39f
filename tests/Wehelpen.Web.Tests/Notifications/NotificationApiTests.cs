using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Wehelpen.Web.Features.Notifications;
using Wehelpen.Web.Tests.Circles;
using Wehelpen.Web.Tests.Requests;

namespace Wehelpen.Web.Tests.Notifications;

/// <summary>/api/v1/notifications: my notifications newest first, the unread count, reading them; never someone else's.</summary>
public sealed class NotificationApiTests
{
    [Theory, BothDatabases]
    public async Task Due_reminders_become_notifications_listed_newest_first_and_read_one_by_one_or_all(DatabaseProvider provider)
    {
        var (app, clock) = await RequestSteps.StartAsync(provider);
        await using var _app = app;
        var (rita, _, circleId) = await app.ResidentAsync();
        var doctor = await rita.AppointmentTodayAsync(circleId, "Huisarts", "12:30", "13:00");
        await rita.AppointmentTodayAsync(circleId, "Fysiotherapie", "12:40", "13:30");
        Assert.Equal(0, await rita.UnreadCountAsync());

        Assert.Equal(1, await app.DispatchAtAsync(clock, new TimeOnly(9, 31)));
        Assert.Equal(1, await app.DispatchAtAsync(clock, new TimeOnly(9, 41)));

        var page = await rita.ListAsync();
        Assert.Equal(["Herinnering: Fysiotherapie, maandag 23 november 12:40", "Herinnering: Huisarts, maandag 23 november 12:30"], page.Titles());
        Assert.Equal("Afspraak in de agenda van Zorgcirkel van Rita Rozenboom.", page.Items()[1].GetProperty("body").GetString());
        Assert.Equal($"/circles/{circleId}/agenda/{doctor}", page.Items()[1].GetProperty("link").GetString());
        Assert.All(page.Items(), i => Assert.Equal(JsonValueKind.Null, i.GetProperty("readAt").ValueKind));
        Assert.Equal(2, page.Unread());
        Assert.Equal(JsonValueKind.Null, page.GetProperty("next").ValueKind);
        Assert.Equal(2, await rita.UnreadCountAsync());

        // The same notifications in English, for someone who reads the app in English.
        using var english = await app.LoginAsync(CircleSteps.EmailOf("Rita Rozenboom"));
        english.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        Assert.Equal("Reminder: Huisarts, Monday 23 November 12:30", (await english.ListAsync()).Titles()[1]);

        var huisarts = page.Items()[1].GetProperty("id").GetGuid();
        var read = await rita.PostAsync($"{NotificationSteps.Api}/{huisarts}/read", null);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(1, (await read.Content.ReadFromJsonAsync<JsonElement>()).Unread());
        // Reading it again changes nothing and is no error.
        Assert.Equal(1, (await (await rita.PostAsync($"{NotificationSteps.Api}/{huisarts}/read", null)).Content.ReadFromJsonAsync<JsonElement>()).Unread());
        page = await rita.ListAsync();
        Assert.Equal(JsonValueKind.Null, page.Items()[0].GetProperty("readAt").ValueKind);
        Assert.Equal(clock.Now, page.Items()[1].GetProperty("readAt").GetDateTimeOffset());

        var all = await rita.PostAsync($"{NotificationSteps.Api}/read-all", null);
        Assert.Equal(HttpStatusCode.OK, all.StatusCode);
        Assert.Equal(0, (await all.Content.ReadFromJsonAsync<JsonElement>()).Unread());
        Assert.Equal(0, await rita.UnreadCountAsync());
        Assert.All((await rita.ListAsync()).Items(), i => Assert.NotEqual(JsonValueKind.Null, i.GetProperty("readAt").ValueKind));
    }

    [Theory, BothDatabases]
    public async Task Someone_elses_notification_is_answered_like_one_that_does_not_exist_and_stays_unread(DatabaseProvider provider)
    {
        var (app, clock) = await RequestSteps.StartAsync(provider);
        await using var _app = app;
        var (rita, ritaId, circleId) = await app.ResidentAsync();
        var (stan, _) = await app.PersonAsync("Stan Vreemde");
        await rita.AppointmentTodayAsync(circleId, "Huisarts", "12:30", "13:00");
        await app.DispatchAtAsync(clock, new TimeOnly(9, 31));
        var id = (await app.NotificationsOfAsync(ritaId)).Single().Id;

        var existing = await stan.PostAsync($"{NotificationSteps.Api}/{id}/read", null);
        var madeUp = await stan.PostAsync($"{NotificationSteps.Api}/{Guid.NewGuid()}/read", null);
        var body = await ProblemAssert.IsProblemAsync(existing, HttpStatusCode.NotFound);
        await ProblemAssert.IsProblemAsync(madeUp, HttpStatusCode.NotFound);
        Assert.Equal("Deze melding bestaat niet.", body.GetProperty("detail").GetString());
        Assert.Equal(await ProblemAssert.ComparableBodyAsync(madeUp), await ProblemAssert.ComparableBodyAsync(existing));

        // Stan's "all read" reads only his own (none); his list and count never hold Rita's.
        Assert.Equal(HttpStatusCode.OK, (await stan.PostAsync($"{NotificationSteps.Api}/read-all", null)).StatusCode);
        Assert.Empty((await stan.ListAsync()).Items());
        Assert.Equal(0, await stan.UnreadCountAsync());
        Assert.Null((await app.NotificationsOfAsync(ritaId)).Single().ReadAt);
        Assert.Equal(1, await rita.UnreadCountAsync());

        using var anonymous = app.CreateApiClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(NotificationSteps.Api)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync($"{NotificationSteps.Api}/{id}/read", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"{NotificationSteps.Api}/settings")).StatusCode);
    }

    [Theory, BothDatabases]
    public async Task Paging_back_with_before_shows_every_notification_once_also_those_made_at_the_same_moment(DatabaseProvider provider)
    {
        var (app, clock) = await RequestSteps.StartAsync(provider);
        await using var _app = app;
        var (rita, ritaId, _) = await app.ResidentAsync();
        // 45 notifications, made three at a time (one dispatch can make several for one person at one moment).
        await app.QueryAsync(async db =>
        {
            for (var i = 0; i < 45; i++)
                db.Add(new Notification
                {
                    UserId = ritaId, Kind = NotificationKind.AppointmentReminder, Link = "/circles",
                    Data = new NotificationData($"Afspraak {i:00}", clock.Now.AddDays(1)).ToJson(), SourceKey = $"test:{i}",
                    CreatedAt = clock.Now.AddMinutes(-(i / 3)),
                });
            return await db.SaveChangesAsync();
        });

        var seen = new List<string>();
        var query = "";
        var pages = 0;
        while (true)
        {
            var page = await rita.ListAsync(query);
            pages++;
            Assert.InRange(page.Items().Length, 1, NotificationCentre.PageSize + 2);
            Assert.Equal(45, page.Unread());
            seen.AddRange(page.Titles());
            if (page.GetProperty("next").ValueKind == JsonValueKind.Null) break;
            query = $"?before={Uri.EscapeDataString(page.GetProperty("next").GetString()!)}";
        }
        Assert.Equal(3, pages);
        var titles = seen.Select(t => t[(t.IndexOf("Afspraak ", StringComparison.Ordinal) + 9)..][..2]).ToList();
        Assert.Equal(45, titles.Distinct().Count());
        // Newest first: a moment's three before the three of the minute before.
        Assert.Equal(Enumerable.Range(0, 45).Select(i => i / 3), titles.Select(t => int.Parse(t) / 3));
    }
}
