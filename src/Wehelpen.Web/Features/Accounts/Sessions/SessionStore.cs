using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Wehelpen.Web.Data;

namespace Wehelpen.Web.Features.Accounts.Sessions;

/// <summary>Starting, listing and ending a person's sessions. Ending one tells the <see cref="SessionGate"/> of every node.</summary>
public sealed class SessionStore(WehelpenDbContext db, TimeProvider clock, SessionGate gate)
{
    /// <summary>
    /// A session nobody used for this long is over: the login cookie (sliding) and an app's refresh token last as long.
    /// It is not shown in the list any more, and the retention rule counts it as ended then.
    /// </summary>
    public static readonly TimeSpan IdleLimit = TimeSpan.FromDays(14);

    public async Task<Guid> StartAsync(string userId, SessionKind kind, string? userAgent, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var (browser, system) = DeviceSummary.Of(userAgent);
        var session = new AccountSession
        {
            UserId = userId, Kind = kind, Browser = browser, System = system, CreatedAt = now, LastSeenAt = now,
        };
        db.Add(session);
        await db.SaveChangesAsync(ct);
        db.Entry(session).State = EntityState.Detached;
        return session.Id;
    }

    /// <summary>The person's open sessions, the most recently used first.</summary>
    public async Task<IReadOnlyList<AccountSession>> OpenAsync(string userId, CancellationToken ct)
    {
        var since = clock.GetUtcNow() - IdleLimit;
        return await db.Set<AccountSession>().AsNoTracking()
            .Where(s => s.UserId == userId && s.EndedAt == null && s.LastSeenAt > since)
            .OrderByDescending(s => s.LastSeenAt).ThenByDescending(s => s.CreatedAt)
            .ToListAsync(ct);
    }

    /// <summary>Ends one open session of this person; false when they have no such open session.</summary>
    public async Task<bool> EndAsync(string userId, Guid sessionId, SessionEnd reason, CancellationToken ct = default) =>
        await EndWhereAsync(s => s.UserId == userId && s.Id == sessionId, reason, ct) > 0;

    /// <summary>Ends every open session of this person, but <paramref name="except"/>; how many.</summary>
    public Task<int> EndAllAsync(string userId, SessionEnd reason, Guid? except = null, CancellationToken ct = default) =>
        except is { } keep
            ? EndWhereAsync(s => s.UserId == userId && s.Id != keep, reason, ct)
            : EndWhereAsync(s => s.UserId == userId, reason, ct);

    private async Task<int> EndWhereAsync(Expression<Func<AccountSession, bool>> which, SessionEnd reason, CancellationToken ct)
    {
        var sessions = db.Set<AccountSession>();
        var ids = await sessions.Where(which).Where(s => s.EndedAt == null).Select(s => s.Id).ToListAsync(ct);
        if (ids.Count == 0) return 0;
        var now = clock.GetUtcNow();
        await sessions.Where(s => ids.Contains(s.Id) && s.EndedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.EndedAt, now).SetProperty(x => x.EndReason, reason), ct);
        // An ended session keeps no secret: its refresh tokens go at once.
        await db.Set<RefreshToken>().Where(t => ids.Contains(t.SessionId)).ExecuteDeleteAsync(ct);
        await gate.EndedAsync(ids);
        return ids.Count;
    }
}
