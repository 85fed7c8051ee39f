using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Wehelpen.Web.Features.Notifications;
using Wehelpen.Web.Features.Reminders;
using Wehelpen.Web.Features.Requests.Digest;
using Wehelpen.Web.Tests.Circles;
using Wehelpen.Web.Tests.Requests;

namespace Wehelpen.Web.Tests.Reminders;

/// <summary>
/// The volunteers' digest, by its use case on the test's clock (the job only calls it): who gets one when, with
/// the count the /help page shows them, once a day however often it runs.
/// </summary>
public sealed class DigestTests
{
    /// <summary>Tuesday 24 November 2026, 09:00 in Amsterdam; the shopping request is at 10:00 that day.</summary>
    private static readonly DateTimeOffset Tuesday = new(2026, 11, 24, 8, 0, 0, TimeSpan.Zero);

    /// <summary>A circle in 1055 KL with two requests for the neighbourhood, and two that a shopping volunteer may not see.</summary>
    private static async Task NeighbourhoodAsync(WehelpenApplication app)
    {
        var (carer, _) = await app.PersonAsync("Carla Coördinator");
        var circleId = await carer.CreateCircleAsync();
        await carer.PostedIdAsync(circleId);
        var second = RequestSteps.Shopping();
        second["title"] = "Nog meer boodschappen";
        await carer.PostedIdAsync(circleId, second);
        // Only the circle's own people see this one, and the other is help nobody in these tests offers.
        await carer.PostedIdAsync(circleId, RequestSteps.Shopping(audience: "circle"));
        var company = RequestSteps.Shopping();
        company["category"] = "company";
        company["title"] = "Een kopje koffie samen";
        await carer.PostedIdAsync(circleId, company);
    }

    private static async Task<string> VolunteerWantingAsync(WehelpenApplication app, string name, DigestFrequency digest, string postcode = "1055 KL")
    {
        var (_, id) = await app.VolunteerAsync(name, postcode);
        await app.QueryAsync(async db =>
        {
            db.Add(new NotificationSettings { UserId = id, Digest = digest, UpdatedAt = RequestSteps.Now });
            return await db.SaveChangesAsync();
        });
        return id;
    }

    private static async Task<DigestSender.Result> RunAsync(WehelpenApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DigestSender>().SendDueAsync(CancellationToken.None);
    }

    private static Task<List<Notification>> DigestsAsync(WehelpenApplication app, string userId) =>
        app.QueryAsync(db => db.Set<Notification>().AsNoTracking()
            .Where(n => n.UserId == userId && n.Kind == NotificationKind.Digest).OrderBy(n => n.CreatedAt).ToListAsync());

    [Theory, BothDatabases]
    public async Task A_daily_volunteer_gets_one_digest_a_day_with_what_the_help_page_shows_however_often_it_runs(DatabaseProvider provider)
    {
        var (app, clock) = await RequestSteps.StartAsync(provider);
        await using var _ = app;
        await NeighbourhoodAsync(app);
        var vera = await VolunteerWantingAsync(app, "Vera Vrijwilliger", DigestFrequency.Daily);
        using var veraClient = await app.LoginAsync(CircleSteps.EmailOf("Vera Vrijwilliger"));
        var shown = (await veraClient.GetFromJsonAsync<JsonElement>("/api/v1/requests/nearby")).GetProperty("items").GetArrayLength();
        Assert.Equal(2, shown);

        var first = await RunAsync(app);
        var again = await RunAsync(app);

        Assert.Equal(1, first.Sent);
        Assert.Equal(0, again.Sent);
        var digest = Assert.Single(await DigestsAsync(app, vera));
        Assert.Equal(shown, NotificationData.FromJson(digest.Data).Count);
        Assert.Equal("/help", digest.Link);
        Assert.Equal($"digest:{vera}:2026-11-23", digest.SourceKey);
        Assert.Equal(NotificationEmail.Pending, digest.Email);
        Assert.DoesNotContain(RequestSteps.Address, digest.Data);

        // Its mail, as the job sends it after the digests are made: the number and the link, nothing about anyone.
        await using (var scope = app.Services.CreateAsyncScope())
            Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<NotificationMailer>().SendPendingAsync(CancellationToken.None));
        var mail = Assert.Single(app.Emails(CircleSteps.EmailOf("Vera Vrijwilliger")), m => m.Subject.Contains("hulpvragen"));
        Assert.Equal("2 open hulpvragen bij u in de buurt", mail.Subject);
        Assert.Contains("/help", mail.TextBody);
        Assert.DoesNotContain(RequestSteps.Address, mail.TextBody);
        Assert.DoesNotContain("Boodschappen", mail.TextBody);

        // The next morning brings the next one.
        clock.Now = Tuesday;
        Assert.Equal(1, (await RunAsync(app)).Sent);
        Assert.Equal(["2026-11-23", "2026-11-24"], (await DigestsAsync(app, vera)).Select(d => d.SourceKey[^10..]));
    }

    [Theory, BothDatabases]
    public async Task A_weekly_digest_comes_on_Mondays_only_and_none_means_none(DatabaseProvider provider)
    {
        var (app, clock) = await RequestSteps.StartAsync(provider);
        await using var _ = app;
        await NeighbourhoodAsync(app);
        var willem = await VolunteerWantingAsync(app, "Willem Wekelijks", DigestFrequency.Weekly);
        var nina = await VolunteerWantingAsync(app, "Nina Niets", DigestFrequency.None);
        var (_, noSettings) = await app.VolunteerAsync("Stijn Standaard");

        clock.Now = Tuesday;
        Assert.Equal(0, (await RunAsync(app)).Sent);
        Assert.Empty(await DigestsAsync(app, willem));

        clock.Now = RequestSteps.Now; // Monday
        Assert.Equal(1, (await RunAsync(app)).Sent);
        var digest = Assert.Single(await DigestsAsync(app, willem));
        Assert.Equal(2, NotificationData.FromJson(digest.Data).Count);
        Assert.Empty(await DigestsAsync(app, nina));
        Assert.Empty(await DigestsAsync(app, noSettings));
    }

    [Theory, BothDatabases]
    public async Task A_volunteer_far_away_sees_nothing_near_and_gets_no_digest(DatabaseProvider provider)
    {
        var (app, _) = await RequestSteps.StartAsync(provider);
        await using var __ = app;
        await NeighbourhoodAsync(app);
        var gerrit = await VolunteerWantingAsync(app, "Gerrit Groningen", DigestFrequency.Daily, "9711 AB");
        using var gerritClient = await app.LoginAsync(CircleSteps.EmailOf("Gerrit Groningen"));
        Assert.Equal(0, (await gerritClient.GetFromJsonAsync<JsonElement>("/api/v1/requests/nearby")).GetProperty("items").GetArrayLength());

        var result = await RunAsync(app);

        Assert.Equal((0, 1), (result.Sent, result.Nothing));
        Assert.Empty(await DigestsAsync(app, gerrit));
    }

    [Theory, BothDatabases]
    public async Task Before_eight_in_the_morning_no_digest_goes_out(DatabaseProvider provider)
    {
        var (app, clock) = await RequestSteps.StartAsync(provider);
        await using var _ = app;
        await NeighbourhoodAsync(app);
        var vera = await VolunteerWantingAsync(app, "Vera Vrijwilliger", DigestFrequency.Daily);

        clock.Now = new DateTimeOffset(2026, 11, 23, 6, 59, 0, TimeSpan.Zero); // 07:59 in Amsterdam
        Assert.Equal(0, (await RunAsync(app)).Sent);
        clock.Now = new DateTimeOffset(2026, 11, 23, 7, 0, 0, TimeSpan.Zero); // 08:00
        Assert.Equal(1, (await RunAsync(app)).Sent);
        Assert.Single(await DigestsAsync(app, vera));
    }
}
