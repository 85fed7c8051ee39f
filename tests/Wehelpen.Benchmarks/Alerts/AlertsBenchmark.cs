using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Wehelpen.Benchmarks.Live;
using Wehelpen.Web.Features.Profiles;
using Wehelpen.Web.Hosting;

namespace Wehelpen.Benchmarks.Alerts;

/// <summary>
/// How long a volunteer waits for the live alert of a request asked of the neighbourhood (issue 22): the app (Release,
/// Production, SQLite, its own process, <see cref="AppUnderTest"/>) with circles and volunteers near them
/// (<see cref="AlertsSeed"/>), every volunteer logged in with a hub connection open (<see cref="AlertListeners"/>);
/// then the circles' coördinators post requests to the neighbourhood over the API, one at a time at a steady rate,
/// round the circles. For each request: from just before its POST to the first <c>alert</c> event for it at any
/// volunteer's connection. A request whose alert has not come within the timeout after the last POST is missed.
/// The app keeps its production settings (the request sweep every minute included); only the login limit and demo
/// data are set, as <see cref="AppUnderTest"/> does for every benchmark.
/// </summary>
internal static class AlertsBenchmark
{
    /// <summary>Requests per circle, each by its coördinator: under the app's limit of 20 an hour per person.</summary>
    private const int RequestsPerCircle = 10;

    private const double GoalP99Ms = 1000;

    public static int Run(string[] args)
    {
        var requests = int.Parse(ResultLine.OptionValue(args, "--requests") ?? "200");
        // A wave asks ten and nobody is asked more than five times a week (MatchingOptions): twice the requests is
        // the least that can answer every one; three times leaves room for the overlap of the circles' areas.
        var volunteers = int.Parse(ResultLine.OptionValue(args, "--volunteers") ?? (requests * 3).ToString());
        var rate = double.Parse(ResultLine.OptionValue(args, "--rate") ?? "4", System.Globalization.CultureInfo.InvariantCulture);
        var timeout = TimeSpan.FromSeconds(double.Parse(ResultLine.OptionValue(args, "--timeout") ?? "10", System.Globalization.CultureInfo.InvariantCulture));
        if (requests < 1 || volunteers < 1 || rate <= 0) throw new ArgumentException("--requests, --volunteers and --rate must be positive.");
        if (volunteers < requests * 2)
            Console.Error.WriteLine($"Note: {volunteers} volunteers can take at most {volunteers * 5} alerts a week; {requests} requests ask up to {requests * 10}.");
        using var interruption = new Interruption();
        return RunAsync(requests, volunteers, rate, timeout, interruption).GetAwaiter().GetResult();
    }

    private static async Task<int> RunAsync(int requests, int volunteers, double rate, TimeSpan timeout, Interruption interruption)
    {
        var ct = interruption.Token;
        var circles = (requests + RequestsPerCircle - 1) / RequestsPerCircle;
        var root = Directory.CreateTempSubdirectory("wehelpen-alerts-");
        AppUnderTest? app = null;
        AlertListeners? listeners = null;
        try
        {
            var database = Path.Combine(root.FullName, "wehelpen.db");
            var seeded = await LiveBenchmark.Stage($"Seeding {volunteers:N0} volunteers and {circles} circles",
                () => AlertsSeed.SeedAsync(database, volunteers, circles, ct));
            app = await LiveBenchmark.Stage("Starting the app", () => AppUnderTest.StartAsync(root.FullName, database, ct));
            interruption.Guard(app);

            var tokens = new string[volunteers + circles];
            await LiveBenchmark.Stage($"Logging in {tokens.Length:N0} people",
                () => Logins.LogInAsync(app.BaseAddress, [.. seeded.Volunteers, .. seeded.Circles.Select(c => c.Coordinator)], tokens, ct));
            listeners = new AlertListeners();
            await LiveBenchmark.Stage($"Opening {volunteers:N0} volunteers' hub connections",
                () => listeners.OpenAsync(((ILiveServer)app).HubOf(0), tokens[..volunteers], ct));

            var posted = await LiveBenchmark.Stage($"Posting {requests} neighbourhood requests, {rate:0.##} a second",
                () => PostAsync(app.BaseAddress, seeded.Circles, tokens, requests, rate, listeners, ct));
            var lastPost = Stopwatch.GetTimestamp();
            await LiveBenchmark.Stage($"Waiting up to {timeout.TotalSeconds:0} s for the last alerts", async () =>
            {
                while (Stopwatch.GetElapsedTime(lastPost) < timeout && posted.Any(p => !listeners.Arrived(p.Id, out _)))
                    await Task.Delay(50, ct);
            });

            var microseconds = new List<double>(requests);
            foreach (var (id, started) in posted)
                if (listeners.Arrived(id, out var arrived) && arrived - lastPost <= timeout.TotalSeconds * Stopwatch.Frequency)
                    microseconds.Add((arrived - started) * 1e6 / Stopwatch.Frequency);
            var missed = requests - microseconds.Count;
            var latencies = Latencies.Of([.. microseconds]);
            Console.Error.WriteLine(ResultLine.Format("alerts_detail", ("volunteers", volunteers), ("circles", circles), ("rate_per_s", rate),
                ("timeout_s", timeout.TotalSeconds), ("alerted", microseconds.Count), ("alert_events", listeners.Alerts),
                ("unreadable", listeners.Unreadable), ("closed", listeners.Closed), ("app_errors", app.ErrorLines)));
            Console.WriteLine(ResultLine.Format("alerts", ("n", requests), ("p50_ms", latencies.P50 / 1000), ("p99_ms", latencies.P99 / 1000),
                ("max_ms", latencies.Max / 1000), ("missed", missed)));
            var ok = missed == 0 && latencies.P99 / 1000 < GoalP99Ms && listeners.Unreadable == 0 && listeners.Closed == 0 && app.ErrorLines == 0;
            return ok ? 0 : 1;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            Console.Error.WriteLine("Interrupted.");
            return 130;
        }
        finally
        {
            if (listeners is not null) await listeners.DisposeAsync();
            app?.Dispose();
            root.Delete(recursive: true);
        }
    }

    /// <summary>
    /// One at a time, request i at i/rate seconds from the first (at once after the one before when that took
    /// longer), round the circles, each by its coördinator: a different category each time, two days ahead from
    /// 10:00 to 12:00 Amsterdam time, at the resident's postcode, to the neighbourhood.
    /// </summary>
    /// <returns>Each request's id and the timestamp taken just before its POST.</returns>
    private static async Task<List<(Guid Id, long Started)>> PostAsync(Uri baseAddress, IReadOnlyList<AlertCircle> circles, string[] tokens,
        int requests, double rate, AlertListeners listeners, CancellationToken ct)
    {
        using var http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromMinutes(2) };
        var day = TimeProvider.System.AmsterdamToday().AddDays(2);
        var posted = new List<(Guid, long)>(requests);
        var first = Stopwatch.GetTimestamp();
        for (var i = 0; i < requests; i++)
        {
            var due = TimeSpan.FromSeconds(i / rate) - Stopwatch.GetElapsedTime(first);
            if (due > TimeSpan.Zero) await Task.Delay(due, ct);
            var circle = circles[i % circles.Count];
            var category = HelpCategory.Each[i % HelpCategory.Each.Count];
            using var message = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/circles/{circle.Id}/requests")
            {
                Content = JsonContent.Create(new
                {
                    category = JsonNamingPolicy.CamelCase.ConvertName(category.ToString()),
                    title = $"Hulpvraag {i}",
                    description = "Een uurtje hulp, in de buurt.",
                    flexible = false,
                    date = day,
                    from = new TimeOnly(10, 0),
                    until = new TimeOnly(12, 0),
                    postcode = circle.Postcode,
                    audience = "neighbourhood",
                }),
            };
            message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tokens[circle.Coordinator.Index]);
            var started = Stopwatch.GetTimestamp();
            using var response = await http.SendAsync(message, ct);
            if (response.StatusCode != HttpStatusCode.Created)
                throw new InvalidOperationException($"Request {i} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(ct)}");
            using var body = JsonDocument.Parse(await response.Content.ReadAsStreamAsync(ct));
            posted.Add((body.RootElement.GetProperty("summary").GetProperty("id").GetGuid(), started));
            if ((i + 1) % 50 == 0 && i + 1 < requests)
                Console.Error.Write($"{i + 1} posted, {posted.Count(p => listeners.Arrived(p.Item1, out _))} alerted ... ");
        }
        return posted;
    }
}
