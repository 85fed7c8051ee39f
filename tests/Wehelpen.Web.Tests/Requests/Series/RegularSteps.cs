using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Wehelpen.Web.Features.Requests;
using Wehelpen.Web.Features.Requests.Matching;
using Wehelpen.Web.Tests.Circles;

namespace Wehelpen.Web.Tests.Requests.Series;

/// <summary>A regular volunteer offered, answered and ended through the API; what each occurrence is now, from the database.</summary>
public static class RegularSteps
{
    /// <summary>The circle asks the neighbourhood for shopping from Tuesday 24 November, as <paramref name="repeat"/> says; Vera takes the first occurrence.</summary>
    public sealed record VeraHelps(HttpClient Vera, string VeraId, Guid SeriesId, Guid First);

    public static async Task<VeraHelps> VeraHelpsWithTheFirstAsync(this WehelpenApplication app, TwoCircles c, object repeat)
    {
        var (vera, veraId) = await app.VolunteerAsync("Vera Vrijwilliger");
        var seriesId = await c.Coordinator.SeriesAsync(c.CircleId, SeriesSteps.Repeating("2026-11-24", repeat, "neighbourhood"));
        var first = (await c.Coordinator.GetSeriesAsync(seriesId)).Occurrences()[0].Id;
        Assert.Equal(HttpStatusCode.OK, (await vera.ActAsync(first, "claim")).StatusCode);
        return new VeraHelps(vera, veraId, seriesId, first);
    }

    public static async Task<JsonElement> OfferAsync(this HttpClient volunteer, Guid requestId, params string[] days)
    {
        var response = await volunteer.PostAsJsonAsync($"/api/v1/requests/{requestId}/regular", new { days });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static Task<HttpResponseMessage> RegularAsync(this HttpClient client, Guid regularId, string action) =>
        client.PostAsJsonAsync($"/api/v1/regulars/{regularId}/{action}", new { });

    public static async Task<JsonElement> AnsweredAsync(this HttpClient client, Guid regularId, string action)
    {
        var response = await client.RegularAsync(regularId, action);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>Each occurrence of the series: its date, status and helper, oldest first.</summary>
    public static async Task<(DateOnly On, RequestStatus Status, string? Helper)[]> TakenAsync(this WehelpenApplication app, Guid seriesId) =>
        (await app.StoredOccurrencesAsync(seriesId)).Select(r => (r.OccurrenceOn!.Value, r.Status, r.ClaimedById)).ToArray();

    public static Task<int> AlertsAboutAsync(this WehelpenApplication app, Guid requestId) =>
        app.QueryAsync(db => db.Set<RequestAlert>().CountAsync(a => a.RequestId == requestId));
}
