using System.Text.Json;
using Wehelpen.Benchmarks.Live;
using Wehelpen.LiveClient;

namespace Wehelpen.Benchmarks.Reminders;

/// <summary>A notification event as a person's open tab got it: which notification, and the wall-clock moment it arrived.</summary>
internal readonly record struct HubArrival(Guid NotificationId, string UserId, DateTimeOffset At);

/// <summary>
/// A sample of people as they would see their reminders: logged in through the app's own login API and each with one
/// hub connection (tests/Wehelpen.LiveClient), recording every "notification" event with the time it arrived. The
/// wall clock is the one the app stamps DueAt with (same machine), so arrival − DueAt is the lateness a person sees.
/// </summary>
internal sealed class HubListeners : IAsyncDisposable
{
    private const int ConnectingAtOnce = 32;

    private readonly List<LiveHubClient> _clients = [];
    private readonly List<HubArrival> _arrivals = [];
    private readonly Lock _lock = new();

    public int Connected => _clients.Count;
    public int StillConnected => _clients.Count(c => c.IsConnected);

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
            var options = new LiveHubClientOptions { QueueEvents = false, OnEvent = (target, arguments) => listeners.OnEvent(person.UserId, target, arguments) };
            var client = await LiveHubClient.ConnectAsync(hub, socket => socket.SetRequestHeader("Authorization", $"Bearer {tokens[person.Index]}"), options, token);
            lock (listeners._lock) listeners._clients.Add(client);
            // Answered: the hub has counted this person online, so the announcer sends to them.
            await client.InvokeAsync("UnreadCounts", [], token);
        });
        return listeners;
    }

    public async ValueTask DisposeAsync() => await Task.WhenAll(_clients.Select(c => c.DisposeAsync().AsTask()));

    /// <summary>On the connection's receive loop: must be cheap and must not throw.</summary>
    private void OnEvent(string userId, string target, JsonElement[] arguments)
    {
        if (target != "notification") return;
        var at = DateTimeOffset.UtcNow;
        if (arguments.Length == 0 || !arguments[0].TryGetProperty("id", out var id) || !id.TryGetGuid(out var notificationId)) return;
        lock (_lock) _arrivals.Add(new HubArrival(notificationId, userId, at));
    }
}
