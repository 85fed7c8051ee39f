using Microsoft.EntityFrameworkCore;
using Wehelpen.Web.Data;

namespace Wehelpen.Web.Features.Accounts.Sessions;

/// <summary>An app's session that a refresh token was good for.</summary>
public sealed record AppSession(Guid Id, string UserId);

/// <summary>
/// The refresh tokens of apps (docs/decisions/app-tokens.md): opaque, random, stored hashed, good once. A token
/// used a second time means two parties hold the session's tokens: the whole session ends, and it is logged.
/// </summary>
public sealed class AppTokens(WehelpenDbContext db, TimeProvider clock, SessionStore sessions, ILogger<AppTokens> logger)
{
    /// <summary>A new refresh token for the session; the caller hands it to the app once.</summary>
    public async Task<string> IssueAsync(Guid sessionId, TimeSpan lifetime, CancellationToken ct)
    {
        var token = RefreshToken.NewToken();
        var now = clock.GetUtcNow();
        var row = new RefreshToken { SessionId = sessionId, TokenHash = RefreshToken.Hash(token), CreatedAt = now, ExpiresAt = now + lifetime };
        db.Add(row);
        await db.SaveChangesAsync(ct);
        db.Entry(row).State = EntityState.Detached;
        return token;
    }

    /// <summary>Uses up a refresh token: the session it belongs to, or null when it is unknown, expired, ended or used before.</summary>
    public async Task<AppSession?> RedeemAsync(string? token, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 200) return null;
        var hash = RefreshToken.Hash(token);
        var found = await db.Set<RefreshToken>().AsNoTracking().Where(t => t.TokenHash == hash)
            .Select(t => new { t.Id, t.SessionId, t.ExpiresAt, t.UsedAt, t.Session!.UserId, t.Session.EndedAt })
            .SingleOrDefaultAsync(ct);
        var now = clock.GetUtcNow();
        if (found is null || found.EndedAt is not null || now >= found.ExpiresAt) return null;

        // Marked used only if nobody marked it first: of two uses at once, one wins and the other counts as reuse.
        var first = found.UsedAt is null && await db.Set<RefreshToken>().Where(t => t.Id == found.Id && t.UsedAt == null)
            .ExecuteUpdateAsync(t => t.SetProperty(x => x.UsedAt, now), ct) == 1;
        if (first) return new AppSession(found.SessionId, found.UserId);

        logger.LogWarning("A used refresh token of session {SessionId} of {UserId} came again; the session is ended", found.SessionId, found.UserId);
        await sessions.EndAsync(found.UserId, found.SessionId, SessionEnd.RefreshTokenReused, ct);
        return null;
    }
}
