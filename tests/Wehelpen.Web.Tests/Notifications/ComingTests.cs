using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Wehelpen.Web.Features.Notifications;
using Wehelpen.Web.Features.Reminders;
using Wehelpen.Web.Tests.Circles;
using Wehelpen.Web.Tests.Requests;

namespace Wehelpen.Web.Tests.Notifications;

/// <summary>"Ja, ik kom": the helper of a claimed task says they are coming, on /help/{id} or the API; nobody else can.</summary>
public sealed class ComingTests
{
    [Theory, BothDatabases]
    public async Task The_helper_confirms_coming_on_the_page_and_the_api_and_the_circle_sees_it(DatabaseProvider provider)
    {
        var (app, _) = await RequestSteps.StartAsync(provider);
        await using var _app = app;
        var c = await app.TwoCirclesAsync();
        var (vera, _) = await app.VolunteerAsync("Vera Vrijwilliger");
        var requestId = await c.Coordinator.PostedIdAsync(c.CircleId);
        Assert.False((await vera.DetailsAsync(requestId)).GetProperty("actions").GetProperty("confirmComing").GetBoolean());
        Assert.Equal(HttpStatusCode.OK, (await vera.ActAsync(requestId, "claim")).StatusCode);

        var details = await vera.DetailsAsync(requestId);
        Assert.True(details.GetProperty("actions").GetProperty("confirmComing").GetBoolean());
        Assert.Equal(JsonValueKind.Null, details.GetProperty("comingConfirmedAt").ValueKind);
        var browser = await app.BrowserAsync("Vera Vrijwilliger");
        var page = await browser.PageAsync($"/help/{requestId}");
        Assert.Contains("Ja, ik kom", page);
        Assert.DoesNotContain("U heeft bevestigd dat u komt.", page);

        var coming = await PageForms.PostAsync(browser, $"/help/{requestId}?handler=Coming", [], formPage: $"/help/{requestId}");
        Assert.Equal(HttpStatusCode.Redirect, coming.StatusCode);
        Assert.Equal($"/help/{requestId}", coming.Headers.Location!.OriginalString);
        page = await browser.PageAsync($"/help/{requestId}");
        Assert.Contains("Dank u wel! De cirkel weet nu dat u komt.", page);
        Assert.Contains("U heeft bevestigd dat u komt.", page);
        Assert.DoesNotContain("Ja, ik kom", page);

        // Saying it again over the API keeps the first moment.
        var again = await vera.ActAsync(requestId, "coming");
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var answer = await again.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(RequestSteps.Now, answer.GetProperty("comingConfirmedAt").GetDateTimeOffset());
        Assert.False(answer.GetProperty("actions").GetProperty("confirmComing").GetBoolean());

        var circle = await c.Coordinator.DetailsAsync(requestId);
        Assert.Equal(RequestSteps.Now, circle.GetProperty("comingConfirmedAt").GetDateTimeOffset());
        Assert.Contains(circle.GetProperty("history").EnumerateArray(), e => e.GetProperty("change").GetString() == "comingConfirmed");
        Assert.Contains(await c.Coordinator.LogbookAsync(c.CircleId), t => t.Contains("Vera Vrijwilliger bevestigt te komen voor ‘Boodschappen bij de supermarkt’"));
    }

    [Theory, BothDatabases]
    public async Task Strangers_other_volunteers_and_made_up_ids_get_the_answer_of_a_request_that_does_not_exist(DatabaseProvider provider)
    {
        var (app, _) = await RequestSteps.StartAsync(provider);
        await using var _app = app;
        var c = await app.TwoCirclesAsync();
        var (vera, _) = await app.VolunteerAsync("Vera Vrijwilliger");
        var (gerrit, _) = await app.VolunteerAsync("Gerrit Groningen", "9711 AB");
        var requestId = await c.Coordinator.PostedIdAsync(c.CircleId);
        await vera.ActAsync(requestId, "claim");

        foreach (var other in new[] { c.Stranger, gerrit })
        {
            var existing = await other.ActAsync(requestId, "coming");
            var madeUp = await other.ActAsync(Guid.NewGuid(), "coming");
            await ProblemAssert.IsProblemAsync(existing, HttpStatusCode.NotFound);
            await ProblemAssert.IsProblemAsync(madeUp, HttpStatusCode.NotFound);
            Assert.Equal(await ProblemAssert.ComparableBodyAsync(madeUp), await ProblemAssert.ComparableBodyAsync(existing));
        }
        var stan = await app.BrowserAsync("Stan Vreemde");
        Assert.Equal(HttpStatusCode.NotFound, (await PageForms.PostAsync(stan, $"/help/{requestId}?handler=Coming", [], formPage: "/profile")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await c.Anonymous.ActAsync(requestId, "coming")).StatusCode);

        var details = await c.Coordinator.DetailsAsync(requestId);
        Assert.Equal(JsonValueKind.Null, details.GetProperty("comingConfirmedAt").ValueKind);
        Assert.DoesNotContain(details.GetProperty("history").EnumerateArray(), e => e.GetProperty("change").GetString() == "comingConfirmed");
    }

    [Theory, BothDatabases]
    public async Task The_reminder_the_day_before_asks_the_helper_to_confirm_and_once_they_do_whoever_asked_is_not_warned(DatabaseProvider provider)
    {
        var (app, clock) = await RequestSteps.StartAsync(provider);
        await using var _app = app;
        var c = await app.TwoCirclesAsync();
        var (vera, veraId) = await app.VolunteerAsync("Vera Vrijwilliger");
        var shopping = RequestSteps.Shopping();
        shopping["date"] = "2026-11-25";
        var requestId = await c.Coordinator.PostedIdAsync(c.CircleId, shopping);
        await vera.ActAsync(requestId, "claim");

        // Tuesday 10:00 in Amsterdam, the day before the task.
        clock.Now = new DateTimeOffset(2026, 11, 24, 9, 1, 0, TimeSpan.Zero);
        Assert.Equal(1, await app.DispatchAsync());
        var browser = await app.BrowserAsync("Vera Vrijwilliger");
        var list = await browser.PageAsync("/notifications");
        Assert.Contains("Gaat het door? Boodschappen bij de supermarkt, woensdag 25 november 10:00", list);
        var notification = (await app.NotificationsOfAsync(veraId)).Single(n => n.Kind == NotificationKind.TaskConfirm);
        Assert.Equal($"/help/{requestId}", notification.Link);

        var open = await PageForms.PostAsync(browser, $"/notifications/{notification.Id}/open", [], formPage: "/notifications");
        Assert.Equal($"/help/{requestId}", open.Headers.Location!.OriginalString);
        var coming = await PageForms.PostAsync(browser, $"/help/{requestId}?handler=Coming", [], formPage: $"/help/{requestId}");
        Assert.Equal(HttpStatusCode.Redirect, coming.StatusCode);

        // 18 hours before the task whoever asked would hear that Vera had not confirmed; she has.
        clock.Now = new DateTimeOffset(2026, 11, 24, 15, 1, 0, TimeSpan.Zero);
        Assert.Equal(0, await app.DispatchAsync());
        Assert.Empty(await app.NotificationsOfAsync(c.CoordinatorId));
        // It was planned when she took the task on, and dropped when she confirmed.
        var warning = await app.QueryAsync(db => Task.FromResult(db.Set<Reminder>().Single(r => r.UserId == c.CoordinatorId)));
        Assert.Equal((ReminderKind.TaskUnconfirmed, ReminderStatus.Dropped), (warning.Kind, warning.Status));
    }
}
