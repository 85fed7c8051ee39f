using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Wehelpen.Web.Data;
using Wehelpen.Web.Platform.Email;
using Wehelpen.Web.Features.Notifications;
using Wehelpen.Web.Features.Privacy.Retention;
using Wehelpen.Web.Platform.PersonalData;
using Wehelpen.Web.Tests.Circles;
using Wehelpen.Web.Tests.Notifications;
using Wehelpen.Web.Tests.Offers;
using Wehelpen.Web.Tests.Requests;

namespace Wehelpen.Web.Tests.Privacy;

/// <summary>The retention periods of the register, each removing exactly what is past it and nothing else.</summary>
public sealed class RetentionTests
{
    [Theory, BothDatabases]
    public async Task A_closed_request_loses_address_phone_and_full_postcode_30_days_after_it_closed_and_open_or_claimed_ones_never(DatabaseProvider provider)
    {
        var (app, clock) = await RetentionSteps.StartAsync(provider);
        await using var _app = app;
        var c = await app.TwoCirclesAsync();
        var (vera, _) = await app.VolunteerAsync("Vera Vrijwilliger", "1055 KL");
        var later = new Func<Dictionary<string, object?>>(() => { var r = RequestSteps.Shopping(); r["date"] = "2026-12-30"; return r; });

        var done = await c.Coordinator.PostedIdAsync(c.CircleId);
        Assert.Equal(HttpStatusCode.OK, (await vera.ActAsync(done, "claim")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await vera.ActAsync(done, "done")).StatusCode);
        var cancelled = await c.Coordinator.PostedIdAsync(c.CircleId);
        Assert.Equal(HttpStatusCode.OK, (await c.Coordinator.ActAsync(cancelled, "cancel", new { reason = "Al geregeld" })).StatusCode);
        var expires = await c.Coordinator.PostedIdAsync(c.CircleId); // tomorrow: nobody claims it
        var open = await c.Coordinator.PostedIdAsync(c.CircleId, later());
        var claimed = await c.Coordinator.PostedIdAsync(c.CircleId, later());
        Assert.Equal(HttpStatusCode.OK, (await vera.ActAsync(claimed, "claim")).StatusCode);
        clock.Advance(TimeSpan.FromDays(2));
        await app.SweepAsync();

        // Closed on day 0 (done, cancelled) and day 2 (expired).
        clock.Now = RetentionSteps.Start.AddDays(29);
        Assert.Equal(0, (await app.RetainAsync())["request-addresses"]);
        clock.Now = RetentionSteps.Start.AddDays(31);
        Assert.Equal(2, (await app.RetainAsync())["request-addresses"]);

        using var coordinator = await app.LoginAsync(CircleSteps.EmailOf("Carla Coördinator"));
        foreach (var (id, status) in new[] { (done, "done"), (cancelled, "cancelled") })
            await AssertForgottenAsync(coordinator, id, status);
        await AssertKeptAsync(coordinator, expires, "expired");

        clock.Now = RetentionSteps.Start.AddDays(33);
        Assert.Equal(1, (await app.RetainAsync())["request-addresses"]);
        Assert.Equal(0, (await app.RetainAsync())["request-addresses"]);
        using var again = await app.LoginAsync(CircleSteps.EmailOf("Carla Coördinator"));
        await AssertForgottenAsync(again, expires, "expired");
        await AssertKeptAsync(again, open, "open");
        await AssertKeptAsync(again, claimed, "claimed");
        // What the request was about stays with the circle.
        Assert.Equal("Boodschappen bij de supermarkt", (await again.DetailsAsync(done)).GetProperty("summary").GetProperty("title").GetString());
    }

    private static async Task AssertForgottenAsync(HttpClient member, Guid requestId, string status)
    {
        var details = await member.DetailsAsync(requestId);
        Assert.Equal(status, details.Status());
        Assert.Equal(JsonValueKind.Null, details.GetProperty("address").ValueKind);
        Assert.Equal(JsonValueKind.Null, details.GetProperty("contactPhone").ValueKind);
        Assert.Equal("1055", details.GetProperty("postcode").GetString());
        Assert.Equal("1055", details.GetProperty("summary").GetProperty("pc4").GetString());
    }

    private static async Task AssertKeptAsync(HttpClient member, Guid requestId, string status)
    {
        var details = await member.DetailsAsync(requestId);
        Assert.Equal(status, details.Status());
        Assert.Equal(RequestSteps.Address, details.GetProperty("address").GetString());
        Assert.Equal(RequestSteps.Phone, details.GetProperty("contactPhone").GetString());
        Assert.Equal("1055 KL", details.GetProperty("postcode").GetString());
    }

    [Theory, BothDatabases]
    public async Task Notifications_go_180_days_after_they_were_made_read_or_not_and_a_mail_being_sent_waits_for_the_next_run(DatabaseProvider provider)
    {
        var (app, clock) = await RetentionSteps.StartAsync(provider);
        await using var _app = app;
        var (rita, ritaId) = await app.PersonAsync("Rita Rozenboom", "resident");
        var (_, ottoId) = await app.PersonAsync("Otto Ander", "resident");

        var read = await NotifyAsync(app, ritaId, "read");
        var unread = await NotifyAsync(app, ritaId, "unread");
        var sending = await NotifyAsync(app, ritaId, "sending");
        Assert.Equal(HttpStatusCode.OK, (await rita.PostAsync($"{NotificationSteps.Api}/{read}/read", null)).StatusCode);
        var ottosOld = await NotifyAsync(app, ottoId, "otto-old");
        clock.Advance(TimeSpan.FromDays(2));
        var recent = await NotifyAsync(app, ritaId, "recent");
        var ottosRecent = await NotifyAsync(app, ottoId, "otto-recent");

        // Day 181: its mail has just been claimed by the outbox (Sending, a minute ago).
        clock.Now = RetentionSteps.Start.AddDays(181);
        await app.QueryAsync(db => db.Set<Notification>().Where(n => n.Id == sending)
            .ExecuteUpdateAsync(u => u.SetProperty(n => n.Email, NotificationEmail.Sending).SetProperty(n => n.EmailAt, clock.Now.AddMinutes(-1))));
        Assert.Equal(3, (await app.RetainAsync())["notifications"]);
        Assert.Equal(new[] { recent, sending }.Order(), await IdsAsync(await app.LoginAsync(CircleSteps.EmailOf("Rita Rozenboom"))));
        Assert.Equal([ottosRecent], await IdsAsync(await app.LoginAsync(CircleSteps.EmailOf("Otto Ander"))));
        Assert.DoesNotContain(ottosOld, await IdsAsync(await app.LoginAsync(CircleSteps.EmailOf("Otto Ander"))));
        Assert.DoesNotContain(unread, await IdsAsync(await app.LoginAsync(CircleSteps.EmailOf("Rita Rozenboom"))));

        // Day 183: the stuck send is stale now, and the ones of day 2 are 181 days old.
        clock.Now = RetentionSteps.Start.AddDays(183);
        Assert.Equal(3, (await app.RetainAsync())["notifications"]);
        Assert.Empty(await IdsAsync(await app.LoginAsync(CircleSteps.EmailOf("Rita Rozenboom"))));
    }

    private static async Task<Guid> NotifyAsync(WehelpenApplication app, string userId, string key)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WehelpenDbContext>();
        var clock = scope.ServiceProvider.GetRequiredService<TimeProvider>();
        var made = await scope.ServiceProvider.GetRequiredService<Notifier>().AddAsync(
            [new NewNotification(userId, NotificationKind.Digest, new NotificationData(Count: 2), "/help", $"test:{key}")], clock.GetUtcNow(), CancellationToken.None);
        await db.SaveChangesAsync();
        return made[0].Id;
    }

    /// <summary>The ids in the person's notification centre, in order; the client is used once.</summary>
    private static async Task<Guid[]> IdsAsync(HttpClient person)
    {
        using var _ = person;
        return (await person.ListAsync()).Items().Select(i => i.GetProperty("id").GetGuid()).Order().ToArray();
    }

    [Theory, BothDatabases]
    public async Task Mail_files_go_30_days_after_they_were_written_and_other_files_stay(DatabaseProvider provider)
    {
        var (app, clock) = await RetentionSteps.StartAsync(provider);
        await using var _app = app;
        var sender = app.Services.GetRequiredService<FolderEmailSender>();
        await sender.SendAsync(new EmailMessage("oud@example.nl", "Oud", "tekst", "<p>tekst</p>"));
        await sender.SendAsync(new EmailMessage("oud@example.nl", "Oud, met eigen id", "tekst", "<p>tekst</p>", Id: "notification-oud"));
        var folder = app.MailFolder;
        var leftOver = Path.Combine(folder, "notification-x.json.0123.tmp");
        var unreadable = Path.Combine(folder, "kapot.json");
        var other = Path.Combine(folder, "lees-mij.txt");
        foreach (var file in new[] { leftOver, unreadable, other })
        {
            await File.WriteAllTextAsync(file, "{ half");
            File.SetLastWriteTimeUtc(file, clock.Now.UtcDateTime);
        }
        clock.Advance(TimeSpan.FromDays(2));
        await sender.SendAsync(new EmailMessage("nieuw@example.nl", "Nieuw", "tekst", "<p>tekst</p>"));
        var recentOdd = Path.Combine(folder, "recent.json");
        await File.WriteAllTextAsync(recentOdd, "niet eens json");
        File.SetLastWriteTimeUtc(recentOdd, clock.Now.UtcDateTime);

        clock.Now = RetentionSteps.Start.AddDays(29);
        Assert.Equal(0, (await app.RetainAsync())["mail-files"]);
        clock.Now = RetentionSteps.Start.AddDays(31);
        Assert.Equal(4, (await app.RetainAsync())["mail-files"]);

        Assert.False(File.Exists(leftOver));
        Assert.False(File.Exists(unreadable));
        Assert.True(File.Exists(other));
        Assert.True(File.Exists(recentOdd));
        File.Delete(recentOdd); // the mail page, and Emails here, read only messages
        Assert.Empty(app.Emails("oud@example.nl"));
        Assert.Equal("Nieuw", Assert.Single(app.Emails("nieuw@example.nl")).Subject);
    }

    [Theory, BothDatabases]
    public async Task Without_a_mail_folder_there_is_nothing_to_do(DatabaseProvider provider)
    {
        var (app, clock) = await RetentionSteps.StartAsync(provider);
        await using var _app = app;
        clock.Advance(TimeSpan.FromDays(400));
        Assert.False(Directory.Exists(app.MailFolder));
        Assert.Equal(0, (await app.RetainAsync())["mail-files"]);
        Assert.False(Directory.Exists(app.MailFolder));
    }

    [Theory, BothDatabases]
    public async Task A_failing_rule_is_reported_and_the_others_still_run(DatabaseProvider provider)
    {
        var clock = new TestClock(RetentionSteps.Start);
        await using var app = await WehelpenApplication.StartAsync(provider, services: s =>
        {
            s.AddSingleton<TimeProvider>(clock);
            s.AddRetentionRule<BrokenRule>();
        });
        var sender = app.Services.GetRequiredService<FolderEmailSender>();
        await sender.SendAsync(new EmailMessage("oud@example.nl", "Oud", "tekst", "<p>tekst</p>"));
        clock.Advance(TimeSpan.FromDays(31));

        var report = await app.Services.GetRequiredService<RetentionRun>().RunAsync(CancellationToken.None);

        Assert.Equal(["broken"], report.Failed);
        Assert.Equal(1, report["mail-files"]);
        string[] every = ["mail-files", "inactive-account-warnings", "inactive-accounts", "request-addresses", "request-address-views", "request-series", "regular-volunteers", "notifications", "push-deliveries", "sessions", "refresh-tokens", "sign-in-failures", "audit-addresses", "audit-entries", "broken"];
        Assert.Equal(every.Order(), report.Rules.Select(r => r.Name).Order());
        Assert.Contains("broken: failed", report.Summary);
    }

    private sealed class BrokenRule : IRetentionRule
    {
        public string Name => "broken";

        public Task<int> ApplyAsync(DateTimeOffset now, CancellationToken ct) => throw new InvalidOperationException("kapot");
    }

    [Theory, BothDatabases]
    public async Task The_retention_job_is_on_the_admin_jobs_page_nightly_and_after_start_up(DatabaseProvider provider)
    {
        var settings = new Dictionary<string, string?> { ["RateLimits:LoginAttemptsPerMinute"] = "1000" };
        await using var app = await WehelpenApplication.StartAsync(provider, settings);
        await app.PersonAsync("Ada Beheer");
        using var admin = await app.AdministratorAsync("Ada Beheer");

        var list = await admin.GetFromJsonAsync<JsonElement>("/api/v1/admin/jobs");

        var job = list.GetProperty("jobs").EnumerateArray().Single(j => j.GetProperty("name").GetString() == RetentionJob.Key.Name);
        Assert.Equal("privacy", job.GetProperty("group").GetString());
        Assert.StartsWith("Verwijdert wat over de bewaartermijn is", job.GetProperty("description").GetString());
        var triggers = job.GetProperty("triggers").EnumerateArray().ToDictionary(t => t.GetProperty("name").GetString()!);
        var nightly = triggers[RetentionJob.NightlyTrigger.Name].GetProperty("nextFireTime").GetDateTimeOffset();
        Assert.Equal((3, 30), (nightly.Hour, nightly.Minute)); // in Amsterdam time, with its offset
        Assert.InRange(nightly - DateTimeOffset.UtcNow, TimeSpan.Zero, TimeSpan.FromDays(1));
        var afterStartUp = triggers[RetentionJob.StartUpTrigger.Name].GetProperty("nextFireTime").GetDateTimeOffset();
        Assert.InRange(afterStartUp - DateTimeOffset.UtcNow, TimeSpan.Zero, RetentionJob.AfterStartUp);
    }

    [Fact]
    public void After_start_up_the_job_runs_only_when_a_night_was_missed()
    {
        var now = new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
        Assert.True(RetentionJob.Missed(null, now));
        Assert.True(RetentionJob.Missed(now.AddHours(-25), now));
        Assert.True(RetentionJob.Missed(now.AddDays(-1), now));
        Assert.False(RetentionJob.Missed(now.AddHours(-23), now));
    }
}
