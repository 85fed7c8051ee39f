using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace Wehelpen.Web.Features.Email;

/// <summary>
/// Absolute links for emails: the configured public address; else the address of this request; else (mail sent by
/// a scheduled job, outside any request) the address this server listens on. Behind a proxy, set
/// Email:PublicBaseUrl: only it knows the address people use.
/// </summary>
public sealed class EmailLinks(IOptions<EmailOptions> options, IHttpContextAccessor accessor, IServer server)
{
    public string To(string pathAndQuery) => BaseUrl() + pathAndQuery;

    private string BaseUrl()
    {
        var configured = options.Value.PublicBaseUrl;
        if (!string.IsNullOrWhiteSpace(configured)) return configured.TrimEnd('/');
        if (accessor.HttpContext?.Request is { } request) return $"{request.Scheme}://{request.Host}{request.PathBase}";
        var listening = server.Features.Get<IServerAddressesFeature>()?.Addresses
            .Select(a => a.Replace("://+", "://localhost").Replace("://*", "://localhost").Replace("://0.0.0.0", "://localhost").Replace("://[::]", "://localhost"))
            .OrderByDescending(a => a.StartsWith("https", StringComparison.Ordinal))
            .FirstOrDefault();
        return (listening ?? "http://localhost").TrimEnd('/');
    }
}
