using Microsoft.Extensions.Options;

namespace Wehelpen.Web.Platform.Email;

/// <summary>
/// Links in emails come from Email:PublicBaseUrl only. In Production the app does not start without it (one line says
/// what to set), before it serves anything; elsewhere it says once that links use the address the server listens on.
/// </summary>
internal sealed class EmailSettingsCheck(IOptions<EmailOptions> options, IHostEnvironment environment, ILogger<EmailSettingsCheck> logger)
    : IHostedLifecycleService
{
    public Task StartingAsync(CancellationToken cancellationToken)
    {
        var configured = options.Value.PublicBaseUrl;
        if (IsUsable(configured) || environment.IsDevelopment()) return Task.CompletedTask;
        if (!environment.IsProduction())
        {
            logger.LogWarning("Email:PublicBaseUrl is not set; links in emails use the address this server listens on.");
            return Task.CompletedTask;
        }
        logger.LogCritical("Email__PublicBaseUrl is {State}: set it to the https address people use (e.g. Email__PublicBaseUrl=https://wehelpen.example.nl); " +
            "links in emails are made from it only. Not starting.", string.IsNullOrWhiteSpace(configured) ? "not set" : "not an http(s) address");
        throw new InvalidOperationException("Email:PublicBaseUrl must be set in Production.");
    }

    private static bool IsUsable(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
