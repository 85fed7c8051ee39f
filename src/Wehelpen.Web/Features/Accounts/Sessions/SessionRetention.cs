using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Wehelpen.Web.Data;
using Wehelpen.Web.Platform.PersonalData;

namespace Wehelpen.Web.Features.Accounts.Sessions;

/// <summary>
/// Sessions are deleted <see cref="RetentionOptions.EndedSessionDays"/> after they ended, or after they timed out
/// unused (<see cref="SessionStore.IdleLimit"/> after they were last seen), with their refresh tokens.
/// </summary>
internal sealed class EndedSessionRetention(WehelpenDbContext db, IOptions<RetentionOptions> options) : IRetentionRule
{
    public string Name => "sessions";

    public async Task<int> ApplyAsync(DateTimeOffset now, CancellationToken ct)
    {
        if (RetentionPeriod.Cutoff(now, options.Value.EndedSessionDays) is not { } cutoff) return 0;
        var unused = cutoff - SessionStore.IdleLimit;
        var due = db.Set<AccountSession>().Where(s => s.EndedAt < cutoff || (s.EndedAt == null && s.LastSeenAt < unused));
        await db.Set<RefreshToken>().Where(t => due.Any(s => s.Id == t.SessionId)).ExecuteDeleteAsync(ct);
        return await due.ExecuteDeleteAsync(ct);
    }
}

/// <summary>A refresh token is deleted when it expires: after that it is good for nothing, not even to tell reuse.</summary>
internal sealed class ExpiredRefreshTokenRetention(WehelpenDbContext db) : IRetentionRule
{
    public string Name => "refresh-tokens";

    public Task<int> ApplyAsync(DateTimeOffset now, CancellationToken ct) =>
        db.Set<RefreshToken>().Where(t => t.ExpiresAt < now).ExecuteDeleteAsync(ct);
}
