using System.Threading.RateLimiting;

namespace Wehelpen.Web.Features.Accounts.TwoFactor;

/// <summary>
/// Wrong codes (and wrong passwords where a code or password is asked again) counted per account, whatever address
/// they come from: someone who has the password cannot try all million codes from many addresses. Only failures
/// count, so a person who signs in often never meets the limit. Per app process, like the other rate limits.
/// </summary>
public sealed class TwoFactorAttempts : IDisposable
{
    private readonly PartitionedRateLimiter<string> _failures;

    public TwoFactorAttempts(IConfiguration configuration)
    {
        var perQuarterHour = configuration.GetValue("RateLimits:TwoFactorFailuresPerQuarterHour", 5);
        var perDay = configuration.GetValue("RateLimits:TwoFactorFailuresPerDay", 20);
        _failures = PartitionedRateLimiter.CreateChained(
            Window(perQuarterHour, TimeSpan.FromMinutes(15)),
            Window(perDay, TimeSpan.FromDays(1)));
    }

    /// <summary>Null while the account may try again; otherwise how long until it may.</summary>
    public TimeSpan? WaitFor(string userId)
    {
        using var lease = _failures.AttemptAcquire(userId, 0);
        if (lease.IsAcquired) return null;
        return lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromMinutes(15);
    }

    public void Failed(string userId) => _failures.AttemptAcquire(userId).Dispose();

    public void Dispose() => _failures.Dispose();

    private static PartitionedRateLimiter<string> Window(int permits, TimeSpan window) =>
        PartitionedRateLimiter.Create<string, string>(userId => RateLimitPartition.GetFixedWindowLimiter(userId,
            _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = window, QueueLimit = 0 }));
}
