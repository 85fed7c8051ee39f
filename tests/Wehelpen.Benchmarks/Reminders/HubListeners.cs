using System.Text.Json;
using Wehelpen.Benchmarks.Live;
using Microsoft.AspNetCore.SignalR.Client;

namespace Wehelpen.Benchmarks.Reminders;

/// <summary>A notification event as a person's open tab got it: which notification, and the wall-clock moment it arrived.</summary>
internal readonly record struct HubArrival(Guid NotificationId, string UserId, DateTimeOffset At);

/// <summary>
/// A sample of people as they would see their reminders: logged in through the app's own login API and each with one
/// hub connection (the official SignalR client), recording every "notification" event with the time it arrived. The
/// wall clock is the one the app stamps DueAt with (same machine), so arrival − DueAt is the lateness a person sees.
/// </summary>
internal sealed class HubListeners : IAsyncDisposable
{
    private const int ConnectingAtOnce = 32;

    private readonly List<HubConnection> _clients = [];
    private readonly List<HubArrival> _arrivals = [];
    private readonly Lock _lock = new();

    public int Connected => _clients.Count;
    public int StillConnected => _clients.Count(c => c.State == HubConnectionState.Connected);

    public IReadOnlyList<HubArrival> Arrivals
    {
        get { lock (_lock) return [.. _arrivals]; }
    }

    public static async Task<HubListeners> ConnectAsync(AppUnderTest app, IReadOnlyList<LoadPerson> people, CancellationToken ct)
    {
        var listeners = new HubListeners();
        if (people.Count == 0) return listeners;
        var tokens = new string[people.Max(p => p.Index) + 1];
        await Logins.LogInAsync(app.BaseAddress, people, tokens, ct);
        var hub = new UriBuilder(app.BaseAddress) { Scheme = "ws", Path = "/hubs/live" }.Uri;
        await Parallel.ForEachAsync(people, new ParallelOptions { MaxDegreeOfParallelism = ConnectingAtOnce, CancellationToken = ct }, async (person, token) =>
        {
            var client = LoadHub.Create(hub, tokens[person.Index]);
            client.On<JsonElement>("notification", notification => listeners.OnNotification(person.UserId, notification));
            lock (listeners._lock) listeners._clients.Add(client);
            await client.StartAsync(token);
            // Answered: the hub has counted this person online, so the announcer sends to them.
            await client.InvokeAsync("UnreadCounts", token);
        });
        return listeners;
    }

    public async ValueTask DisposeAsync() => await Task.WhenAll(_clients.Select(c => c.DisposeAsync().AsTask()));

    /// <summary>Called by the client for each notification, in the order they came: must be cheap.</summary>
    private void OnNotification(string userId, JsonElement notification)
    {
        var at = DateTimeOffset.UtcNow;
        if (!notification.TryGetProperty("id", out var id) || !id.TryGetGuid(out var notificationId)) return;
        lock (_lock) _arrivals.Add(new HubArrival(notificationId, userId, at));
    }
}
