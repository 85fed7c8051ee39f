using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Wehelpen.Web.Data;

namespace Wehelpen.Web.Features.Accounts;

/// <summary>Bound from "RateLimits" (environment: RateLimits__SignInFailuresPerClient, ...).</summary>
public sealed class SignInThrottleOptions
{
    /// <summary>Wrong passwords for one address from one client network ...</summary>
    public int SignInFailuresPerClient { get; set; } = 10;

    /// <summary>... within this many minutes.</summary>
    public int SignInFailuresPerClientMinutes { get; set; } = 15;

    /// <summary>Wrong passwords for one address from all clients together ...</summary>
    public int SignInFailuresPerAccount { get; set; } = 100;

    /// <summary>... within this many minutes.</summary>
    public int SignInFailuresPerAccountMinutes { get; set; } = 60;

    /// <summary>How far back any count looks: older failures are pruned.</summary>
    public TimeSpan LongestWindow => TimeSpan.FromMinutes(Math.Max(SignInFailuresPerClientMinutes, SignInFailuresPerAccountMinutes));
}

/// <summary>
/// Slows down guessing without letting a stranger lock a resident out (Identity's lockout did: five wrong passwords
/// from anywhere, and the owner could not sign in for 15 minutes). Failures are counted per address from one client
/// network, and, with a much higher cap, per address from everywhere; the owner signing in from their own network
/// meets only the second. Counted in the database, so that every node sees every failure. An address without an
/// account is counted and answered exactly like one with an account.
/// </summary>
public sealed class SignInThrottle(WehelpenDbContext db, TimeProvider clock, IOptions<SignInThrottleOptions> options)
{
    /// <summary>How long until the next try may be made; null when it may be made now.</summary>
    public async Task<TimeSpan?> WaitAsync(SignInKeys keys, CancellationToken ct)
    {
        var o = options.Value;
        var now = clock.GetUtcNow();
        var client = await FreeAtAsync(f => f.ClientHash == keys.Client, o.SignInFailuresPerClient, TimeSpan.FromMinutes(o.SignInFailuresPerClientMinutes), now, ct);
        var account = await FreeAtAsync(f => f.AccountHash == keys.Account, o.SignInFailuresPerAccount, TimeSpan.FromMinutes(o.SignInFailuresPerAccountMinutes), now, ct);
        var free = new[] { client, account }.Max();
        return free > now ? free - now : null;
    }

    public async Task RecordFailureAsync(SignInKeys keys, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        db.Set<SignInFailure>().Add(new SignInFailure { AccountHash = keys.Account, ClientHash = keys.Client, FailedAt = now });
        await db.SaveChangesAsync(ct);
        // This address's own old rows go now; the daily retention rule takes what is left of others.
        var cutoff = now - options.Value.LongestWindow;
        await db.Set<SignInFailure>().Where(f => f.AccountHash == keys.Account && f.FailedAt < cutoff).ExecuteDeleteAsync(ct);
    }

    /// <summary>The right password from this client: its own earlier mistakes no longer count against it.</summary>
    public Task ForgetClientAsync(SignInKeys keys, CancellationToken ct) =>
        db.Set<SignInFailure>().Where(f => f.ClientHash == keys.Client).ExecuteDeleteAsync(ct);

    /// <summary>
    /// A new password set through the mailed link: whoever was guessing the old one no longer keeps the owner out, from
    /// anywhere (the way back when many networks guessed at once and reached the cap for the account).
    /// </summary>
    public Task ForgetAccountAsync(string normalisedEmail, CancellationToken ct)
    {
        var account = SignInKeys.AccountOf(normalisedEmail);
        return db.Set<SignInFailure>().Where(f => f.AccountHash == account).ExecuteDeleteAsync(ct);
    }

    /// <summary>
    /// When the count within the window drops below the limit again: the moment the limit-th newest failure leaves it.
    /// In the past (or MinValue) when there are fewer.
    /// </summary>
    private async Task<DateTimeOffset> FreeAtAsync(System.Linq.Expressions.Expression<Func<SignInFailure, bool>> which, int limit, TimeSpan window,
        DateTimeOffset now, CancellationToken ct)
    {
        if (limit <= 0) return DateTimeOffset.MinValue;
        var since = now - window;
        var nth = await db.Set<SignInFailure>().Where(which).Where(f => f.FailedAt > since)
            .OrderByDescending(f => f.FailedAt).Skip(limit - 1).Take(1).Select(f => f.FailedAt).ToListAsync(ct);
        return nth.Count == 0 ? DateTimeOffset.MinValue : nth[0] + window;
    }
}
