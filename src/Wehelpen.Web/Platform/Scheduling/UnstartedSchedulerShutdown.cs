using Quartz;

namespace Wehelpen.Web.Platform.Scheduling;

/// <summary>
/// Where scheduling is off, a scheduler exists only once the jobs page asked for one; this shuts it down with the app,
/// as Quartz's hosted service would, so that its threads and connections do not outlive the host.
/// </summary>
internal sealed class UnstartedSchedulerShutdown(ISchedulerFactory schedulers) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        foreach (var scheduler in await schedulers.GetAllSchedulers(cancellationToken))
            await scheduler.Shutdown(waitForJobsToComplete: false, cancellationToken);
    }
}
