using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Wehelpen.Web.Tests;

/// <summary>What someone who did something too often gets: 429, when to try again, and why in their language.</summary>
public static class RateLimitAssert
{
    public const string Title = "Even geduld";

    /// <summary>A ProblemDetails for an app; returns its detail.</summary>
    public static async Task<string> IsLimitedAsync(HttpResponseMessage response, string title = Title)
    {
        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.TooManyRequests);
        Assert.Equal(title, problem.GetProperty("title").GetString());
        AssertRetryAfter(response);
        return problem.GetProperty("detail").GetString()!;
    }

    /// <summary>A short page for a person in a browser; returns its text.</summary>
    public static async Task<string> IsLimitedPageAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        AssertRetryAfter(response);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains($"<h1>{Title}</h1>", html);
        return html;
    }

    private static void AssertRetryAfter(HttpResponseMessage response)
    {
        var seconds = response.Headers.RetryAfter?.Delta?.TotalSeconds;
        Assert.True(seconds > 0, $"Retry-After tells when to try again; it is '{response.Headers.RetryAfter}'");
    }

    /// <summary>
    /// Lets a test speak from a client address of its choice (the test server gives every request the same, none):
    /// a request with <see cref="Header"/> comes from that address.
    /// </summary>
    public static void ClientAddresses(IServiceCollection services) => services.AddSingleton<IStartupFilter, ClientAddressFilter>();

    public const string Header = "X-Test-Client-Address";

    public static HttpClient From(this HttpClient client, string address)
    {
        client.DefaultRequestHeaders.Remove(Header);
        client.DefaultRequestHeaders.Add(Header, address);
        return client;
    }

    private sealed class ClientAddressFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (context.Request.Headers[Header].ToString() is { Length: > 0 } address)
                    context.Connection.RemoteIpAddress = IPAddress.Parse(address);
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
