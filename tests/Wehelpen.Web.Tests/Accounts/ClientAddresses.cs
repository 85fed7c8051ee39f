using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Wehelpen.Web.Tests.Accounts;

/// <summary>
/// People on different networks, in a test server where every request comes from nowhere: a header of the test's own
/// sets the client address the app sees, before any of its middleware runs.
/// </summary>
public static class ClientAddresses
{
    private const string Header = "X-Test-Client-Address";

    public static IServiceCollection AddClientAddresses(this IServiceCollection services) =>
        services.AddSingleton<IStartupFilter, FromHeader>();

    /// <summary>An API client on the network of <paramref name="address"/>.</summary>
    public static HttpClient ApiClientFrom(this WehelpenApplication app, string address)
    {
        var client = app.CreateApiClient();
        client.DefaultRequestHeaders.Add(Header, address);
        return client;
    }

    public static Task<HttpResponseMessage> LoginAsync(this HttpClient client, string email, string password = WehelpenApplication.Password) =>
        client.PostAsJsonAsync("/api/v1/account/login", new { email, password });

    private sealed class FromHeader : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, rest) =>
            {
                if (context.Request.Headers.TryGetValue(Header, out var address)) context.Connection.RemoteIpAddress = IPAddress.Parse(address.ToString());
                return rest(context);
            });
            next(app);
        };
    }
}
