using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Wehelpen.Web.Features.Reminders;
using Wehelpen.Web.Tests.Circles;
using Wehelpen.Web.Tests.Requests;

namespace Wehelpen.Web.Tests.Notifications;

/// <summary>
/// My settings: when to be reminded and whether by mail, on the API and the page, and from the link in a
/// notification mail without logging in. A wrong value is explained in the person's language and nothing is saved.
/// </summary>
public sealed class NotificationSettingsTests
{
    private const string Settings = NotificationSteps.Api + "/settings";

    [Theory, BothDatabases]
    public async Task Settings_start_as_the_defaults_and_a_change_plans_the_reminders_again(DatabaseProvider provider)
    {
        var (app, clock) = await RequestSteps.StartAsync(provider);
        await using var _app = app;
        var (rita, ritaId, circleId) = await app.ResidentAsync();

        var defaults = await rita.GetFromJsonAsync<JsonElement>(Settings);
        Assert.Equal([1440, 120], Offsets(defaults));
        Assert.Equal("involved", defaults.GetProperty("appointmentScope").GetString());
        Assert.True(defaults.GetProperty("taskReminders").GetBoolean());
        Assert.True(defaults.GetProperty("email").GetBoolean());
        Assert.Equal("none", defaults.GetProperty("digest").GetString());
        Assert.Equal([10080, 1440, 180, 120, 60, 30], defaults.GetProperty("offsetChoices").EnumerateArray().Select(e => e.GetInt32()));

        await rita.AppointmentTodayAsync(circleId, "Huisarts", "12:30", "13:00");
        Assert.Contains(await PendingAsync(app, ritaId), r => r.DueAt == new DateTimeOffset(2026, 11, 23, 9, 30, 0, TimeSpan.Zero));

        // Half an hour before only, no mail, a weekly summary; what is left out stays as it was.
        var saved = await rita.PutAsJsonAsync(Settings, new { appointmentOffsets = new[] { 30 }, email = false, digest = "weekly" });
        Assert.True(saved.StatusCode == HttpStatusCode.OK, await saved.Content.ReadAsStringAsync());
        var now = await rita.GetFromJsonAsync<JsonElement>(Settings);
        Assert.Equal([30], Offsets(now));
        Assert.False(now.GetProperty("email").GetBoolean());
        Assert.Equal("weekly", now.GetProperty("digest").GetString());
        Assert.Equal("involved", now.GetProperty("appointmentScope").GetString());
        Assert.True(now.GetProperty("taskReminders").GetBoolean());

        // The two-hour reminder is no longer planned; the half-hour one is.
        var pending = await PendingAsync(app, ritaId);
        Assert.Equal([new DateTimeOffset(2026, 11, 23, 11, 0, 0, TimeSpan.Zero)], pending.Select(r => r.DueAt));
        Assert.Equal(0, await app.DispatchAtAsync(clock, new TimeOnly(9, 31)));
        Assert.Equal(1, await app.DispatchAtAsync(clock, new TimeOnly(11, 1)));
        // No mail for her: the notification is in the app only.
        Assert.Equal(0, await app.SendMailAsync());
        Assert.DoesNotContain(app.Emails(CircleSteps.EmailOf("Rita Rozenboom")), m => m.Subject.Contains("Huisarts"));
    }

    [Theory, BothDatabases]
    public async Task Wrong_values_are_explained_in_dutch_and_english_and_nothing_is_saved(DatabaseProvider provider)
    {
        var (app, _) = await RequestSteps.StartAsync(provider);
        await using var _app = app;
        var (rita, _, _) = await app.ResidentAsync();
        var wrong = new { appointmentOffsets = new[] { 1440, 45 }, appointmentScope = "everyone", taskReminders = false, email = false, digest = "hourly" };

        var dutch = await rita.PutAsJsonAsync(Settings, wrong);
        Assert.Equal(["45 minuten van tevoren kunt u niet kiezen. Kies uit 1 week, 1 dag, 3 uur, 2 uur, 1 uur of 30 minuten van tevoren."],
            await ProblemAssert.FieldErrorsAsync(dutch, "appointmentOffsets"));
        Assert.Equal(["‘everyone’ is geen keuze voor de afspraken. Kies ‘involved’ of ‘allCircles’."], await ProblemAssert.FieldErrorsAsync(dutch, "appointmentScope"));
        Assert.Equal(["‘hourly’ is geen keuze voor het overzicht. Kies ‘none’, ‘daily’ of ‘weekly’."], await ProblemAssert.FieldErrorsAsync(dutch, "digest"));

        using var english = await app.LoginAsync(CircleSteps.EmailOf("Rita Rozenboom"));
        english.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        var response = await english.PutAsJsonAsync(Settings, wrong);
        Assert.Equal(["45 minutes before cannot be chosen. Choose from 1 week, 1 day, 3 hours, 2 hours, 1 hour or 30 minutes before."],
            await ProblemAssert.FieldErrorsAsync(response, "appointmentOffsets"));
        Assert.Equal(["‘hourly’ is not a choice for the summary. Choose ‘none’, ‘daily’ or ‘weekly’."], await ProblemAssert.FieldErrorsAsync(response, "digest"));
        // A number is no name of a choice either.
        Assert.Single(await ProblemAssert.FieldErrorsAsync(await rita.PutAsJsonAsync(Settings, new { appointmentScope = "1" }), "appointmentScope"));

        // Not even the valid fields of those saves were kept.
        var settings = await rita.GetFromJsonAsync<JsonElement>(Settings);
        Assert.Equal([1440, 120], Offsets(settings));
        Assert.True(settings.GetProperty("taskReminders").GetBoolean());
        Assert.True(settings.GetProperty("email").GetBoolean());
        Assert.Equal(0, await app.QueryAsync(db => Task.FromResult(db.Set<Web.Features.Notifications.NotificationSettings>().Count())));
    }

    [Theory, BothDatabases]
    public async Task The_settings_page_saves_what_is_ticked_and_shows_wrong_values_in_the_persons_language(DatabaseProvider provider)
    {
        var (app, _) = await RequestSteps.StartAsync(provider);
        await using var _app = app;
        var (rita, _, _) = await app.ResidentAsync();
        var browser = await app.BrowserAsync("Rita Rozenboom");

        var page = await browser.PageAsync("/notifications/settings");
        Assert.Contains("Herinneringen voor een afspraak", page);
        Assert.Contains("value=\"1440\" checked=\"checked\"", page);
        Assert.Contains("1 week van tevoren", page);

        var saved = await PageForms.PostAsync(browser, "/notifications/settings", [
            new("Input.AppointmentOffsets", "10080"), new("Input.AppointmentOffsets", "60"),
            new("Input.AppointmentScope", "AllCircles"), new("Input.TaskReminders", "false"),
            new("Input.Email", "true"), new("Input.Email", "false"), new("Input.Digest", "Daily")]);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("Uw instellingen zijn opgeslagen.", await browser.PageAsync(saved.Headers.Location!.OriginalString));
        var settings = await rita.GetFromJsonAsync<JsonElement>(Settings);
        Assert.Equal([10080, 60], Offsets(settings));
        Assert.Equal("allCircles", settings.GetProperty("appointmentScope").GetString());
        Assert.False(settings.GetProperty("taskReminders").GetBoolean());
        Assert.True(settings.GetProperty("email").GetBoolean());
        Assert.Equal("daily", settings.GetProperty("digest").GetString());

        // Nothing ticked: no appointment reminders at all.
        await PageForms.PostAsync(browser, "/notifications/settings", [
            new("Input.AppointmentScope", "Involved"), new("Input.TaskReminders", "false"), new("Input.Email", "false"), new("Input.Digest", "None")]);
        Assert.Empty(Offsets(await rita.GetFromJsonAsync<JsonElement>(Settings)));

        var refused = await PageForms.PostAsync(browser, "/notifications/settings", [
            new("Input.AppointmentOffsets", "45"), new("Input.AppointmentScope", "Involved"), new("Input.TaskReminders", "true"),
            new("Input.Email", "true"), new("Input.Digest", "None")]);
        var shown = await refused.PageAsync();
        Assert.Contains("45 minuten van tevoren kunt u niet kiezen.", shown);
        Assert.Contains("role=\"alert\"", shown);
        Assert.Empty(Offsets(await rita.GetFromJsonAsync<JsonElement>(Settings)));

        await PageForms.PostAsync(browser, "/language", [new("language", "en"), new("returnUrl", "/notifications/settings")], formPage: "/notifications/settings");
        var english = await PageForms.PostAsync(browser, "/notifications/settings", [
            new("Input.AppointmentOffsets", "120"), new("Input.AppointmentScope", "Everyone"), new("Input.TaskReminders", "true"),
            new("Input.Email", "true"), new("Input.Digest", "None")]);
        Assert.Contains("‘Everyone’ is not a choice for the appointments.", await english.PageAsync());
        Assert.Empty(Offsets(await rita.GetFromJsonAsync<JsonElement>(Settings)));
    }

    [Theory, BothDatabases]
    public async Task The_link_in_a_notification_mail_opens_that_persons_settings_without_login_and_a_tampered_one_opens_nothing(DatabaseProvider provider)
    {
        var (app, clock) = await RequestSteps.StartAsync(provider);
        await using var _app = app;
        var (rita, _, circleId) = await app.ResidentAsync();
        await rita.AppointmentTodayAsync(circleId, "Huisarts", "12:30", "13:00");
        await app.DispatchAtAsync(clock, new TimeOnly(9, 31));
        Assert.Equal(1, await app.SendMailAsync());
        var link = app.LinkInEmail(CircleSteps.EmailOf("Rita Rozenboom"), "/notifications/settings").PathAndQuery;

        // Someone who is not logged in at all: the mail's reader, on another device.
        var reader = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var page = await reader.PageAsync(link);
        Assert.Contains("Dit zijn de instellingen van Rita Rozenboom.", page);
        var saved = await PageForms.PostAsync(reader, link, [
            new("Input.AppointmentScope", "Involved"), new("Input.TaskReminders", "true"), new("Input.TaskReminders", "false"),
            new("Input.Email", "false"), new("Input.Digest", "None")]);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(link, saved.Headers.Location!.OriginalString);
        var settings = await rita.GetFromJsonAsync<JsonElement>(Settings);
        Assert.False(settings.GetProperty("email").GetBoolean());
        Assert.Empty(Offsets(settings));

        // One character changed: a clear message and the way to log in; no settings, no name, no form.
        var token = link[(link.IndexOf("token=", StringComparison.Ordinal) + 6)..];
        var tampered = $"/notifications/settings?token={(token[10] == 'A' ? 'B' : 'A')}{token[..10]}{token[11..]}";
        foreach (var client in new[] { reader, await app.BrowserAsync("Rita Rozenboom") })
        {
            var refused = await client.PageAsync(tampered);
            Assert.Contains("Deze link werkt niet (meer)", refused);
            Assert.Contains("/account/login", refused);
            Assert.DoesNotContain("Rita Rozenboom.", refused);
            Assert.DoesNotContain("Input.Email", refused);
        }
        var posted = await reader.PostAsync(tampered, new FormUrlEncodedContent([new("Input.Email", "true")]));
        Assert.NotEqual(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.False((await rita.GetFromJsonAsync<JsonElement>(Settings)).GetProperty("email").GetBoolean());

        // Without a token, the page is for people who are logged in.
        var anonymous = await reader.GetAsync("/notifications/settings");
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Contains("/account/login", anonymous.Headers.Location!.OriginalString);
    }

    private static int[] Offsets(JsonElement settings) => settings.GetProperty("appointmentOffsets").EnumerateArray().Select(e => e.GetInt32()).ToArray();

    private static Task<Reminder[]> PendingAsync(WehelpenApplication app, string userId) =>
        app.QueryAsync(db => Task.FromResult(db.Set<Reminder>().Where(r => r.UserId == userId && r.Status == ReminderStatus.Pending).ToArray()));
}
