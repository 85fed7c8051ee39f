using System.Reflection;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Localization;

namespace Wehelpen.Web.Platform.RateLimiting;

/// <summary>
/// <c>[EnableRateLimiting]</c> on a hub method. ASP.NET's rate limiter sees only the request that opened the
/// connection, not the calls made over it; this filter counts each call, on the same counters as the API, and
/// answers a HubException with the same sentence. Add it after the filter that sets the caller's language.
/// </summary>
public sealed class RateLimitedHubMethods(RateLimitRegistry registry, IStringLocalizer<SharedResource> text) : IHubFilter
{
    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocation, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        var policy = invocation.HubMethod.GetCustomAttribute<EnableRateLimitingAttribute>()?.PolicyName;
        if (policy is null) return await next(invocation);
        var rule = registry.Find(policy) ?? throw new InvalidOperationException($"No rate limit '{policy}'.");
        var who = RateLimitRegistry.Who(rule, invocation.Context.User, invocation.Context.GetHttpContext()?.Connection.RemoteIpAddress);
        using (var lease = registry.Acquire(policy, who))
        {
            if (!lease.IsAcquired) throw new HubException(RateLimitRejection.Detail(text, rule, RateLimitRejection.RetryAfter(lease)));
        }
        return await next(invocation);
    }
}
