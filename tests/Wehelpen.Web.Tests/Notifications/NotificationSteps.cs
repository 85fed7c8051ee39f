using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Wehelpen.Web.Features.Notifications;
using Wehelpen.Web.Features.Reminders;
using Wehelpen.Web.Tests.Agenda;
using Wehelpen.Web.Tests.Circles;
using Wehelpen.Web.Tests.Requests;

namespace Wehelpen.Web.Tests.Notifications;

/// <summary>
/// Notifications made the way the app makes them: an appointment is planned, the clock moves to its reminder, and
/// the dispatcher (what the scheduler runs) turns the reminder into a notification.
/// </summary>
public static class NotificationSteps
{
    public const string Api = "/api/v1/notifications";

    /// <summary>Rita Rozenboom, with a circle around herself: as its hoofdpersoon she is reminded of every appointment in it.</summary>
    public static async Task<(HttpClient Client, string UserId, Guid CircleId)> ResidentAsync(this WehelpenApplication app, string name = "Rita Rozenboom")
    {
        var (client, id) = await app.PersonAsync(name, "resident");
        return (client, id, await client.CreateCircleAsync(name, forMyself: true));
    }

    /// <summary>
    /// An appointment today (<see cref="RequestSteps.Now"/> is 10:00 in Amsterdam) at <paramref name="start"/>: with the
    /// default settings its one reminder falls due two hours before.
    /// </summary>
    public static async Task<Guid> AppointmentTodayAsync(this HttpClient client, Guid circleId, string title, string start, string end)
    {
        return await client.PlannedIdAsync(circleId, new { title, date = "2026-11-23", startTime = start, endTime = end, allowOverlap = true });
    }

    /// <summary>Moves the clock to <paramref name="utc"/> (on <see cref="RequestSteps.Now"/>'s day) and runs the dispatcher as the scheduler would.</summary>
    public static async Task<int> DispatchAtAsync(this WehelpenApplication app, TestClock clock, TimeOnly utc)
    {
        clock.Now = new DateTimeOffset(DateOnly.FromDateTime(RequestSteps.Now.UtcDateTime), utc, TimeSpan.Zero);
        return await app.DispatchAsync();
    }

    public static async Task<int> DispatchAsync(this WehelpenApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<ReminderDispatcher>().DispatchDueAsync(CancellationToken.None)).Sent;
    }

    /// <summary>Sends the mail of the notifications, as the outbox job does.</summary>
    public static async Task<int> SendMailAsync(this WehelpenApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<NotificationMailer>().SendPendingAsync(CancellationToken.None);
    }

    public static async Task<JsonElement> ListAsync(this HttpClient client, string query = "")
    {
        var response = await client.GetAsync(Api + query);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static JsonElement[] Items(this JsonElement page) => page.GetProperty("items").EnumerateArray().ToArray();

    public static string[] Titles(this JsonElement page) => page.Items().Select(i => i.GetProperty("title").GetString()!).ToArray();

    public static int Unread(this JsonElement body) => body.GetProperty("unread").GetInt32();

    public static async Task<int> UnreadCountAsync(this HttpClient client) =>
        (await client.GetFromJsonAsync<JsonElement>($"{Api}/unread-count")).Unread();

    public static async Task<Notification[]> NotificationsOfAsync(this WehelpenApplication app, string userId) =>
        await app.QueryAsync(db => Task.FromResult(db.Set<Notification>().Where(n => n.UserId == userId).ToArray()));
}
