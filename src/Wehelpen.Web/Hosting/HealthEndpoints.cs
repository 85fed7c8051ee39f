using System.Text;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Wehelpen.Web.Hosting;

/// <summary>
/// Health for the proxy, the supervisor and operators, in plain text:
/// <list type="bullet">
/// <item><c>/health/live</c>: the process answers; no dependency is checked (for a supervisor that restarts a hung process).</item>
/// <item><c>/health/ready</c>: this node should get traffic: every check tagged <see cref="ReadyTag"/> passes (start-up
/// is complete and the app is not stopping, the database answers, and what features add). 503 when not.</item>
/// <item><c>/health</c>: every registered check, as before.</item>
/// </list>
/// A feature whose failure should take a node out of rotation adds its check with the tag <see cref="ReadyTag"/>.
/// </summary>
public static class HealthEndpoints
{
    public const string ReadyTag = "ready";
    public const string StartedCheckName = "started";

    public static IServiceCollection AddHealthEndpoints(this IServiceCollection services)
    {
        services.AddHealthChecks().AddCheck<StartedHealthCheck>(StartedCheckName, tags: [ReadyTag]);
        return services;
    }

    public static WebApplication MapHealthEndpoints(this WebApplication app)
    {
        app.MapHealthChecks("/health");
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(ReadyTag),
            ResponseWriter = WriteStatusPerCheck,
        });
        return app;
    }

    /// <summary>The overall status on the first line (as <c>/health</c> writes it), then one line per check.</summary>
    private static Task WriteStatusPerCheck(HttpContext context, HealthReport report)
    {
        var text = new StringBuilder(report.Status.ToString()).Append('\n');
        foreach (var (name, entry) in report.Entries)
        {
            text.Append(name).Append(": ").Append(entry.Status);
            if (!string.IsNullOrEmpty(entry.Description)) text.Append(" (").Append(entry.Description).Append(')');
            text.Append('\n');
        }
        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync(text.ToString());
    }
}

/// <summary>
/// Ready once the host has started, which in Program.cs comes after the migrations, the demo data and the matching
/// index are loaded (the server does not even listen before); unhealthy from the moment the app is asked to stop, so
/// that a proxy or an operator drains the node while it finishes what it is doing.
/// </summary>
internal sealed class StartedHealthCheck(IHostApplicationLifetime lifetime) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(
            lifetime.ApplicationStopping.IsCancellationRequested ? new HealthCheckResult(context.Registration.FailureStatus, "stopping")
            : !lifetime.ApplicationStarted.IsCancellationRequested ? new HealthCheckResult(context.Registration.FailureStatus, "starting")
            : HealthCheckResult.Healthy("started"));
}
