using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Wehelpen.Web.Data;
using Wehelpen.Web.Features.Requests;
using Wehelpen.Web.Features.Requests.Series;

namespace Wehelpen.Web.Tests.Requests.Series;

/// <summary>Series started, read, changed and stopped through the API; their occurrences read from the database after the clock moved.</summary>
public static class SeriesSteps
{
    /// <summary>Shopping from <paramref name="date"/>, 10:00-12:00, for the circle, repeating as <paramref name="repeat"/> says.</summary>
    public static Dictionary<string, object?> Repeating(string date, object repeat, string audience = "circle")
    {
        var body = RequestSteps.Shopping(audience);
        body["date"] = date;
        body["repeat"] = repeat;
        return body;
    }

    /// <summary>Posts the first occurrence; returns the series' id.</summary>
    public static async Task<Guid> SeriesAsync(this HttpClient client, Guid circleId, Dictionary<string, object?> body)
    {
        var first = await client.PostedAsync(circleId, body);
        return first.GetProperty("seriesId").GetGuid();
    }

    public static async Task<JsonElement> GetSeriesAsync(this HttpClient client, Guid seriesId)
    {
        var response = await client.GetAsync($"/api/v1/series/{seriesId}");
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>The occurrences: date, status and id, oldest first.</summary>
    public static (string On, string Status, Guid Id)[] Occurrences(this JsonElement series) =>
        series.GetProperty("occurrences").EnumerateArray()
            .Select(o => (o.GetProperty("on").GetString()!, o.GetProperty("status").GetString()!, o.GetProperty("requestId").GetGuid())).ToArray();

    public static async Task<int> TopUpSeriesAsync(this WehelpenApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SeriesOccurrences>().TopUpAsync(null, CancellationToken.None);
    }

    /// <summary>A series' occurrences straight from the database (bearer tokens do not outlive a clock moved by days).</summary>
    public static async Task<List<HelpRequest>> StoredOccurrencesAsync(this WehelpenApplication app, Guid seriesId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WehelpenDbContext>();
        return (await db.Set<HelpRequest>().AsNoTracking().Where(r => r.SeriesId == seriesId).ToListAsync()).OrderBy(r => r.OccurrenceOn).ToList();
    }
}
