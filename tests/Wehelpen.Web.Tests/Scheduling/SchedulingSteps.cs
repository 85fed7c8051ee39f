using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Quartz;
using Quartz.Extensibility;
using Wehelpen.Web.Platform.Scheduling;
using Wehelpen.Web.Hosting;

namespace Wehelpen.Web.Tests.Scheduling;

/// <summary>How many times the test job ran; it fails the first time, with <see cref="FlakyJob.Failure"/>.</summary>
public sealed class FlakyState
{
    public const string Barrier = "barrier";

    public int Runs;

    /// <summary>Who fired each run, in order: the "by" of the run's job data (null when nobody said).</summary>
    public System.Collections.Concurrent.ConcurrentQueue<string?> FiredBy { get; } = new();

    /// <summary>Set when the run fired with "by" = <see cref="Barrier"/> has finished.</summary>
    public TaskCompletionSource BarrierRan { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}

/// <summary>A job that fails its first run and succeeds after: what "retry" on the admin page is for.</summary>
[DisallowConcurrentExecution]
public sealed class FlakyJob(FlakyState state) : IJob
{
    public static readonly JobKey Key = new("flaky", "tests");
    public const string Description = "Testtaak die de eerste keer mislukt";
    public const string Failure = "De eerste keer gaat het mis";

    public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var by = context.MergedJobDataMap.ContainsKey("by") ? context.MergedJobDataMap.GetString("by") : null;
        state.FiredBy.Enqueue(by);
        try
        {
            if (Interlocked.Increment(ref state.Runs) == 1) throw new InvalidOperationException(Failure);
            return ValueTask.CompletedTask;
        }
        finally
        {
            if (by == FlakyState.Barrier) state.BarrierRan.TrySetResult();
        }
    }
}

/// <summary>Something the broken job needs and nobody registered: Quartz cannot make the job, and puts its trigger in ERROR.</summary>
public interface IMissingService;

public sealed class BrokenJob(IMissingService missing) : IJob
{
    public static readonly JobKey Key = new("broken", "tests");
    public static readonly TriggerKey TriggerKey = new("broken-hourly", "tests");

    public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        GC.KeepAlive(missing);
        return ValueTask.CompletedTask;
    }
}

public static class SchedulingSteps
{
    /// <summary>
    /// The app with its scheduler running (the other tests keep it off), plus the flaky job without a trigger and,
    /// when asked, the broken job with an hourly trigger that fires at once.
    /// </summary>
    public static async Task<(WehelpenApplication App, FlakyState Flaky)> StartAsync(DatabaseProvider provider, bool scheduling = true, bool broken = false)
    {
        var flaky = new FlakyState();
        var settings = new Dictionary<string, string?>
        {
            ["Scheduling:Enabled"] = scheduling ? "true" : "false",
            ["RateLimits:LoginAttemptsPerMinute"] = "1000",
        };
        var app = await WehelpenApplication.StartAsync(provider, settings, s =>
        {
            s.AddSingleton(flaky);
            s.AddQuartz(q =>
            {
                q.AddJob<FlakyJob>(j => j.WithIdentity(FlakyJob.Key).WithDescription(FlakyJob.Description).StoreDurably());
                if (!broken) return;
                q.AddJob<BrokenJob>(j => j.WithIdentity(BrokenJob.Key).WithDescription("Testtaak die niet gemaakt kan worden").StoreDurably());
                q.AddTrigger(t => t.WithIdentity(BrokenJob.TriggerKey).ForJob(BrokenJob.Key).StartNow()
                    .WithSimpleSchedule(x => x.WithInterval(TimeSpan.FromHours(1)).RepeatForever()));
            });
        });
        return (app, flaky);
    }

    /// <summary>
    /// Fires the flaky job once through the scheduler and waits until that run is over. A run that something else
    /// had fired before would have run first (the job never runs beside itself, and earlier firings go first), so
    /// afterwards <see cref="FlakyState.FiredBy"/> tells whether anything else fired it.
    /// </summary>
    public static async Task FireBarrierAsync(this WehelpenApplication app, FlakyState flaky)
    {
        var scheduler = await app.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        await scheduler.TriggerJob(FlakyJob.Key, new JobDataMap { ["by"] = FlakyState.Barrier });
        await flaky.BarrierRan.Task.WaitAsync(TimeSpan.FromSeconds(30));
    }

    /// <summary>Quartz's execution history of one job, newest first.</summary>
    public static async Task<IReadOnlyList<ExecutionHistoryEntry>> HistoryAsync(this WehelpenApplication app, JobKey job)
    {
        var history = app.Services.GetRequiredService<IExecutionHistoryStore>();
        var page = await history.QueryExecutions(new ExecutionHistoryQuery { SchedulerName = SchedulingExtensions.SchedulerName, Job = job }, CancellationToken.None);
        return page.Items;
    }

    /// <summary>Waits (up to 30 s: the history is written after the run) until the job has at least <paramref name="runs"/> runs in the history.</summary>
    public static async Task<IReadOnlyList<ExecutionHistoryEntry>> RunsAsync(this WehelpenApplication app, JobKey job, int runs)
    {
        var until = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var found = await app.HistoryAsync(job);
            if (found.Count >= runs) return found;
            if (DateTime.UtcNow > until) Assert.Fail($"{job} ran {found.Count} times, not {runs}.");
            await Task.Delay(200);
        }
    }

    /// <summary>The next 08:00 in Amsterdam after now, as the admin page writes it in Dutch.</summary>
    public static string NextDigestTime()
    {
        var now = DateTimeOffset.UtcNow.ToAmsterdam();
        var today = new DateTimeOffset(now.Date.AddHours(8), AmsterdamTime.Zone.GetUtcOffset(now.Date.AddHours(8)));
        var next = today > now ? today : new DateTimeOffset(now.Date.AddDays(1).AddHours(8), AmsterdamTime.Zone.GetUtcOffset(now.Date.AddDays(1).AddHours(8)));
        return next.ToString("d MMM yyyy HH:mm:ss", CultureInfo.GetCultureInfo("nl-NL"));
    }
}
