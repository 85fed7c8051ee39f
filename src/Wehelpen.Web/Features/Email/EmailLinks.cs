using Microsoft.Extensions.Options;

namespace Wehelpen.Web.Features.Email;

/// <summary>Absolute links for emails: the configured public address, or else the address of this request.</summary>
public sealed class EmailLinks(IOptions<EmailOptions> options, IHttpContextAccessor accessor, IHostEnvironment environment, ILogger<EmailLinks> logger)
{
    private static bool s_warned;

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
            // Outside development the Host header is whatever the caller sent: a reset link built from it could
            // point anywhere. Operators set Email:PublicBaseUrl; say so once, loudly.
            if (!environment.IsDevelopment() && !s_warned)
            {
                s_warned = true;
                logger.LogWarning("Email:PublicBaseUrl is not set; links in emails use the request's host {Host}. Set it in production.", request.Host);
            }
        }
        return baseUrl + pathAndQuery;
    }
}
