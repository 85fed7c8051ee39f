using Wehelpen.Matching;
using Wehelpen.Web.Features.Profiles;
using Wehelpen.Web.Platform.PersonalData;

namespace Wehelpen.Web.Features.Matching;

/// <summary>
/// Geographic matching in the web app, the engine's adapter: one engine for the whole process, loaded from the database
/// before the app serves anything and kept current by the features that save (they call <see cref="MatchingRefresher"/>
/// after their save). What matching does with requests (waves, alerts, "asked of you", the admin ranking) lives with
/// Requests (Features/Requests/Matching), which also tells the engine about requests (<see cref="IRequestSource"/>).
/// </summary>
public static class MatchingExtensions
{
    public const string Section = "Matching";

    public static WebApplicationBuilder AddMatching(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(Section).Get<MatchingOptions>() ?? new MatchingOptions();
        Check(options);
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(new MatchingEngine(options));
        builder.Services.AddSingleton<MatchingRefresher>();
        builder.Services.AddSingleton<MatchingMetrics>();
        builder.Services.AddScoped<MatchingStore>();
        builder.Services.AddScoped<IProfileSaved, MatchingProfileFollower>();
        builder.Services.AddPersonalData<MatchingPersonalData>();
        return builder;
    }

    /// <summary>Fills the engine from the database; after migrations and demo data, before the first request.</summary>
    public static Task LoadMatchingAsync(this WebApplication app) =>
        app.Services.GetRequiredService<MatchingRefresher>().LoadAllAsync(app.Lifetime.ApplicationStopping);

    /// <summary>A setting that would make matching ask nobody, or everybody all the time, stops the start with its name.</summary>
    private static void Check(MatchingOptions o)
    {
        var problems = new List<string>();
        if (o.WaveSize < 1) problems.Add("WaveSize must be at least 1");
        if (o.WaveInterval <= TimeSpan.Zero) problems.Add("WaveInterval must be positive (for example 02:00:00)");
        if (o.WavesAtOwnRadius < 0 || o.WidenedWaves < 0 || o.TotalWaves < 1) problems.Add("WavesAtOwnRadius and WidenedWaves must not be negative, and together at least 1");
        if (!(o.WidenFactor >= 1)) problems.Add("WidenFactor must be at least 1");
        if (o.AlertsPerWeek < 1) problems.Add("AlertsPerWeek must be at least 1");
        if (o.MaxRadiusMetres < VolunteerProfile.MaxRadiusKm * 1000.0)
            problems.Add($"MaxRadiusMetres must be at least {VolunteerProfile.MaxRadiusKm * 1000}, the largest radius a volunteer may choose");
        if (problems.Count > 0) throw new InvalidOperationException($"{Section} settings: {string.Join("; ", problems)}.");
    }
}
