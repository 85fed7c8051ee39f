using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Wehelpen.Benchmarks.Live;

namespace Wehelpen.Benchmarks.Alerts;

/// <summary>
/// One hub connection per volunteer (the official client, as <see cref="LoadHub"/> opens them, bearer in the upgrade),
/// listening for the app's <c>alert</c> event (RequestEvents.Alert, as live.js names it): the first arrival of each
/// request's alert at any of them is kept, as a Stopwatch timestamp. Other events (nearby changes, presence, unread)
/// have no handler and are dropped unread.
/// </summary>
internal sealed class AlertListeners : IAsyncDisposable
{
    private const int OpenAtOnce = 16;

    private readonly ConcurrentDictionary<Guid, long> _first = new();
    private readonly List<HubConnection> _hubs = [];
    private int _alerts;
    private int _unreadable;

    /// <summary>Every alert that arrived, at any connection: a wave asks up to ten.</summary>
    public int Alerts => Volatile.Read(ref _alerts);

    /// <summary>Alerts without a request id where the app puts it: should stay 0.</summary>
    public int Unreadable => Volatile.Read(ref _unreadable);

    public int Closed => _hubs.Count(h => h.State != HubConnectionState.Connected);

    public bool Arrived(Guid requestId, out long timestamp) => _first.TryGetValue(requestId, out timestamp);

    /// <summary>Opens them all; each counts as online once its first call is answered (the app has registered it).</summary>
    public async Task OpenAsync(Uri hub, IReadOnlyList<string> tokens, CancellationToken ct)
    {
        var hubs = tokens.Select(token =>
        {
            var connection = LoadHub.Create(hub, token);
            connection.On<JsonElement>("alert", OnAlert);
            return connection;
        }).ToList();
        _hubs.AddRange(hubs);
        await Parallel.ForEachAsync(hubs, new ParallelOptions { MaxDegreeOfParallelism = OpenAtOnce, CancellationToken = ct }, async (connection, token) =>
        {
            await connection.StartAsync(token);
            await connection.InvokeAsync("UnreadCounts", token);
        });
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var hub in _hubs) await hub.DisposeAsync();
    }

    /// <summary>LiveAlert as the hub sends it: { request: { id, ... }, reasons, card }.</summary>
    private void OnAlert(JsonElement alert)
    {
        var arrived = Stopwatch.GetTimestamp();
        Interlocked.Increment(ref _alerts);
        if (alert.TryGetProperty("request", out var request) && request.TryGetProperty("id", out var id) && id.TryGetGuid(out var requestId))
            _first.AddOrUpdate(requestId, arrived, (_, earlier) => Math.Min(earlier, arrived));
        else
            Interlocked.Increment(ref _unreadable);
    }
}
