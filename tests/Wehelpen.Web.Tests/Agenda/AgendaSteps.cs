using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Wehelpen.Web.Tests.Circles;

namespace Wehelpen.Web.Tests.Agenda;

/// <summary>Appointments planned through the API, as the app's users would, in an app whose clock stands still.</summary>
public static class AgendaSteps
{
    /// <summary>Sunday 1 March 2026, 10:00 in Amsterdam: both daylight-saving changes of 2026 are still ahead.</summary>
    public static readonly DateTimeOffset Now = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    public static Task<WehelpenApplication> StartAsync(DatabaseProvider provider, DateTimeOffset? now = null) =>
        WehelpenApplication.StartAsync(provider, services: s => s.AddSingleton<TimeProvider>(new TestClock(now ?? Now)));

    /// <summary>Carla Coördinator and the circle she made for Jan de Vries.</summary>
    public static async Task<(HttpClient Carer, Guid CircleId)> CarerWithCircleAsync(this WehelpenApplication app)
    {
        var (carer, _) = await app.PersonAsync("Carla Coördinator");
        return (carer, await carer.CreateCircleAsync());
    }

    public static string Agenda(Guid circleId) => $"/api/v1/circles/{circleId}/agenda";

    public static Task<HttpResponseMessage> PlanAsync(this HttpClient client, Guid circleId, object appointment) =>
        client.PostAsJsonAsync(Agenda(circleId), appointment);

    /// <summary>Plans an appointment that must be accepted; returns it as the API describes it.</summary>
    public static async Task<JsonElement> PlannedAsync(this HttpClient client, Guid circleId, object appointment)
    {
        var response = await client.PlanAsync(circleId, appointment);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static async Task<Guid> PlannedIdAsync(this HttpClient client, Guid circleId, object appointment) =>
        (await client.PlannedAsync(circleId, appointment)).GetProperty("id").GetGuid();

    /// <summary>The occurrences from one date to another, both inclusive.</summary>
    public static async Task<JsonElement[]> OccurrencesAsync(this HttpClient client, Guid circleId, string from, string to)
    {
        var response = await client.GetAsync($"{Agenda(circleId)}?from={from}&to={to}");
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("occurrences").EnumerateArray().ToArray();
    }

    public static string GoingAlong(Guid circleId, Guid appointmentId, string date) =>
        $"{Agenda(circleId)}/{appointmentId}/occurrences/{date}/going-along";

    public static DateTimeOffset Moment(this JsonElement element, string property) => element.GetProperty(property).GetDateTimeOffset();
}
