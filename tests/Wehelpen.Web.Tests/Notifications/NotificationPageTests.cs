using System.Net;
using System.Text.RegularExpressions;
using Wehelpen.Web.Tests.Circles;
using Wehelpen.Web.Tests.Requests;

namespace Wehelpen.Web.Tests.Notifications;

/// <summary>/notifications and the bell: everything works with plain forms, without JavaScript.</summary>
public sealed partial class NotificationPageTests
{
    [Theory, BothDatabases]
    public async Task The_list_marks_unread_ones_reads_one_or_all_and_opening_one_reads_it_and_goes_where_it_leads(DatabaseProvider provider)
    {
        var (app, clock) = await RequestSteps.StartAsync(provider);
        await using var _app = app;
        var (rita, ritaId, circleId) = await app.ResidentAsync();
        var browser = await app.BrowserAsync("Rita Rozenboom");
        Assert.Contains("U heeft nog geen meldingen.", await browser.PageAsync("/notifications"));
        Assert.Equal("Meldingen", Bell(await browser.PageAsync("/")));
        Assert.Contains("<span class=\"unread-badge\" data-notification-unread hidden=\"hidden\">", await browser.PageAsync("/"));

        var doctor = await rita.AppointmentTodayAsync(circleId, "Huisarts", "12:30", "13:00");
        await rita.AppointmentTodayAsync(circleId, "Fysiotherapie", "12:40", "13:30");
        await rita.AppointmentTodayAsync(circleId, "Kapper", "12:50", "13:40");
        await app.DispatchAtAsync(clock, new TimeOnly(9, 31));
        await app.DispatchAtAsync(clock, new TimeOnly(9, 41));
        await app.DispatchAtAsync(clock, new TimeOnly(9, 51));
        var ids = (await app.NotificationsOfAsync(ritaId)).OrderBy(n => n.CreatedAt).Select(n => n.Id).ToArray();

        // Every page's bell: the count, and what a screen reader says.
        Assert.Equal("Meldingen, 3 ongelezen", Bell(await browser.PageAsync("/circles")));
        var page = await browser.PageAsync("/notifications");
        Assert.Contains("U heeft 3 ongelezen.", page);
        Assert.Equal(3, Regex.Matches(page, "<span class=\"notification-tag\">Ongelezen</span>").Count);
        Assert.True(page.IndexOf("Herinnering: Kapper", StringComparison.Ordinal) < page.IndexOf("Herinnering: Huisarts", StringComparison.Ordinal));
        Assert.Contains("Afspraak in de agenda van Zorgcirkel van Rita Rozenboom.", page);
        Assert.Contains("maandag 23 november 12:30", page);
        Assert.Contains("Markeer als gelezen<span class=\"visually-hidden\">: Herinnering: Huisarts", page);

        var read = await PageForms.PostAsync(browser, "/notifications?handler=Read", [new("id", ids[2].ToString())], formPage: "/notifications");
        Assert.Equal(HttpStatusCode.Redirect, read.StatusCode);
        page = await browser.PageAsync(read.Headers.Location!.OriginalString);
        Assert.Contains("De melding staat op gelezen.", page);
        Assert.Contains("U heeft 2 ongelezen.", page);
        Assert.Equal("Meldingen, 2 ongelezen", Bell(page));

        // The title opens it: read, and on to the appointment.
        var open = await PageForms.PostAsync(browser, $"/notifications/{ids[0]}/open", [], formPage: "/notifications");
        Assert.Equal(HttpStatusCode.Redirect, open.StatusCode);
        Assert.Equal($"/circles/{circleId}/agenda/{doctor}", open.Headers.Location!.OriginalString);
        Assert.NotNull((await app.NotificationsOfAsync(ritaId)).Single(n => n.Id == ids[0]).ReadAt);
        Assert.Contains("Huisarts", await browser.PageAsync(open.Headers.Location!.OriginalString));

        var all = await PageForms.PostAsync(browser, "/notifications?handler=ReadAll", [], formPage: "/notifications");
        Assert.Equal(HttpStatusCode.Redirect, all.StatusCode);
        page = await browser.PageAsync("/notifications");
        Assert.Contains("U heeft alles gelezen.", page);
        Assert.DoesNotContain("notification-tag", page);
        Assert.DoesNotContain("Alles gelezen<", page);
        Assert.Equal("Meldingen", Bell(page));
        Assert.All(await app.NotificationsOfAsync(ritaId), n => Assert.NotNull(n.ReadAt));
        Assert.Contains("href=\"/notifications/settings\"", page);
        Assert.Contains("href=\"/notifications/settings\"", await browser.PageAsync("/profile"));
    }

    [Theory, BothDatabases]
    public async Task A_stranger_cannot_open_or_read_someone_elses_notification_on_the_pages(DatabaseProvider provider)
    {
        var (app, clock) = await RequestSteps.StartAsync(provider);
        await using var _app = app;
        var (rita, ritaId, circleId) = await app.ResidentAsync();
        await app.PersonAsync("Stan Vreemde");
        await rita.AppointmentTodayAsync(circleId, "Huisarts", "12:30", "13:00");
        await app.DispatchAtAsync(clock, new TimeOnly(9, 31));
        var id = (await app.NotificationsOfAsync(ritaId)).Single().Id;
        var stan = await app.BrowserAsync("Stan Vreemde");

        foreach (var target in new[] { id, Guid.NewGuid() })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await PageForms.PostAsync(stan, $"/notifications/{target}/open", [], formPage: "/notifications")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await PageForms.PostAsync(stan, "/notifications?handler=Read", [new("id", target.ToString())], formPage: "/notifications")).StatusCode);
        }
        await PageForms.PostAsync(stan, "/notifications?handler=ReadAll", [], formPage: "/notifications");
        Assert.Null((await app.NotificationsOfAsync(ritaId)).Single().ReadAt);
        var page = await stan.PageAsync("/notifications");
        Assert.DoesNotContain("Huisarts", page);
        Assert.Equal("Meldingen", Bell(page));

        using var anonymous = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var login = await anonymous.GetAsync("/notifications");
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.Contains("/account/login", login.Headers.Location!.OriginalString);
        Assert.DoesNotContain("data-notification-bell", await anonymous.PageAsync("/"));
    }

    /// <summary>The bell's name as a screen reader reads it.</summary>
    private static string Bell(string page)
    {
        var link = BellLink().Match(page);
        Assert.True(link.Success, "No bell on the page");
        return link.Groups[1].Value;
    }

    [GeneratedRegex("<a href=\"/notifications\" class=\"bell\" data-notification-bell aria-label=\"([^\"]*)\"")]
    private static partial Regex BellLink();
}
