using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Quartz;
using Wehelpen.Web.Features.Notifications;
using Wehelpen.Web.Features.Reminders;
using Wehelpen.Web.Features.Requests.Digest;
using Wehelpen.Web.Tests.Circles;
using Wehelpen.Web.Tests.Offers;

namespace Wehelpen.Web.Tests.Scheduling;

/// <summary>/admin/jobs and /api/v1/admin/jobs with the scheduler running: what the administrator sees and may do.</summary>
public sealed class AdminJobsPageTests
{
    private const string Page = "/admin/jobs";

    [Theory, BothDatabases]
    public async Task The_administrator_sees_every_job_with_its_triggers_and_next_times(DatabaseProvider provider)
    {
        var (app, _) = await SchedulingSteps.StartAsync(provider);
        await using var _ = app;
        await app.PersonAsync("Ada Beheer");
        using var api = await app.AdministratorAsync("Ada Beheer");
        using var admin = await app.BrowserAsync("Ada Beheer", followRedirects: true);

        var html = await admin.PageAsync(Page);

        Assert.Contains("<h1>Geplande taken</h1>", html);
        Assert.Contains("De planner draait op deze server", html);
        foreach (var description in new[] { "Verstuurt herinneringen die aan de beurt zijn", "Plant herinneringen vooruit",
            "Verstuurt de e-mail van meldingen en probeert mislukte opnieuw", FlakyJob.Description,
            "Stuurt vrijwilligers hun dagelijkse of wekelijkse overzicht van hulpvragen in de buurt" })
            Assert.Contains($">{description}</h2>", html);
        Assert.Contains("<caption>Triggers van: Stuurt vrijwilligers hun dagelijkse of wekelijkse overzicht van hulpvragen in de buurt</caption>", html);
        Assert.Contains("<th scope=\"col\">Volgende keer</th>", html);
        var digestRow = Regex.Match(html, "<th scope=\"row\">volunteer-digest-daily</th>(.*?)</tr>", RegexOptions.Singleline).Groups[1].Value;
        Assert.Contains("normaal", digestRow);
        Assert.Contains(SchedulingSteps.NextDigestTime(), digestRow);
        Assert.Contains("Testtaak die de eerste keer mislukt", html);
        Assert.Contains("Deze taak heeft geen trigger", html);
        Assert.Contains("href=\"/admin/jobs\">Geplande taken</a>", html);

        var list = await api.GetFromJsonAsync<JsonElement>("/api/v1/admin/jobs");
        Assert.Equal("Running", list.GetProperty("scheduler").GetString());
        var digest = list.GetProperty("jobs").EnumerateArray().Single(j => j.GetProperty("name").GetString() == DigestJob.Key.Name);
        var trigger = Assert.Single(digest.GetProperty("triggers").EnumerateArray());
        Assert.Equal("Normal", trigger.GetProperty("state").GetString());
        var next = trigger.GetProperty("nextFireTime").GetDateTimeOffset();
        Assert.Equal((8, 0), (next.Hour, next.Minute)); // in Amsterdam time, with its offset
        Assert.InRange(next - DateTimeOffset.UtcNow, TimeSpan.Zero, TimeSpan.FromDays(1));
        var mail = list.GetProperty("jobs").EnumerateArray().Single(j => j.GetProperty("name").GetString() == NotificationMailJob.Key.Name);
        Assert.True(mail.GetProperty("triggers")[0].GetProperty("nextFireTime").ValueKind == JsonValueKind.String);
    }

    [Theory, BothDatabases]
    public async Task Others_are_refused_and_see_nothing_of_the_jobs(DatabaseProvider provider)
    {
        var (app, flaky) = await SchedulingSteps.StartAsync(provider);
        await using var _ = app;
        var (api, _) = await app.PersonAsync("Vera Vrijwilliger", "volunteer");
        using var browser = await app.BrowserAsync("Vera Vrijwilliger");
        using var anonymous = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var page = await browser.GetAsync(Page);
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/account/access-denied", page.Headers.Location!.AbsolutePath);
        Assert.DoesNotContain("Geplande taken", await page.Content.ReadAsStringAsync());
        Assert.DoesNotContain("/admin/jobs", await (await app.BrowserAsync("Vera Vrijwilliger", followRedirects: true)).GetStringAsync("/"));
        var anonymousPage = await anonymous.GetAsync(Page);
        Assert.Equal(HttpStatusCode.Redirect, anonymousPage.StatusCode);
        Assert.StartsWith("/account/login", anonymousPage.Headers.Location!.AbsolutePath);

        Assert.Equal(HttpStatusCode.Forbidden, (await api.GetAsync("/api/v1/admin/jobs")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await api.PostAsync($"/api/v1/admin/jobs/{FlakyJob.Key.Group}/{FlakyJob.Key.Name}/run", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateApiClient().GetAsync("/api/v1/admin/jobs")).StatusCode);
        // Nor can they post the page's forms (the token of a page they may open does not help).
        var forged = await PageForms.PostAsync(browser, $"{Page}?handler=Run",
            [new("group", FlakyJob.Key.Group), new("name", FlakyJob.Key.Name)], formPage: "/profile");
        Assert.NotEqual(HttpStatusCode.OK, forged.StatusCode);
        Assert.StartsWith("/account/access-denied", forged.Headers.Location!.AbsolutePath);

        // Not a pause: a run fired now comes after any the refused calls might have fired, and must be the only one.
        await app.FireBarrierAsync(flaky);
        Assert.Equal([FlakyState.Barrier], flaky.FiredBy);
        Assert.Single(await app.RunsAsync(FlakyJob.Key, 1));
    }

    [Theory, BothDatabases]
    public async Task A_failed_run_is_listed_and_retrying_it_runs_the_job_again(DatabaseProvider provider)
    {
        var (app, flaky) = await SchedulingSteps.StartAsync(provider);
        await using var _ = app;
        await app.PersonAsync("Ada Beheer");
        using var api = await app.AdministratorAsync("Ada Beheer");
        using var admin = await app.BrowserAsync("Ada Beheer", followRedirects: true);

        var run = await api.PostAsync($"/api/v1/admin/jobs/{FlakyJob.Key.Group}/{FlakyJob.Key.Name}/run", null);
        Assert.Equal(HttpStatusCode.Accepted, run.StatusCode);
        var failed = Assert.Single(await app.RunsAsync(FlakyJob.Key, 1));
        Assert.Equal(JobRunResult.Failed, failed.EffectiveResult);
        Assert.True(failed.Manual);

        var html = await admin.PageAsync(Page);
        Assert.Contains("<caption>Mislukte uitvoeringen van: Testtaak die de eerste keer mislukt</caption>", html);
        Assert.Contains(FlakyJob.Failure, html);
        Assert.Contains("Laatste uitvoering:", html);
        Assert.Contains(", mislukt.", html);
        Assert.Contains("Opnieuw proberen<span class=\"visually-hidden\">: Testtaak die de eerste keer mislukt", html);

        var retried = await PageForms.PostAsync(admin, $"{Page}?handler=Run",
            [new("group", FlakyJob.Key.Group), new("name", FlakyJob.Key.Name)], formPage: Page);
        Assert.Contains("De taak is gestart.", await retried.PageAsync());

        var runs = await app.RunsAsync(FlakyJob.Key, 2);
        Assert.Equal(JobRunResult.Succeeded, runs[0].EffectiveResult);
        Assert.Equal(2, flaky.Runs);
        Assert.Contains(", gelukt.", await admin.PageAsync(Page));

        var unknown = await api.PostAsync("/api/v1/admin/jobs/tests/bestaat-niet/run", null);
        await ProblemAssert.IsProblemAsync(unknown, HttpStatusCode.NotFound);
        var notInError = await api.PostAsync($"/api/v1/admin/jobs/triggers/notifications/{DigestJob.TriggerKey.Name}/reset", null);
        await ProblemAssert.IsProblemAsync(notInError, HttpStatusCode.Conflict);
    }

    [Theory, BothDatabases]
    public async Task A_trigger_in_error_is_shown_and_the_administrator_clears_the_error(DatabaseProvider provider)
    {
        var (app, _) = await SchedulingSteps.StartAsync(provider, broken: true);
        await using var _ = app;
        await app.PersonAsync("Ada Beheer");
        await app.AdministratorAsync("Ada Beheer");
        using var admin = await app.BrowserAsync("Ada Beheer", followRedirects: true);
        var scheduler = await app.Services.GetRequiredService<ISchedulerFactory>().GetScheduler(CancellationToken.None);
        var until = DateTime.UtcNow.AddSeconds(30);
        while (await scheduler.GetTriggerState(BrokenJob.TriggerKey, CancellationToken.None) != TriggerState.Error)
        {
            Assert.True(DateTime.UtcNow < until, "the broken job's trigger never went into ERROR");
            await Task.Delay(200);
        }

        var html = await admin.PageAsync(Page);
        var row = Regex.Match(html, "<th scope=\"row\">broken-hourly</th>(.*?)</tr>", RegexOptions.Singleline).Groups[1].Value;
        Assert.Contains("fout", row);
        Assert.Contains("Fout opheffen<span class=\"visually-hidden\">: broken-hourly</span>", row);

        var reset = await PageForms.PostAsync(admin, $"{Page}?handler=Reset",
            [new("group", BrokenJob.TriggerKey.Group), new("name", BrokenJob.TriggerKey.Name)], formPage: Page);
        var after = await reset.PageAsync();
        Assert.Contains("De trigger staat niet meer op fout.", after);
        Assert.NotEqual(TriggerState.Error, await scheduler.GetTriggerState(BrokenJob.TriggerKey, CancellationToken.None));
        var again = await PageForms.PostAsync(admin, $"{Page}?handler=Reset",
            [new("group", BrokenJob.TriggerKey.Group), new("name", BrokenJob.TriggerKey.Name)], formPage: Page);
        Assert.Contains("Deze trigger staat niet op fout.", await again.PageAsync());
    }

    [Theory, BothDatabases]
    public async Task A_failed_mail_is_shown_to_the_administrator_and_retried_back_to_pending(DatabaseProvider provider)
    {
        // The scheduler stays off here, so that the outbox job does not send the mail the moment it is pending again.
        var (app, _) = await SchedulingSteps.StartAsync(provider, scheduling: false);
        await using var _ = app;
        var (_, veraId) = await app.PersonAsync("Vera Vrijwilliger", "volunteer");
        await app.PersonAsync("Ada Beheer");
        await app.AdministratorAsync("Ada Beheer");
        var id = await app.QueryAsync(async db =>
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
        using var admin = await app.BrowserAsync("Ada Beheer", followRedirects: true);
        using var vera = await app.BrowserAsync("Vera Vrijwilliger");

        var html = await admin.PageAsync(Page);
        Assert.Contains("<h2 id=\"failed-mail\">Mislukte e-mail</h2>", html);
        var row = Regex.Match(html, $"<tr>\\s*<th scope=\"row\">Vera Vrijwilliger<br><span class=\"item-meta\">{Regex.Escape(CircleSteps.EmailOf("Vera Vrijwilliger"))}</span></th>(.*?)</tr>", RegexOptions.Singleline);
        Assert.True(row.Success, "the failed mail's row");
        Assert.Contains("Boodschappen voor Jan", row.Groups[1].Value);
        Assert.Contains($"<td>{NotificationMailer.MaxAttempts}</td>", row.Groups[1].Value);
        Assert.Contains($"value=\"{id}\"", row.Groups[1].Value);

        // Someone else cannot put it back.
        var refused = await PageForms.PostAsync(vera, $"{Page}?handler=RetryMail", [new("id", id.ToString())], formPage: "/profile");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Equal(NotificationEmail.Failed, await EmailStateAsync(app, id));

        var retried = await PageForms.PostAsync(admin, $"{Page}?handler=RetryMail", [new("id", id.ToString())], formPage: Page);
        var after = await retried.PageAsync();
        Assert.Contains("De e-mail staat weer klaar", after);
        Assert.Contains("Er is geen mislukte e-mail.", after);
        Assert.Equal(NotificationEmail.Pending, await EmailStateAsync(app, id));
        Assert.Equal(0, await app.QueryAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions
            .SingleAsync(db.Set<Notification>().Where(n => n.Id == id).Select(n => n.EmailAttempts))));

        // Twice is once: it is no longer failed.
        var again = await PageForms.PostAsync(admin, $"{Page}?handler=RetryMail", [new("id", id.ToString())], formPage: Page);
        Assert.Contains("Deze e-mail staat niet (meer) op mislukt.", await again.PageAsync());
    }

    private static Task<NotificationEmail> EmailStateAsync(WehelpenApplication app, Guid id) =>
        app.QueryAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions
            .SingleAsync(db.Set<Notification>().Where(n => n.Id == id).Select(n => n.Email)));
}
