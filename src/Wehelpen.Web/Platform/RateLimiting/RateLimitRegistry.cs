using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Claims;
using System.Threading.RateLimiting;

namespace Wehelpen.Web.Platform.RateLimiting;

/// <summary>
/// The counters of every rule, one per person or address, in this process. The ASP.NET rate limiter (endpoints and
/// pages), the page-handler filter and the hub filter all count here, so a chat message sent through the API and
/// one sent through the hub use up the same allowance.
/// </summary>
public sealed class RateLimitRegistry : IDisposable
{
    private readonly Dictionary<string, (RateLimitRule Rule, PartitionedRateLimiter<string> Counters)> _rules = new(StringComparer.Ordinal);

    public RateLimitRegistry(IEnumerable<RateLimitRule> rules)
    {
        foreach (var rule in rules)
        {
            var counters = PartitionedRateLimiter.Create<string, string>(who => RateLimitPartition.GetFixedWindowLimiter(who,
                _ => new FixedWindowRateLimiterOptions { PermitLimit = rule.Permits, Window = rule.Window, QueueLimit = 0 }));
            if (!_rules.TryAdd(rule.Name, (rule, counters)))
                throw new InvalidOperationException($"The rate limit '{rule.Name}' is registered twice.");
        }
    }

    public RateLimitRule? Find(string name) => _rules.TryGetValue(name, out var entry) ? entry.Rule : null;

    /// <summary>Counts one try of <paramref name="who"/> under the rule; the lease says whether it may go ahead.</summary>
    public RateLimitLease Acquire(string name, string who) => Counters(name).AttemptAcquire(who);

    internal RateLimitPartition<string> PartitionFor(string name, HttpContext context)
    {
        var rule = Find(name) ?? throw new InvalidOperationException($"No rate limit '{name}'.");
        if (!rule.CountsReads && (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method)))
            return RateLimitPartition.GetNoLimiter("read");
        var who = Who(rule, context.User, context.Connection.RemoteIpAddress);
        var counters = Counters(name);
        return RateLimitPartition.Get(who, key => new SharedCounter(counters, key));
    }

    public static string Who(RateLimitRule rule, ClaimsPrincipal? user, IPAddress? address) =>
        rule.Per == CountedPer.PersonOrAddress && user?.FindFirstValue(ClaimTypes.NameIdentifier) is { } id
            ? $"person:{id}"
            : $"address:{Network(address)}";

    /// <summary>
    /// An IPv6 client usually has a whole /64 to itself and can take a new address in it at will: the /64 counts as
    /// one address. IPv4 addresses count as they are.
    /// </summary>
    private static string Network(IPAddress? address)
    {
        if (address is null) return "unknown";
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (address.AddressFamily != AddressFamily.InterNetworkV6) return address.ToString();
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }

    private PartitionedRateLimiter<string> Counters(string name) =>
        _rules.TryGetValue(name, out var entry) ? entry.Counters : throw new InvalidOperationException($"No rate limit '{name}'.");

    public void Dispose()
    {
        foreach (var (_, counters) in _rules.Values) counters.Dispose();
    }

    /// <summary>
    /// What the ASP.NET middleware holds for one person or address: it forwards to the shared counter, and its
    /// disposal (the middleware drops limiters idle for a while) leaves the count alone.
    /// </summary>
    private sealed class SharedCounter(PartitionedRateLimiter<string> counters, string who) : RateLimiter
    {
        private long _lastUsed = Stopwatch.GetTimestamp();

        public override TimeSpan? IdleDuration => Stopwatch.GetElapsedTime(Interlocked.Read(ref _lastUsed));

        public override RateLimiterStatistics? GetStatistics() => counters.GetStatistics(who);

        protected override RateLimitLease AttemptAcquireCore(int permitCount)
        {
            Interlocked.Exchange(ref _lastUsed, Stopwatch.GetTimestamp());
            return counters.AttemptAcquire(who, permitCount);
        }

        protected override ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
        {
            Interlocked.Exchange(ref _lastUsed, Stopwatch.GetTimestamp());
            return counters.AcquireAsync(who, permitCount, cancellationToken);
        }
    }
}
