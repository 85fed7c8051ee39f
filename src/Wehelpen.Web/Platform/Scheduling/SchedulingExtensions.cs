using Quartz;
using Wehelpen.Web.Data;
using Wehelpen.Web.Hosting;
using ClusterNode = Wehelpen.Web.Platform.Cluster.ClusterNode;

namespace Wehelpen.Web.Platform.Scheduling;

/// <summary>Bound from "Scheduling" (environment: Scheduling__Enabled).</summary>
public sealed class SchedulingSettings
{
    /// <summary>
    /// Whether this process runs the scheduled jobs. Off, the jobs are still registered and their work can be done by
    /// calling the use cases (the integration tests do, with their own clock); nothing fires by itself.
    /// </summary>
    public bool Enabled { get; set; } = true;

    public int ThreadCount { get; set; } = 4;
}

/// <summary>
/// Scheduling: Quartz.NET with its persistent store in the app's own database (SQLite, or PostgreSQL clustered),
/// so that what is scheduled survives a restart and, on several nodes, runs on one of them. The Quartz tables come
/// from the project's migrations (0011_scheduler.sql); Quartz only verifies them. Each feature registers its own
/// jobs with <see cref="AddJob{TJob}"/>.
/// </summary>
public static class SchedulingExtensions
{
    public const string SchedulerName = "Wehelpen";

    public static WebApplicationBuilder AddScheduling(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection("Scheduling").Get<SchedulingSettings>() ?? new SchedulingSettings();
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton<JobWake>();
        var database = DatabaseExtensions.Connection(builder);
        var node = ClusterNode.Of(builder);
        builder.Services.AddQuartz(q =>
        {
            q.ConfigureScheduler(s =>
            {
                s.InstanceName = SchedulerName;
                // Unique to this process, and says which node it is: what the admin page and qrtz_fired_triggers show.
                s.InstanceId = node.Id;
                // Digests and other wall-clock jobs are meant in Amsterdam, whatever zone the server runs in.
                s.DefaultTimeZone = AmsterdamTime.Zone;
            });
            q.UseDefaultThreadPool(Math.Max(1, options.ThreadCount));
            q.UsePersistentStore(store =>
            {
                if (database.Provider == DatabaseProvider.Sqlite)
                {
                    store.UseSqlite(database.ConnectionString);
                    store.ConfigureStore(s => s.TablePrefix = "QRTZ_");
                }
                else
                {
                    store.UsePostgres(database.ConnectionString);
                    store.ConfigureStore(s => s.TablePrefix = "qrtz_");
                    store.UseClustering(c => c.Enabled = true);
                }
                store.UseExecutionHistory();
            });
        });
        if (options.Enabled) builder.Services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        // A node that runs no jobs makes its scheduler only when the jobs page first asks for it (Quartz's hosted
        // service would make it, and write every job and trigger to the database, at every start).
        else builder.Services.AddHostedService<UnstartedSchedulerShutdown>();
        return builder;
    }

    /// <summary>Registers a durable job with the triggers that fire it.</summary>
    public static WebApplicationBuilder AddJob<TJob>(this WebApplicationBuilder builder, JobKey key, string description, params Action<ITriggerConfigurator<TJob>>[] triggers)
        where TJob : class, IJob
    {
        builder.Services.AddQuartz(q =>
        {
            q.AddJob<TJob>(j => j.WithIdentity(key).WithDescription(description).StoreDurably().DisallowConcurrentExecution());
            foreach (var trigger in triggers) q.AddTrigger<TJob>(t => trigger(t.ForJob(key)));
        });
        return builder;
    }
}
