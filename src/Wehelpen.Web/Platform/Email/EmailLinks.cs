using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace Wehelpen.Web.Platform.Email;

/// <summary>
/// Absolute links for emails, from configuration only: Email:PublicBaseUrl (required in Production, see
/// <see cref="EmailSettingsCheck"/>); without it, outside Production, the address this server listens on. Never the
/// request's Host header: whoever asks for a reset mail chooses that, and the link would lead the reader to them.
/// </summary>
public sealed class EmailLinks(IOptions<EmailOptions> options, IServer server)
{
    public string To(string pathAndQuery) => BaseUrl() + pathAndQuery;

    private string BaseUrl()
    {
        var configured = options.Value.PublicBaseUrl;
        if (!string.IsNullOrWhiteSpace(configured)) return configured.TrimEnd('/');
        var listening = server.Features.Get<IServerAddressesFeature>()?.Addresses
            .Select(a => a.Replace("://+", "://localhost").Replace("://*", "://localhost").Replace("://0.0.0.0", "://localhost").Replace("://[::]", "://localhost"))
            .OrderByDescending(a => a.StartsWith("https", StringComparison.Ordinal))
            .FirstOrDefault();
        return (listening ?? "http://localhost").TrimEnd('/');
    }
}
