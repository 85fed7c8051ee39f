using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Wehelpen.Web.Tests.Circles;
using Wehelpen.Web.Tests.Requests;

namespace Wehelpen.Web.Tests.Thanks;

/// <summary>A request of the circle that a volunteer nearby took on and did: what can be thanked for.</summary>
public static class ThanksSteps
{
    public static string Api(Guid requestId) => $"/api/v1/requests/{requestId}/thanks";

    public static string Form(Guid circleId, Guid requestId) => $"/circles/{circleId}/requests/{requestId}/thanks";

    /// <summary>Posted by <paramref name="asker"/>, taken on and marked done by <paramref name="volunteer"/>.</summary>
    public static async Task<Guid> DoneRequestAsync(this HttpClient asker, Guid circleId, HttpClient volunteer, Dictionary<string, object?>? request = null)
    {
        var requestId = await asker.PostedIdAsync(circleId, request);
        Assert.Equal(HttpStatusCode.OK, (await volunteer.ActAsync(requestId, "claim")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await volunteer.ActAsync(requestId, "done")).StatusCode);
        return requestId;
    }

    public static Task<HttpResponseMessage> ThankAsync(this HttpClient writer, Guid requestId, string? note) =>
        writer.PutAsJsonAsync(Api(requestId), new { note });

    public static async Task<JsonElement> ThankedAsync(this HttpClient writer, Guid requestId, string note)
    {
        var response = await writer.ThankAsync(requestId, note);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
