using Microsoft.Extensions.Options;

namespace Wehelpen.Web.Features.Email;

/// <summary>
/// Says at start-up, once, when links in emails would follow the caller's Host header: outside development
/// that header is whatever the caller sent, so a reset link built from it could point anywhere.
/// </summary>
internal sealed class EmailSettingsCheck(IOptions<EmailOptions> options, IHostEnvironment environment, ILogger<EmailSettingsCheck> logger)
    : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (!environment.IsDevelopment() && string.IsNullOrWhiteSpace(options.Value.PublicBaseUrl))
            logger.LogWarning("Email:PublicBaseUrl is not set; links in emails will use the request's host. Set it in production.");
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
