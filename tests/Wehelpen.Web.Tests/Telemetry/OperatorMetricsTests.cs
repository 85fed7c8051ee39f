using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Wehelpen.Web.Features.Notifications;
using Wehelpen.Web.Features.Reminders;
using Wehelpen.Web.Tests.Circles;
using Wehelpen.Web.Tests.Reminders;
using Wehelpen.Web.Tests.Requests;

namespace Wehelpen.Web.Tests.Telemetry;

/// <summary>
/// The numbers an operator watches, after real work through the API: a request asked of the neighbourhood, a
/// volunteer alerted who takes it on and chats, the reminder the day before, the mail, the task done, and another
/// request that nobody took and expired. Each count moves by exactly that work, and no tag names a person or an id.
/// </summary>
public sealed class OperatorMetricsTests
{
    [Theory, BothDatabases]
    public async Task Requests_alerts_chat_reminders_and_mail_are_counted_as_they_happen(DatabaseProvider provider)
    {
        var (app, clock) = await RequestSteps.StartAsync(provider);
        await using var _ = app;
        using var metrics = new AppMetrics(app);
        var c = await app.TwoCirclesAsync();
        var (vera, _) = await app.VolunteerAsync("Vera Buurvrouw", "1055 KL");

        var requestId = await c.Coordinator.PostedIdAsync(c.CircleId);
        var forTheCircle = RequestSteps.Shopping("circle");
        forTheCircle["date"] = "2026-11-23";
        forTheCircle["from"] = "13:00";
        forTheCircle["until"] = "14:00";
        await c.Coordinator.PostedIdAsync(c.CircleId, forTheCircle);
        Assert.Equal(1, metrics.Sum("wehelpen.requests.changes", "change=posted", "audience=neighbourhood"));
        Assert.Equal(1, metrics.Sum("wehelpen.requests.changes", "change=posted", "audience=circle"));

        await app.SweepAsync(); // the first wave asks Vera, the only volunteer near
        Assert.Equal(1, metrics.Sum("wehelpen.alerts.sent"));
        Assert.NotEmpty(metrics.Of("wehelpen.matching.duration", "query=match"));
        Assert.Equal(HttpStatusCode.OK, (await vera.GetAsync("/api/v1/requests/nearby")).StatusCode);
        Assert.NotEmpty(metrics.Of("wehelpen.matching.duration", "query=near_me"));
        Assert.All(metrics.Of("wehelpen.matching.duration"), ms => Assert.InRange(ms, 0, 10_000));

        Assert.Equal(HttpStatusCode.OK, (await vera.ActAsync(requestId, "claim")).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await c.Member.ActAsync(requestId, "claim")).StatusCode); // too late: not counted
        Assert.Equal(1, metrics.Sum("wehelpen.requests.changes", "change=claimed"));
        Assert.Equal(1, metrics.Sum("wehelpen.requests.changes", "change=claimed", "audience=neighbourhood"));

        var thread = $"/api/v1/requests/{requestId}/chat";
        foreach (var (client, path, id) in new[] { (vera, thread, "v-1"), (vera, thread, "v-1"), (c.Member, $"/api/v1/circles/{c.CircleId}/chat", "m-1") })
            Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync(path, new { clientMessageId = id, text = "Ik kom morgen om tien uur." })).StatusCode);
        Assert.Equal(1, metrics.Sum("wehelpen.chat.messages", "thread=request")); // the resend is the same message
        Assert.Equal(1, metrics.Sum("wehelpen.chat.messages", "thread=circle"));

        // The day before, a little after the reminder was due: it is as late as the clock says.
        var due = (await app.RemindersAsync()).Where(r => r.Status == ReminderStatus.Pending).Min(r => r.DueAt);
        clock.Now = due.AddSeconds(90);
        var dispatched = await app.DispatchAsync();
        Assert.True(dispatched.Sent >= 1);
        Assert.Equal(dispatched.Sent, metrics.Sum("wehelpen.reminders.sent"));
        Assert.Equal(dispatched.Dropped, metrics.Sum("wehelpen.reminders.dropped"));
        var reminders = await app.RemindersAsync();
        foreach (var kind in reminders.Where(r => r.Status == ReminderStatus.Sent).GroupBy(r => r.Kind))
            Assert.Equal(kind.Count(), metrics.Sum("wehelpen.reminders.sent", "kind=" + JsonNamingPolicy.SnakeCaseLower.ConvertName(kind.Key.ToString())));
        var lateness = metrics.Of("wehelpen.reminders.lateness");
        Assert.Equal(dispatched.Sent + dispatched.Dropped, lateness.Count);
        Assert.Contains(lateness, ms => ms is > 89_999 and < 90_001);

        var mailed = await app.QueryAsync(db => db.Set<Notification>().CountAsync(n => n.Email == NotificationEmail.Sent));
        Assert.True(mailed >= 2); // at least the alert and the reminder
        Assert.Equal(mailed, metrics.Sum("wehelpen.mails.sent", "kind=notification"));
        Assert.Equal(0, metrics.Sum("wehelpen.mails.failed"));

        using var veraNextDay = await app.LoginAsync(CircleSteps.EmailOf("Vera Buurvrouw")); // her token ran out as the clock moved
        Assert.Equal(HttpStatusCode.OK, (await veraNextDay.ActAsync(requestId, "done")).StatusCode);
        Assert.Equal(1, metrics.Sum("wehelpen.requests.changes", "change=done", "audience=neighbourhood"));
        var ends = new DateTimeOffset(2026, 11, 23, 13, 0, 0, TimeSpan.Zero); // 14:00 in Amsterdam: the circle's request ends
        if (clock.Now < ends) clock.Now = ends;
        await app.SweepAsync();
        Assert.Equal(1, metrics.Sum("wehelpen.requests.changes", "change=expired", "audience=circle"));
        Assert.Equal(0, metrics.Sum("wehelpen.requests.changes", "change=expired", "audience=neighbourhood"));

        // Closed lists only: nothing a person wrote, no name, no id.
        string[] allowed = ["change", "audience", "kind", "reason", "thread", "query"];
        foreach (var instrument in new[] { "wehelpen.requests.changes", "wehelpen.alerts.sent", "wehelpen.chat.messages", "wehelpen.reminders.sent",
            "wehelpen.reminders.lateness", "wehelpen.mails.sent", "wehelpen.matching.duration" })
            Assert.All(metrics.TagsOf(instrument), tags => Assert.All(tags, t =>
            {
                Assert.Contains(t.Key, allowed);
                Assert.Matches("^[a-z_]+$", t.Value);
            }));
    }
}
