using System.Diagnostics;
using System.Net;
using Wehelpen.Benchmarks.Cluster;
using Wehelpen.Benchmarks.Live;

namespace Wehelpen.Benchmarks.Http;

/// <summary>
/// How fast the pages and API calls a signed-in volunteer makes most are (issue 22), on the real app (Release,
/// Production, SQLite, its own process, fresh data): each against /health/live in the same measurement (a ratio, so
/// that the machine's speed cancels out), with a small history and again after it grew a hundredfold
/// (<see cref="HistorySeed"/>), and the SQL statements one warm request of each runs (<see cref="SqlLog"/>, on an app
/// started apart for it, since logging every command would slow the measured one). Exit 0 when the goals are met, 1
/// when not (or on a wrong answer or an app error), 2 on bad options, 130 when interrupted.
/// </summary>
internal static class HttpBenchmark
{
    public static int Run(string[] args)
    {
        HttpSettings settings;
        try
        {
            settings = HttpSettings.Parse(args);
        }
        catch (Exception e) when (e is ArgumentException or FormatException)
        {
            Console.Error.WriteLine(e.Message);
            return 2;
        }
        Wrk.EnsureInstalled();
        using var interruption = new Interruption();
        return RunAsync(settings, interruption).GetAwaiter().GetResult();
    }

    private static async Task<int> RunAsync(HttpSettings settings, Interruption interruption)
    {
        var ct = interruption.Token;
        var started = Stopwatch.GetTimestamp();
        var root = Directory.CreateTempSubdirectory("wehelpen-http-");
        Console.Error.WriteLine($"Load average before the run (1, 5, 15 min): {File.ReadAllText("/proc/loadavg").Trim()}");
        try
        {
            var database = Path.Combine(root.FullName, "wehelpen.db");
            var now = DateTimeOffset.UtcNow;
            var data = NeighbourhoodData.Generate(Pc4Points.Load(), settings.Volunteers, settings.Requests, now);
            var people = await LiveBenchmark.Stage($"Seeding {settings.Volunteers:N0} volunteers, {data.Circles.Length} circles, {settings.Requests} open requests and their alerts",
                () => HttpNeighbourhood.WriteAsync(database, data, settings, now, ct));
            var small = await LiveBenchmark.Stage("Writing the small history", () => HistorySeed.GrowAsync(database, data, people, 1, 0, now, ct));
            Console.Error.WriteLine($"  {small}");
            var wrk = new Wrk(root.FullName);

            string[] cookies = [], bearers = [];
            IReadOnlyList<HttpEndpoint> endpoints = [];
            var smallFigures = await WithAppAsync(root, database, interruption, async app =>
            {
                var emails = people.Select(p => p.Email).ToList();
                bearers = await LiveBenchmark.Stage($"Signing in {emails.Count} volunteers through the API", () => VolunteerSessions.BearerAsync(app.BaseAddress, emails, ct));
                cookies = await LiveBenchmark.Stage($"Signing in the same {emails.Count} on the login page", () => VolunteerSessions.CookieAsync(app.BaseAddress, emails, ct));
                endpoints = Endpoints(people, cookies, bearers);
                return await HttpLoad.MeasureAsync(app, endpoints, settings, wrk, "small", ct);
            });
            var smallSql = await CountSqlAsync(root, database, interruption, endpoints, settings.SqlLogPath, ct);

            var grown = await LiveBenchmark.Stage($"Growing the history {HttpSettings.Growth} times", () => HistorySeed.GrowAsync(database, data, people, HttpSettings.Growth - 1, 1, now, ct));
            Console.Error.WriteLine($"  added {grown}");
            // The app is started again on the grown file, as after a restart in production: nothing it keeps in
            // memory is older than the rows. The sign-ins hold: the sessions and keys are in the database and folder.
            var largeFigures = await WithAppAsync(root, database, interruption, app => HttpLoad.MeasureAsync(app, endpoints, settings, wrk, "large", ct));
            var largeSql = await CountSqlAsync(root, database, interruption, endpoints, settings.SqlLogPath, ct);

            var sql = endpoints.ToDictionary(e => e.Name, e => SqlStatements.Max(smallSql[e.Name], largeSql[e.Name]));
            // Before the table: the result line must be the last.
            Console.Error.WriteLine($"Load average after the run: {File.ReadAllText("/proc/loadavg").Trim()}; the run took {Stopwatch.GetElapsedTime(started).TotalMinutes:0.0} min.");
            return HttpReport.Print(endpoints, smallFigures, largeFigures, sql) ? 0 : 1;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            Console.Error.WriteLine("Interrupted.");
            return 130;
        }
        catch (InvalidOperationException e)
        {
            Console.Error.WriteLine($"Failed: {e.Message}");
            return 1;
        }
        finally
        {
            root.Delete(recursive: true);
        }
    }

    /// <summary>The volunteers' cookie for the pages and bearer token for the API, each call with a text only that person's answer holds.</summary>
    private static List<HttpEndpoint> Endpoints(IReadOnlyList<HttpPerson> people, string[] cookies, string[] bearers)
    {
        HttpEndpoint Endpoint(string name, string kind, double goal, Func<HttpPerson, int, HttpCall> call) => new(name, kind, goal, [.. people.Select(call)]);
        // Every page names who it is for in its body tag (data-live-user, for the live updates).
        string[] Page(HttpPerson p, string marker) => [$"data-live-user=\"{p.Id}\"", marker];
        return
        [
            Endpoint("home", HttpEndpoint.Page, 0.03, (p, i) => new HttpCall("/", cookies[i], Page(p, $"{WebUtility.HtmlEncode(p.Name)}</h1>"))),
            Endpoint("help", HttpEndpoint.Page, 0.03, (p, i) => new HttpCall("/help", cookies[i], Page(p, "id=\"live-nearby\""))),
            Endpoint("circle", HttpEndpoint.Page, 0.03, (p, i) => new HttpCall($"/circles/{p.CircleId}", cookies[i], Page(p, WebUtility.HtmlEncode(p.CircleName)))),
            Endpoint("chat_page", HttpEndpoint.Page, 0.03, (p, i) => new HttpCall($"/circles/{p.CircleId}/chat", cookies[i], Page(p, "Bericht "))),
            Endpoint("nearby", HttpEndpoint.Api, 0.1, (p, i) => new HttpCall("/api/v1/requests/nearby", bearers[i], "\"items\":[")),
            Endpoint("circles_api", HttpEndpoint.Api, 0.1, (p, i) => new HttpCall("/api/v1/circles", bearers[i], p.CircleId.ToString())),
            Endpoint("profile", HttpEndpoint.Api, 0.1, (p, i) => new HttpCall("/api/v1/profile", bearers[i], $"\"{p.Name}\"", p.Email)),
            Endpoint("unread", HttpEndpoint.Api, 0.3, (p, i) => new HttpCall("/api/v1/notifications/unread-count", bearers[i], "\"unread\":")),
        ];
    }

    private static async Task<T> WithAppAsync<T>(DirectoryInfo root, string database, Interruption interruption, Func<AppUnderTest, Task<T>> use,
        IReadOnlyDictionary<string, string>? environment = null, Action<string>? onLine = null, string what = "Starting the app")
    {
        using var app = await LiveBenchmark.Stage(what, () => AppUnderTest.StartAsync(root.FullName, database, interruption.Token, environment, onLine));
        interruption.Guard(app);
        return await use(app);
    }

    /// <summary>The SQL of one warm request of each endpoint (the first person's call), on an app of its own with the command log on.</summary>
    private static async Task<Dictionary<string, SqlStatements>> CountSqlAsync(DirectoryInfo root, string database, Interruption interruption, IReadOnlyList<HttpEndpoint> endpoints, string? detailsPath, CancellationToken ct)
    {
        var log = new SqlLog(detailsPath);
        return await WithAppAsync(root, database, interruption, async app =>
        {
            using var http = HttpEndpoint.Client(app.BaseAddress);
            var counts = new Dictionary<string, SqlStatements>();
            foreach (var endpoint in endpoints) counts[endpoint.Name] = await log.CountAsync(http, endpoint.Calls[0], ct);
            Console.Error.WriteLine($"  SQL per request: {string.Join(", ", counts.Select(c => $"{c.Key} {c.Value.Commands} ({c.Value.Opens} opens)"))} (EF commands; connections taken from the pool)");
            return counts;
        }, SqlLog.Environment, log.Add, "Starting the app with its SQL log on, to count statements");
    }
}
