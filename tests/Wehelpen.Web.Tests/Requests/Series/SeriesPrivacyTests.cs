using System.IO.Compression;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore;
using Wehelpen.Web.Data;
using Wehelpen.Web.Features.Privacy.Retention;
using Wehelpen.Web.Features.Requests;
using Wehelpen.Web.Features.Requests.Series.Regulars;
using Wehelpen.Web.Tests.Circles;
using Wehelpen.Web.Tests.Privacy;

namespace Wehelpen.Web.Tests.Requests.Series;

/// <summary>A series holds a person's words and address: it goes with its asker, and a while after its last date.</summary>
public sealed class SeriesPrivacyTests
{
    [Theory, BothDatabases]
    public async Task An_erased_asker_takes_their_series_with_them_and_its_open_occurrences_are_cancelled(DatabaseProvider provider)
    {
        var (app, _) = await RequestSteps.StartAsync(provider);
        await using var _app = app;
        var c = await app.TwoCirclesAsync();
        var seriesId = await c.Member.SeriesAsync(c.CircleId,
            SeriesSteps.Repeating("2026-11-24", new { frequency = "weekly", days = new[] { "tuesday" }, times = 3 }));
        var made = (await c.Coordinator.GetSeriesAsync(seriesId)).Occurrences();

        PrivacySteps.Ok(await c.Member.EraseAccountAsync(WehelpenApplication.Password));

        Assert.Equal(HttpStatusCode.NotFound, (await c.Coordinator.GetAsync($"/api/v1/series/{seriesId}")).StatusCode);
        foreach (var occurrence in made) Assert.Equal("cancelled", (await c.Coordinator.DetailsAsync(occurrence.Id)).Status());
        Assert.Equal(0, await app.TopUpSeriesAsync());
    }

    [Theory, BothDatabases]
    public async Task A_stopped_series_is_deleted_after_its_retention_and_its_occurrences_stay(DatabaseProvider provider)
    {
        var (app, clock) = await RequestSteps.StartAsync(provider);
        await using var _app = app;
        var c = await app.TwoCirclesAsync();
        var seriesId = await c.Coordinator.SeriesAsync(c.CircleId,
            SeriesSteps.Repeating("2026-11-24", new { frequency = "weekly", days = new[] { "tuesday" }, untilDate = "2026-12-08" }));

        clock.Advance(TimeSpan.FromDays(30));
        var early = await app.Services.GetRequiredService<RetentionRun>().RunAsync(CancellationToken.None);
        Assert.Equal(0, early["request-series"]);
        clock.Advance(TimeSpan.FromDays(16)); // 8 December + 30 days has passed
        var report = await app.Services.GetRequiredService<RetentionRun>().RunAsync(CancellationToken.None);

        Assert.Equal(1, report["request-series"]);
        Assert.Empty(await app.StoredOccurrencesAsync(seriesId));
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WehelpenDbContext>();
        // The three occurrences are still the circle's requests, now without their series.
        Assert.Equal(3, await db.Set<HelpRequest>().CountAsync(r => r.CircleId == c.CircleId && r.SeriesId == null));
    }

    [Theory, BothDatabases]
    public async Task A_regular_volunteer_finds_the_arrangement_in_her_export_and_erasing_her_account_ends_it_and_opens_her_weeks(DatabaseProvider provider)
    {
        var (app, _) = await RequestSteps.StartAsync(provider);
        await using var _app = app;
        var c = await app.TwoCirclesAsync();
        var (vera, _, seriesId, first) = await app.VeraHelpsWithTheFirstAsync(c, new { frequency = "weekly", days = new[] { "tuesday" }, times = 3 });
        var regularId = (await vera.OfferAsync(first)).GetProperty("id").GetGuid();
        await c.Coordinator.AnsweredAsync(regularId, "accept");

        using var zip = new ZipArchive(await (await vera.GetAsync("/api/v1/account/export")).Content.ReadAsStreamAsync());
        var row = Assert.Single(JsonDocument.Parse(new StreamReader(zip.GetEntry("regular-volunteer.json")!.Open()).ReadToEnd()).RootElement.EnumerateArray());
        Assert.Equal(("Boodschappen bij de supermarkt", "Accepted", true),
            (row.GetProperty("seriesTitle").GetString(), row.GetProperty("status").GetString(), row.GetProperty("everyTime").GetBoolean()));

        PrivacySteps.Ok(await vera.EraseAccountAsync(WehelpenApplication.Password));

        Assert.Equal(0, await app.QueryAsync(db => db.Set<RegularVolunteer>().CountAsync()));
        Assert.All(await app.TakenAsync(seriesId), t => Assert.Equal((RequestStatus.Open, (string?)null), (t.Status, t.Helper)));
    }

    [Theory, BothDatabases]
    public async Task A_declined_offer_is_deleted_thirty_days_after_the_answer(DatabaseProvider provider)
    {
        var (app, clock) = await RequestSteps.StartAsync(provider);
        await using var _app = app;
        var c = await app.TwoCirclesAsync();
        var (vera, _, _, first) = await app.VeraHelpsWithTheFirstAsync(c, new { frequency = "weekly", days = new[] { "tuesday" }, times = 3 });
        await c.Coordinator.AnsweredAsync((await vera.OfferAsync(first)).GetProperty("id").GetGuid(), "decline");

        clock.Advance(TimeSpan.FromDays(29));
        Assert.Equal(0, (await app.Services.GetRequiredService<RetentionRun>().RunAsync(CancellationToken.None))["regular-volunteers"]);
        clock.Advance(TimeSpan.FromDays(2));
        Assert.Equal(1, (await app.Services.GetRequiredService<RetentionRun>().RunAsync(CancellationToken.None))["regular-volunteers"]);
        Assert.Equal(0, await app.QueryAsync(db => db.Set<RegularVolunteer>().CountAsync()));
    }
}
