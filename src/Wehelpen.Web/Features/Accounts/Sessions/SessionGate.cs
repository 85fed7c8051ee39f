using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Wehelpen.Web.Data;
using Wehelpen.Web.Platform.Cluster;

namespace Wehelpen.Web.Features.Accounts.Sessions;

/// <summary>
/// Whether the session behind a cookie, a token or a hub connection is still open: asked on every request, answered
/// from this node's memory when the database was asked less than <see cref="CheckInterval"/> ago. A session ended on
/// this node is closed here at once and the other nodes are told over the bus; should that message be lost, the
/// other nodes still see it within <see cref="CheckInterval"/>. A closed session never opens again, so that answer
/// is kept. The last request seen is written at most every <see cref="LastSeenInterval"/> per session and node.
/// </summary>
public sealed class SessionGate
{
    public static readonly TimeSpan CheckInterval = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan LastSeenInterval = TimeSpan.FromMinutes(5);

    private const string Channel = "sessions-ended";
    private const int SweepAbove = 10_000;

    private readonly ConcurrentDictionary<Guid, Entry> _entries = new();
    private readonly IServiceScopeFactory _scopes;
    private readonly TimeProvider _clock;
    private readonly IClusterBus _bus;

    private sealed record Entry(string? UserId, bool Open, DateTimeOffset CheckedAt, DateTimeOffset LastSeenAt);

    public SessionGate(IServiceScopeFactory scopes, TimeProvider clock, IClusterBus bus)
    {
        (_scopes, _clock, _bus) = (scopes, clock, bus);
        bus.Subscribe(Channel, payload =>
        {
            Close([.. payload.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Guid.Parse)]);
            return Task.CompletedTask;
        });
    }

    /// <summary>Sessions that were ended, here or on another node: their live connections on this node are closed.</summary>
    public event Action<IReadOnlyCollection<Guid>>? Ended;

    /// <summary>False for a principal without a session (made before sessions were kept), or one of someone else.</summary>
    public async Task<bool> IsOpenAsync(ClaimsPrincipal principal, CancellationToken ct)
    {
        if (principal.SessionId() is not { } id || principal.FindFirstValue(ClaimTypes.NameIdentifier) is not { } userId) return false;
        var now = _clock.GetUtcNow();
        if (!_entries.TryGetValue(id, out var entry) || (entry.Open && now - entry.CheckedAt >= CheckInterval))
            entry = await ReadAsync(id, now, ct);
        if (!entry.Open || entry.UserId != userId) return false;
        if (now - entry.LastSeenAt >= LastSeenInterval) await SeenAsync(id, entry, now, ct);
        return true;
    }

    /// <summary>After sessions were ended in the database: closed on this node now, and on the others as soon as they hear.</summary>
    public async Task EndedAsync(IReadOnlyCollection<Guid> ids)
    {
        if (ids.Count == 0) return;
        Close(ids);
        await _bus.PublishAsync(Channel, string.Join(',', ids));
    }

    private void Close(IReadOnlyCollection<Guid> ids)
    {
        var now = _clock.GetUtcNow();
        foreach (var id in ids) _entries[id] = new Entry(null, false, now, now);
        Ended?.Invoke(ids);
    }

    private async Task<Entry> ReadAsync(Guid id, DateTimeOffset now, CancellationToken ct)
    {
        await using var scope = _scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WehelpenDbContext>();
        var row = await db.Set<AccountSession>().AsNoTracking().Where(s => s.Id == id)
            .Select(s => new { s.UserId, s.EndedAt, s.LastSeenAt }).SingleOrDefaultAsync(ct);
        var entry = row is { EndedAt: null }
            ? new Entry(row.UserId, true, now, row.LastSeenAt)
            : new Entry(null, false, now, now);
        Sweep(now);
        _entries[id] = entry;
        return entry;
    }

    private async Task SeenAsync(Guid id, Entry entry, DateTimeOffset now, CancellationToken ct)
    {
        // Before the write: the requests that follow at once need not write too.
        _entries.TryUpdate(id, entry with { LastSeenAt = now }, entry);
        await using var scope = _scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WehelpenDbContext>();
        await db.Set<AccountSession>().Where(s => s.Id == id && s.EndedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.LastSeenAt, now), ct);
    }

    /// <summary>Keeps memory bounded: what is past its interval would be read again anyway.</summary>
    private void Sweep(DateTimeOffset now)
    {
        if (_entries.Count < SweepAbove) return;
        foreach (var (id, entry) in _entries)
            if (now - entry.CheckedAt >= CheckInterval) _entries.TryRemove(id, out _);
    }
}
