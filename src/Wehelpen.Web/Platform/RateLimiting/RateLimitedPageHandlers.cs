using System.Reflection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.RateLimiting;

namespace Wehelpen.Web.Platform.RateLimiting;

/// <summary>
/// <c>[EnableRateLimiting]</c> on one handler of a page (the chat form beside the claim buttons, say). ASP.NET's
/// middleware reads only the page's own attributes, as the endpoint is chosen before the handler; this filter
/// counts the handler's rule once the handler is known.
/// </summary>
internal sealed class RateLimitedPageHandlers(RateLimitRegistry registry) : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var http = context.HttpContext;
        var policy = context.HandlerMethod?.MethodInfo.GetCustomAttribute<EnableRateLimitingAttribute>()?.PolicyName;
        var countedAlready = http.GetEndpoint()?.Metadata.GetOrderedMetadata<EnableRateLimitingAttribute>().Any(a => a.PolicyName == policy) == true;
        var rule = policy is null || countedAlready ? null
            : registry.Find(policy) ?? throw new InvalidOperationException($"No rate limit '{policy}'.");
        if (rule is null || (!rule.CountsReads && (HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method))))
        {
            await next();
            return;
        }
        using var lease = registry.Acquire(rule.Name, RateLimitRegistry.Who(rule, http.User, http.Connection.RemoteIpAddress));
        if (lease.IsAcquired)
        {
            await next();
            return;
        }
        await RateLimitRejection.WriteAsync(http, lease, rule);
        context.Result = new EmptyResult();
    }
}
