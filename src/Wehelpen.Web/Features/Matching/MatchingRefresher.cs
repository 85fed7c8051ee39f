using System.Text.Json;
using Wehelpen.Web.Platform.Cluster;

namespace Wehelpen.Web.Features.Matching;

/// <summary>The volunteers and requests a save changed: matching reads these again once the save is committed.</summary>
internal sealed class MatchingChanges
{
    public HashSet<string> Volunteers { get; init; } = new(StringComparer.Ordinal);
    public HashSet<Guid> Requests { get; init; } = [];

    public bool IsEmpty => Volunteers.Count == 0 && Requests.Count == 0;
}

/// <summary>
/// Brings the engine up to date with the database, one refresh at a time: each reads the database after the
/// previous one finished, so a later refresh always reads later data and no older read overwrites a newer one.
/// Refreshes read through their own scope, never through the DbContext of whoever saved. With several nodes, each
/// node's engine is kept current the same way: a node that saved a change tells the others over the cluster bus which
/// volunteers and requests to read again, and a node that may have missed such news reads everything again.
/// </summary>
public sealed class MatchingRefresher
{
    private const string Channel = "matching";
    private readonly SemaphoreSlim _turn = new(1, 1);
    private readonly IServiceScopeFactory scopes;
    private readonly IClusterBus bus;
    private readonly ILogger<MatchingRefresher> logger;

    public MatchingRefresher(IServiceScopeFactory scopes, IClusterBus bus, ILogger<MatchingRefresher> logger)
    {
        (this.scopes, this.bus, this.logger) = (scopes, bus, logger);
        bus.Subscribe(Channel, payload => ApplyAsync(JsonSerializer.Deserialize<MatchingChanges>(payload) ?? new MatchingChanges()));
        bus.OnMissedMessages(() => LoadAllAsync(CancellationToken.None));
    }

    /// <summary>Set when a refresh failed: the next one loads everything again instead of guessing what it missed.</summary>
    private bool _outOfDate;

    public async Task LoadAllAsync(CancellationToken ct)
    {
        await _turn.WaitAsync(ct);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<MatchingStore>().LoadAllAsync(ct);
            _outOfDate = false;
        }
        finally
        {
            _turn.Release();
        }
    }

    /// <summary>
    /// Called by the feature that saved, once its save is committed (an explicit call after the save, as for the
    /// live news and the reminders): these volunteers and requests are read again, here and on the other nodes.
    /// Awaited by the caller, so whoever changed something sees it in their very next query. Never fails the save
    /// that caused it: that save is committed. A failure is logged, and the next refresh reloads everything.
    /// </summary>
    public Task ChangedAsync(IEnumerable<string>? volunteers = null, IEnumerable<Guid>? requests = null)
    {
        var changes = new MatchingChanges();
        if (volunteers is not null) changes.Volunteers.UnionWith(volunteers);
        if (requests is not null) changes.Requests.UnionWith(requests);
        return RefreshAsync(changes);
    }

    private async Task RefreshAsync(MatchingChanges changes)
    {
        if (changes.IsEmpty) return;
        await ApplyAsync(changes);
        await bus.PublishAsync(Channel, JsonSerializer.Serialize(changes));
    }

    private async Task ApplyAsync(MatchingChanges changes)
    {
        if (changes.IsEmpty) return;
        // Whoever saved has already been told it worked; their cancellation no longer applies to this.
        var ct = CancellationToken.None;
        await _turn.WaitAsync(ct);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var store = scope.ServiceProvider.GetRequiredService<MatchingStore>();
            if (_outOfDate)
            {
                await store.LoadAllAsync(ct);
                _outOfDate = false;
            }
            else
            {
                await store.RefreshVolunteersAsync(changes.Volunteers, ct);
                await store.RefreshRequestsAsync(changes.Requests, ct);
            }
        }
        catch (Exception e)
        {
            _outOfDate = true;
            logger.LogError(e, "Matching could not take in a change of {Volunteers} volunteers and {Requests} requests; the next change reloads everything.",
                changes.Volunteers.Count, changes.Requests.Count);
        }
        finally
        {
            _turn.Release();
        }
    }
}
