namespace Wehelpen.Web.Features.Jobs;

/// <summary>
/// The administrators' view of the scheduler (/admin/jobs and /api/v1/admin/jobs): what is scheduled, what ran and
/// failed, "run now". The scheduler itself is Platform/Scheduling.
/// </summary>
public static class JobsExtensions
{
    public static WebApplicationBuilder AddJobs(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<JobBoard>();
        return builder;
    }

    /// <summary>The admin jobs page is a Razor Page; this maps its JSON API.</summary>
    public static WebApplication MapJobs(this WebApplication app) => app.MapJobsApi();
}
