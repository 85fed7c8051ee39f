using Microsoft.Extensions.Options;

namespace Wehelpen.Web.Features.Email;

/// <summary>Absolute links for emails: the configured public address, or else the address of this request.</summary>
public sealed class EmailLinks(IOptions<EmailOptions> options, IHttpContextAccessor accessor)
{
    public string To(string pathAndQuery)
    {
        var configured = options.Value.PublicBaseUrl;
        string baseUrl;
        if (!string.IsNullOrWhiteSpace(configured))
        {
            baseUrl = configured.TrimEnd('/');
        }
        else
        {
            var request = accessor.HttpContext?.Request
                ?? throw new InvalidOperationException("Email:PublicBaseUrl must be set to build links outside a request.");
            baseUrl = $"{request.Scheme}://{request.Host}{request.PathBase}";
        }
        return baseUrl + pathAndQuery;
    }
}
