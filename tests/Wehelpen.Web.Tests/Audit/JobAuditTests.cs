using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Quartz;
using Wehelpen.Web.Features.Notifications;
using Wehelpen.Web.Platform.Audit;
using Wehelpen.Web.Tests.Circles;
using Wehelpen.Web.Tests.Offers;
using Wehelpen.Web.Tests.Scheduling;

namespace Wehelpen.Web.Tests.Audit;

/// <summary>Running a job, clearing a trigger's error and retrying a failed mail are on the audit log; refused ones are not.</summary>
public sealed class JobAuditTests
{
    [Theory, BothDatabases]
    public async Task Running_a_job_clearing_a_trigger_and_retrying_a_mail_each_write_one_entry(DatabaseProvider provider)
    {
        var (app, flaky) = await SchedulingSteps.StartAsync(provider, broken: true);
        await using var _ = app;
        var (_, veraId) = await app.PersonAsync("Vera Vrijwilliger", "volunteer");
        var (_, adaId) = await app.PersonAsync("Ada Beheer");
        var api = (await app.AdministratorAsync("Ada Beheer")).From("2001:db8::7");
        var browser = (await app.BrowserAsync("Ada Beheer", followRedirects: true)).From("198.51.100.4");

        Assert.Equal(HttpStatusCode.NotFound, (await api.PostAsync("/api/v1/admin/jobs/tests/bestaat-niet/run", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.PostAsync($"/api/v1/admin/jobs/triggers/{FlakyJob.Key.Group}/nergens/reset", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await api.PostAsync($"/api/v1/admin/jobs/{FlakyJob.Key.Group}/{FlakyJob.Key.Name}/run", null)).StatusCode);
        await app.RunsAsync(FlakyJob.Key, 1);
        var run = Assert.Single(await app.NewEntriesAsync(0, AuditActions.JobRun));
        Assert.Equal((adaId, AuditTargets.Job, "tests.flaky", "2001:db8::7"), (run.ActorId, run.TargetKind, run.TargetId, run.ClientAddress));
        Assert.Equal(1, flaky.Runs);

        // The broken job's trigger goes into ERROR as soon as it fires; clearing it is recorded, and clearing it again is refused.
        var scheduler = await app.Services.GetRequiredService<ISchedulerFactory>().GetScheduler(CancellationToken.None);
        var until = DateTime.UtcNow.AddSeconds(30);
        while (await scheduler.GetTriggerState(BrokenJob.TriggerKey, CancellationToken.None) != TriggerState.Error)
        {
            Assert.True(DateTime.UtcNow < until, "the broken job's trigger never went into ERROR");
            await Task.Delay(200);
        }
        var trigger = $"/api/v1/admin/jobs/triggers/{BrokenJob.TriggerKey.Group}/{BrokenJob.TriggerKey.Name}/reset";
        Assert.Equal(HttpStatusCode.NoContent, (await api.PostAsync(trigger, null)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await api.PostAsync(trigger, null)).StatusCode);
        var reset = (await app.NewEntriesAsync(1, AuditActions.JobTriggerReset))[0];
        Assert.Equal((AuditTargets.Trigger, "tests.broken-hourly"), (reset.TargetKind, reset.TargetId));

        // A failed mail put back in the outbox from the page: about Vera, from the browser's address; a second time it is not failed.
        var mailId = await app.QueryAsync(async db =>
        {
            var failed = new Notification
            {
                UserId = veraId, Kind = NotificationKind.TaskReminder, Link = "/help",
                Data = new NotificationData("Boodschappen voor Jan", DateTimeOffset.UtcNow.AddDays(1), "Kring van Jan").ToJson(),
                SourceKey = "test:failed-mail", CreatedAt = DateTimeOffset.UtcNow.AddHours(-2),
                Email = NotificationEmail.Failed, EmailAttempts = NotificationMailer.MaxAttempts, EmailAt = DateTimeOffset.UtcNow,
            };
            db.Add(failed);
            await db.SaveChangesAsync();
            return failed.Id;
        });
        var retried = await PageForms.PostAsync(browser, "/admin/jobs?handler=RetryMail", [new("id", mailId.ToString())], formPage: "/admin/jobs");
        Assert.Contains("De e-mail staat weer klaar", await retried.PageAsync());
        var again = await PageForms.PostAsync(browser, "/admin/jobs?handler=RetryMail", [new("id", mailId.ToString())], formPage: "/admin/jobs");
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var mail = (await app.NewEntriesAsync(2, AuditActions.MailRetry))[0];
        Assert.Equal((adaId, AuditTargets.Notification, mailId.ToString(), veraId, "198.51.100.4"),
            (mail.ActorId, mail.TargetKind, mail.TargetId, mail.SubjectId, mail.ClientAddress));
    }
}
