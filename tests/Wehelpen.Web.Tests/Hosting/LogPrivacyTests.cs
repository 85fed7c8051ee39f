using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Wehelpen.Web.Features.Accounts;
using Wehelpen.Web.Tests.Agenda;
using Wehelpen.Web.Tests.Circles;
using Wehelpen.Web.Tests.Neighbourhoods.Buurtteam;
using Wehelpen.Web.Tests.Notes;
using Wehelpen.Web.Tests.Notifications;
using Wehelpen.Web.Tests.Requests;

namespace Wehelpen.Web.Tests.Hosting;

/// <summary>
/// Logs carry ids and counts, never what people wrote: a flow through most of the app, with a made-up word in every
/// text a person types, and not one of those words in any log record at Information or above.
/// </summary>
public sealed class LogPrivacyTests
{
    [Theory, BothDatabases]
    public async Task Nothing_a_person_wrote_reaches_the_logs_at_information_or_above(DatabaseProvider provider)
    {
        var logs = new LogCapture();
        var clock = new TestClock(RequestSteps.Now);
        var settings = new Dictionary<string, string?> { ["RateLimits:LoginAttemptsPerMinute"] = "1000" };
        // On an empty database: the migrations the app applies at its first start log too.
        await using var app = WehelpenApplication.StartOn(await TestDatabase.CreateAsync(provider), settings, s =>
        {
            s.AddSingleton<TimeProvider>(clock);
            s.AddSingleton<ILoggerProvider>(logs);
        });
        var words = new Dictionary<string, string>();
        string Word(string what) => words[what] = string.Concat(Enumerable.Range(0, 12).Select(_ => (char)('a' + Random.Shared.Next(26))));
        var phone = $"06 {Random.Shared.Next(10_000_000, 99_999_999)}";

        // Someone registers with their own name and address, and starts a circle for their mother.
        var email = $"{Word("email")}@example.nl";
        await app.RegisterConfirmedAsync(email, $"Wilma {Word("display name")}");
        using var carer = await app.LoginAsync(email);
        var circleId = await carer.CreateCircleAsync($"Truus {Word("resident name")}");

        // A request with its address and phone, claimed by a volunteer nearby, and talked about.
        var (volunteer, _) = await app.VolunteerAsync($"Vera {Word("volunteer name")}");
        var shopping = RequestSteps.Shopping();
        shopping["title"] = $"Boodschappen {Word("request title")}";
        shopping["description"] = $"Melk en {Word("request description")}";
        shopping["address"] = $"{Word("address")}straat 12";
        shopping["phone"] = phone;
        var requestId = await carer.PostedIdAsync(circleId, shopping);
        Assert.Equal(HttpStatusCode.OK, (await volunteer.ActAsync(requestId, "claim")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await volunteer.PostAsJsonAsync($"/api/v1/requests/{requestId}/chat",
            new { clientMessageId = "log-1", text = $"Ik kom om tien uur, {Word("request chat")}" })).StatusCode);

        // The circle's own pages: chat, logbook, a note and an appointment today, whose reminder is mailed.
        Assert.Equal(HttpStatusCode.OK, (await carer.PostAsJsonAsync($"/api/v1/circles/{circleId}/chat",
            new { clientMessageId = "log-2", text = $"Mam had weinig trek, {Word("circle chat")}" })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await carer.PostAsJsonAsync($"/api/v1/circles/{circleId}/logbook",
            new { text = $"Goed geslapen, {Word("logbook")}" })).StatusCode);
        await carer.CreateNoteAsync(circleId, $"Medicatie {Word("note title")}", $"- {Word("note text")} 500 mg");
        await carer.PlannedIdAsync(circleId, new
        {
            title = $"Huisarts {Word("appointment title")}", place = $"{Word("appointment place")}plein 3", notes = Word("appointment notes"),
            date = "2026-11-23", startTime = "12:30", endTime = "13:00",
        });
        await app.DispatchAtAsync(clock, new TimeOnly(9, 31));

        // The buurtteam writes to the circle about a second request that nobody took.
        var (professional, _) = await app.ProfessionalAsync($"Petra {Word("professional name")}", "bos-en-lommer");
        Assert.Equal(HttpStatusCode.OK, (await professional.PutAsJsonAsync("/api/v1/buurtteam/me",
            new { organisation = $"Buurtteam {Word("organisation")}", workPhone = "020 123 4567", areas = new[] { "bos-en-lommer" } })).StatusCode);
        shopping["title"] = $"Tuin {Word("second request title")}";
        var escalatedId = await carer.PostedIdAsync(circleId, shopping);
        await app.EscalateAsync(escalatedId, clock.GetUtcNow());
        Assert.Equal(HttpStatusCode.NoContent, (await professional.PostAsJsonAsync($"/api/v1/buurtteam/requests/{escalatedId}/contact-circle",
            new { message = $"Zal ik langskomen? {Word("buurtteam message")}" })).StatusCode);

        // What runs by itself: mail of the notifications, the sweep; and mail the person asks for, the calendar feed.
        Assert.True(await app.SendMailAsync() >= 2);
        await app.SweepAsync();
        using (var anonymous = app.CreateApiClient())
            Assert.Equal(HttpStatusCode.Accepted, (await anonymous.PostAsJsonAsync("/api/v1/account/forgot-password", new { email })).StatusCode);
        var feed = await carer.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/v1/calendar-feed");
        using (var phoneCalendar = app.CreateClient())
            Assert.Equal(HttpStatusCode.OK, (await phoneCalendar.GetAsync(new Uri(feed.GetProperty("url").GetString()!).PathAndQuery)).StatusCode);

        var records = logs.Records;
        Assert.Contains(records, r => r.Text.Contains("Applied migration")); // the capture hears the app
        var markers = words.Append(new("phone", phone)).Append(new("phone digits", phone.Replace(" ", ""))).ToList();
        var leaks = records.Where(r => r.Level >= LogLevel.Information)
            .SelectMany(r => markers.Where(m => r.Text.Contains(m.Value, StringComparison.OrdinalIgnoreCase))
                .Select(m => $"{m.Key} in {r.Level} {r.Category}: {r.Text}"))
            .ToList();
        Assert.True(leaks.Count == 0, string.Join("\n", leaks));
    }

    [Theory, BothDatabases]
    public async Task A_mail_server_that_refuses_an_address_is_logged_with_its_status_and_without_the_address(DatabaseProvider provider)
    {
        var logs = new LogCapture();
        await using var smtp = new RefusingSmtpServer();
        var settings = new Dictionary<string, string?>
        {
            ["Email:Smtp:Host"] = "127.0.0.1", ["Email:Smtp:Port"] = smtp.Port.ToString(), ["Email:Smtp:EnableSsl"] = "false",
        };
        // No second try: one refusal, one log record.
        await using var app = await WehelpenApplication.StartAsync(provider, settings, s =>
        {
            s.AddSingleton<ILoggerProvider>(logs);
            s.AddSingleton(new AccountMailTiming(TimeSpan.Zero, []));
        });
        var mailbox = string.Concat(Enumerable.Range(0, 12).Select(_ => (char)('a' + Random.Shared.Next(26))));

        using var client = app.CreateApiClient();
        var registered = await client.PostAsJsonAsync("/api/v1/account/register",
            new { email = $"{mailbox}@example.nl", password = WehelpenApplication.Password, displayName = "Wilma", roles = new[] { "resident" }, acceptPrivacyStatement = true });
        app.AccountMailSent();

        Assert.Equal(HttpStatusCode.Created, registered.StatusCode); // the account stands; the next page offers to send again
        Assert.Equal(1, smtp.Refused);
        var error = Assert.Single(logs.Records, r => r.Level >= LogLevel.Warning && r.Category.EndsWith(".AccountMailSender", StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Records, r => r.Level >= LogLevel.Information && r.Text.Contains(mailbox, StringComparison.OrdinalIgnoreCase));
        Assert.Contains("550 MailboxUnavailable", error.Text); // what the operator needs: the server refused the recipient
    }
}
