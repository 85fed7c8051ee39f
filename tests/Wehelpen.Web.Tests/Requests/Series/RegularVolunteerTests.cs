using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Wehelpen.Web.Features.Notifications;
using Wehelpen.Web.Features.Requests;
using Wehelpen.Web.Tests.Circles;
using Wehelpen.Web.Tests.Reminders;

namespace Wehelpen.Web.Tests.Requests.Series;

/// <summary>
/// A vaste vrijwilliger: whoever helped with one occurrence offers to take the series on, the circle accepts, each
/// occurrence is then theirs first (with "Gaat het door?" the day before); one they cannot come to goes out as any
/// request does; either side ends it. Monday 23 November 2026; shopping every Tuesday for the neighbourhood.
/// </summary>
public sealed class RegularVolunteerTests
{
    private static readonly DateOnly Dec1 = new(2026, 12, 1), Dec8 = new(2026, 12, 8), Dec15 = new(2026, 12, 15), Dec22 = new(2026, 12, 22);

    [Theory, BothDatabases]
    public async Task The_regular_volunteer_is_asked_first_gives_back_one_week_which_another_volunteer_takes_and_ends_it(DatabaseProvider provider)
    {
        var (app, clock) = await RequestSteps.StartAsync(provider);
        await using var _app = app;
        var c = await app.TwoCirclesAsync();
        var (vera, veraId, seriesId, first) = await app.VeraHelpsWithTheFirstAsync(c, new { frequency = "weekly", days = new[] { "tuesday" }, times = 6 });
        var (wim, wimId) = await app.VolunteerAsync("Wim Wijkbewoner");

        var offer = await vera.OfferAsync(first);
        var regularId = offer.GetProperty("id").GetGuid();
        Assert.Equal("offered", offer.GetProperty("status").GetString());
        var told = (await app.NotificationsAsync(c.CoordinatorId)).Single(n => n.Kind == NotificationKind.RegularOffered);
        Assert.Equal("Vera wil vaste vrijwilliger zijn voor ‘Boodschappen bij de supermarkt’", app.DutchTitle(told));
        Assert.Equal($"/circles/{c.CircleId}/regulars/{regularId}", told.Link);
        // A plain member reads it but does not answer for the circle.
        Assert.Equal(HttpStatusCode.Forbidden, (await c.Member.RegularAsync(regularId, "accept")).StatusCode);

        var accepted = await c.Coordinator.AnsweredAsync(regularId, "accept");
        Assert.Equal(3, accepted.GetProperty("handedOver").GetInt32());
        Assert.Equal([(Dec1, RequestStatus.Claimed, veraId), (Dec8, RequestStatus.Claimed, veraId), (Dec15, RequestStatus.Claimed, veraId)],
            (await app.TakenAsync(seriesId)).Skip(1));
        Assert.Contains(await app.NotificationsAsync(veraId), n => n.Kind == NotificationKind.RegularAccepted);

        // The night job makes the next week hers straight away: nobody else is asked about it.
        clock.Now = new DateTimeOffset(2026, 11, 25, 3, 15, 0, TimeSpan.Zero);
        Assert.Equal(1, await app.TopUpSeriesAsync());
        var dec22 = (await app.StoredOccurrencesAsync(seriesId)).Single(r => r.OccurrenceOn == Dec22);
        Assert.Equal((RequestStatus.Claimed, veraId), (dec22.Status, dec22.ClaimedById));
        await app.SweepAsync();
        Assert.Equal(0, await app.AlertsAboutAsync(dec22.Id));

        // The day before, she is asked whether it goes ahead, as any helper is.
        clock.Now = new DateTimeOffset(2026, 11, 30, 9, 1, 0, TimeSpan.Zero);
        await app.PlanAheadAsync();
        await app.DispatchAsync();
        var dec1 = (await app.StoredOccurrencesAsync(seriesId)).Single(r => r.OccurrenceOn == Dec1);
        Assert.Contains(await app.NotificationsAsync(veraId), n => n.Kind == NotificationKind.TaskConfirm && n.Link == $"/help/{dec1.Id}");

        // She cannot come on 8 December: that one week goes out to the neighbourhood, and Wim takes it.
        var dec8 = (await app.StoredOccurrencesAsync(seriesId)).Single(r => r.OccurrenceOn == Dec8);
        // The clock moved days: everyone signs in again.
        (vera, wim) = (await app.LoginAsync(CircleSteps.EmailOf("Vera Vrijwilliger")), await app.LoginAsync(CircleSteps.EmailOf("Wim Wijkbewoner")));
        var carla = await app.LoginAsync(CircleSteps.EmailOf("Carla Coördinator"));
        var giveBack = await vera.ActAsync(dec8.Id, "give-back", new { reason = "Dan ben ik bij mijn dochter." });
        Assert.True(giveBack.IsSuccessStatusCode, await giveBack.Content.ReadAsStringAsync());
        Assert.Equal("neighbourhood", (await carla.DetailsAsync(dec8.Id)).Audience());
        await app.SweepAsync();
        Assert.True(await app.AlertsAboutAsync(dec8.Id) > 0);
        Assert.Equal(HttpStatusCode.OK, (await wim.ActAsync(dec8.Id, "claim")).StatusCode);
        Assert.Equal([(Dec1, veraId), (Dec8, wimId), (Dec15, veraId), (Dec22, veraId)],
            (await app.TakenAsync(seriesId)).Skip(1).Select(t => (t.On, t.Helper)));

        // She ends it: her weeks still to come go out again; Wim keeps his; the circle hears it.
        var ended = await vera.AnsweredAsync(regularId, "end");
        Assert.Equal(3, ended.GetProperty("handedOver").GetInt32());
        Assert.Equal([(Dec1, RequestStatus.Open, null), (Dec8, RequestStatus.Claimed, wimId), (Dec15, RequestStatus.Open, null), (Dec22, RequestStatus.Open, null)],
            (await app.TakenAsync(seriesId)).Skip(1));
        Assert.Contains(await app.NotificationsAsync(c.CoordinatorId), n => n.Kind == NotificationKind.RegularEnded);
        Assert.Equal(HttpStatusCode.Conflict, (await vera.RegularAsync(regularId, "end")).StatusCode);
    }

    [Theory, BothDatabases]
    public async Task Every_tuesday_of_a_tuesday_and_thursday_series_leaves_thursdays_to_others_and_survives_a_change(DatabaseProvider provider)
    {
        var (app, _) = await RequestSteps.StartAsync(provider);
        await using var _app = app;
        var c = await app.TwoCirclesAsync();
        var (vera, veraId) = await app.VolunteerAsync("Vera Vrijwilliger");
        var (wim, _) = await app.VolunteerAsync("Wim Wijkbewoner");
        var seriesId = await c.Coordinator.SeriesAsync(c.CircleId,
            SeriesSteps.Repeating("2026-11-24", new { frequency = "weekly", days = new[] { "tuesday", "thursday" }, untilDate = "2027-02-25" }, "neighbourhood"));
        var made = (await c.Coordinator.GetSeriesAsync(seriesId)).Occurrences();
        Assert.Equal(HttpStatusCode.OK, (await vera.ActAsync(made[0].Id, "claim")).StatusCode); // Tuesday 24
        Assert.Equal(HttpStatusCode.OK, (await wim.ActAsync(made[1].Id, "claim")).StatusCode); // Thursday 26

        var regularId = (await vera.OfferAsync(made[0].Id, "Tuesday")).GetProperty("id").GetGuid();
        await c.Coordinator.AnsweredAsync(regularId, "accept");
        var taken = (await app.TakenAsync(seriesId)).Skip(2).ToArray();
        Assert.All(taken, t => Assert.Equal(t.On.DayOfWeek == DayOfWeek.Tuesday ? veraId : null, t.Helper));

        // Tuesdays are hers: Wim may offer Thursdays, not Tuesdays; a day the series does not have is refused with a Dutch message.
        var tuesdays = await wim.PostAsJsonAsync($"/api/v1/requests/{made[1].Id}/regular", new { days = new[] { "Tuesday" } });
        Assert.Equal(HttpStatusCode.BadRequest, tuesdays.StatusCode);
        Assert.Contains("Er is al een vaste vrijwilliger voor deze dagen.", await tuesdays.Content.ReadAsStringAsync());
        var sunday = await wim.PostAsJsonAsync($"/api/v1/requests/{made[1].Id}/regular", new { days = new[] { "Sunday" } });
        Assert.Contains("Kies alleen dagen waarop deze hulpvraag terugkomt.", await sunday.Content.ReadAsStringAsync());
        await wim.OfferAsync(made[1].Id, "Thursday");

        // The circle moves the series to the afternoon from 8 December: Vera stays the regular of the new series' Tuesdays.
        var afternoon = RequestSteps.Shopping("neighbourhood");
        (afternoon["from"], afternoon["until"]) = ("14:00", "16:00");
        var response = await c.Coordinator.PostAsJsonAsync($"/api/v1/series/{seriesId}/change", new { from = "2026-12-08", request = afternoon });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        var next = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("series").GetProperty("id").GetGuid();
        var moved = await vera.GetFromJsonAsync<JsonElement>($"/api/v1/regulars/{regularId}");
        Assert.Equal(next, moved.GetProperty("seriesId").GetGuid());
        var nextTaken = await app.TakenAsync(next);
        Assert.NotEmpty(nextTaken);
        Assert.All(nextTaken, t => Assert.Equal(t.On.DayOfWeek == DayOfWeek.Tuesday ? veraId : null, t.Helper));
    }

    [Theory, BothDatabases]
    public async Task Strangers_and_other_volunteers_get_the_answer_of_an_arrangement_that_does_not_exist(DatabaseProvider provider)
    {
        var (app, _) = await RequestSteps.StartAsync(provider);
        await using var _app = app;
        var c = await app.TwoCirclesAsync();
        var (vera, _, _, first) = await app.VeraHelpsWithTheFirstAsync(c, new { frequency = "weekly", days = new[] { "tuesday" }, times = 3 });
        var (wim, _) = await app.VolunteerAsync("Wim Wijkbewoner");
        var regularId = (await vera.OfferAsync(first)).GetProperty("id").GetGuid();
        var madeUp = Guid.NewGuid();

        foreach (var outsider in new[] { wim, c.Stranger })
        {
            // Offering on someone else's occurrence: as for a request that does not exist.
            var offer = await outsider.PostAsJsonAsync($"/api/v1/requests/{first}/regular", new { days = Array.Empty<string>() });
            var offerMadeUp = await outsider.PostAsJsonAsync($"/api/v1/requests/{madeUp}/regular", new { days = Array.Empty<string>() });
            Assert.Equal((HttpStatusCode.NotFound, await DetailAsync(offerMadeUp)), (offer.StatusCode, await DetailAsync(offer)));
            foreach (var (method, path) in new[] { ("GET", ""), ("POST", "/accept"), ("POST", "/decline"), ("POST", "/end") })
            {
                var real = await SendAsync(outsider, method, $"/api/v1/regulars/{regularId}{path}");
                var fake = await SendAsync(outsider, method, $"/api/v1/regulars/{madeUp}{path}");
                Assert.Equal(HttpStatusCode.NotFound, real.StatusCode);
                Assert.Equal(await DetailAsync(fake), await DetailAsync(real));
            }
            Assert.Empty((await outsider.GetFromJsonAsync<JsonElement>("/api/v1/me/regulars")).EnumerateArray());
        }
    }

    [Theory, BothDatabases]
    public async Task The_circles_page_of_an_offer_links_to_the_series_page_which_names_the_regular_volunteer(DatabaseProvider provider)
    {
        var (app, _) = await RequestSteps.StartAsync(provider);
        await using var _app = app;
        var c = await app.TwoCirclesAsync();
        var (vera, _) = await app.VolunteerAsync("Vera Vrijwilliger");
        var seriesId = await c.Coordinator.SeriesAsync(c.CircleId,
            SeriesSteps.Repeating("2026-11-24", new { frequency = "weekly", days = new[] { "tuesday" }, times = 3 }, "neighbourhood"));
        var first = (await c.Coordinator.GetSeriesAsync(seriesId)).Occurrences()[0].Id;
        Assert.Equal(HttpStatusCode.OK, (await vera.ActAsync(first, "claim")).StatusCode);
        var regularId = (await vera.OfferAsync(first)).GetProperty("id").GetGuid();

        using var carla = await app.BrowserAsync("Carla Coördinator");
        var page = await carla.GetStringAsync($"/circles/{c.CircleId}/regulars/{regularId}");
        var series = $"/circles/{c.CircleId}/series/{seriesId}";
        Assert.Contains($"<a href=\"{series}\">", page);
        Assert.Contains("Vera Vrijwilliger biedt aan dit vast te doen (alle keren).", await carla.PageAsync(series));
    }

    private static async Task<string?> DetailAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString();

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, string method, string path) =>
        method == "GET" ? client.GetAsync(path) : client.PostAsJsonAsync(path, new { });
}
