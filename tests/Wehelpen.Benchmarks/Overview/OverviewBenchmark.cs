using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Wehelpen.Benchmarks.Live;
using Wehelpen.Benchmarks.Privacy;

namespace Wehelpen.Benchmarks.Overview;

/// <summary>
/// Whether a volunteer's yearly overview stays as fast as their history grows, on the real app (Release, Production,
/// SQLite, its own process): this year's overview (GET /api/v1/me/help-overview) of a volunteer with 1 year of done
/// help against one with the same year and the same number of tasks in each year before it (--years 7: back to 2020,
/// the longest history there can be; more reaches years before Wehelpen, which the overview reads apart, task by
/// task, for the list of years). The two are called in turn, one at a time, after a warm-up;
/// ratio = median of the long history ÷ median of the short one, in the same run. Both answers must hold this year's
/// tasks, and the long one all its years in the list.
/// </summary>
internal static class OverviewBenchmark
{
    public static int Run(string[] args)
    {
        var perYear = int.Parse(ResultLine.OptionValue(args, "--per-year") ?? "300", CultureInfo.InvariantCulture);
        var years = int.Parse(ResultLine.OptionValue(args, "--years") ?? "7", CultureInfo.InvariantCulture);
        var calls = int.Parse(ResultLine.OptionValue(args, "--calls") ?? "400", CultureInfo.InvariantCulture);
        using var interruption = new Interruption();
        return RunAsync(perYear, years, calls, interruption).GetAwaiter().GetResult();
    }

    private static async Task<int> RunAsync(int perYear, int years, int calls, Interruption interruption)
    {
        var ct = interruption.Token;
        var root = Directory.CreateTempSubdirectory("wehelpen-overview-");
        AppUnderTest? app = null;
        try
        {
            var database = Path.Combine(root.FullName, "wehelpen.db");
            await LiveBenchmark.Stage("Migrating", () => PrivacySeed.MigrateAsync(database, ct));
            var (shortHistory, longHistory) = await LiveBenchmark.Stage($"Seeding volunteers with 1 and {years} years of {perYear} tasks", async () => (
                await OverviewSeed.VolunteerAsync(database, "Kort", 1, perYear, ct),
                await OverviewSeed.VolunteerAsync(database, "Lang", years, perYear, ct)));
            app = await LiveBenchmark.Stage("Starting the app", () => AppUnderTest.StartAsync(root.FullName, database, ct));
            interruption.Guard(app);

            using var shortClient = await PrivacyBenchmark.LoginAsync(app, shortHistory.Email, ct);
            using var longClient = await PrivacyBenchmark.LoginAsync(app, longHistory.Email, ct);
            var wrong = await CheckAsync(shortClient, shortHistory, 1, ct) + await CheckAsync(longClient, longHistory, years, ct);
            var (shortMs, longMs) = (new List<double>(), new List<double>());
            for (var i = -calls / 10; i < calls; i++)
            {
                // Alternating, so that the machine's swings fall on both alike; the first tenth is the warm-up.
                var (first, second) = i % 2 == 0 ? ((shortClient, shortMs), (longClient, longMs)) : ((longClient, longMs), (shortClient, shortMs));
                foreach (var (client, times) in new[] { first, second })
                {
                    var ms = await TimedCallAsync(client, ct);
                    if (i >= 0) times.Add(ms);
                }
            }
            var (shortMedian, longMedian) = (Median(shortMs), Median(longMs));
            var ratio = longMedian / shortMedian;
            Console.WriteLine(ResultLine.Format("overview",
                ("tasks_a_year", perYear), ("years", years), ("calls", calls),
                ("short_ms", shortMedian), ("long_ms", longMedian), ("ratio", ratio.ToString("F2", CultureInfo.InvariantCulture)),
                ("short_p90_ms", Percentile(shortMs, 0.9)), ("long_p90_ms", Percentile(longMs, 0.9)),
                ("wrong_answers", wrong), ("app_errors", app.ErrorLines)));
            return wrong == 0 && app.ErrorLines == 0 && ratio < 1.5 ? 0 : 1;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            Console.Error.WriteLine("Interrupted.");
            return 130;
        }
        finally
        {
            app?.Dispose();
            root.Delete(recursive: true);
        }
    }

    private const string ThisYearsOverview = "/api/v1/me/help-overview";

    private static async Task<double> TimedCallAsync(HttpClient client, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        using var response = await client.GetAsync(ThisYearsOverview, ct);
        response.EnsureSuccessStatusCode();
        await response.Content.ReadAsByteArrayAsync(ct);
        return Stopwatch.GetElapsedTime(started).TotalMilliseconds;
    }

    /// <summary>1 when the answer does not hold this year's tasks or the years of the history, else 0.</summary>
    private static async Task<int> CheckAsync(HttpClient client, SeededVolunteer volunteer, int years, CancellationToken ct)
    {
        var answer = await client.GetFromJsonAsync<JsonElement>(ThisYearsOverview, ct);
        var tasks = answer.GetProperty("tasks").GetArrayLength();
        var listed = answer.GetProperty("years").GetArrayLength();
        if (tasks == volunteer.ThisYearsTasks && listed == years) return 0;
        Console.Error.WriteLine($"{volunteer.Email}: {tasks} tasks this year (expected {volunteer.ThisYearsTasks}), {listed} years (expected {years}).");
        return 1;
    }

    private static double Median(List<double> ms) => Percentile(ms, 0.5);

    private static double Percentile(List<double> ms, double share) => Latencies.Of([.. ms.Select(m => m * 1000)]).Percentile(share) / 1000;
}
