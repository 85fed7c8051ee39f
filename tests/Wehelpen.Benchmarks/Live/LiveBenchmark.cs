using System.Diagnostics;

namespace Wehelpen.Benchmarks.Live;

/// <summary>
/// The live benchmark: the app as its own process, people and circles seeded, everyone logged in and connected to the
/// hub, then chat at a steady rate per connection, level by level. Exit code 0 when every level met the goals, 1 when
/// one did not, 2 when it could not be set up (or the run broke down), 130 when interrupted. The app is killed however
/// the run ends (see <see cref="Interruption"/>).
/// </summary>
internal static class LiveBenchmark
{
    public static int Run(string[] args)
    {
        LiveSettings settings;
        try
        {
            settings = LiveSettings.Parse(args);
            CheckMachineLimits(settings.Levels[^1]);
        }
        catch (Exception e) when (e is ArgumentException or FormatException)
        {
            Console.Error.WriteLine(e.Message);
            return 2;
        }

        using var interruption = new Interruption();
        return RunAsync(settings, interruption).GetAwaiter().GetResult();
    }

    public static Task Stage(string what, Func<Task> stage) => Stage(what, async () =>
    {
        await stage();
        return true;
    });

    public static async Task<T> Stage<T>(string what, Func<Task<T>> stage)
    {
        Console.Error.Write($"{what} ... ");
        var started = Stopwatch.GetTimestamp();
        var result = await stage();
        Console.Error.WriteLine($"{Stopwatch.GetElapsedTime(started).TotalSeconds:0.0} s");
        return result;
    }

    private static async Task<int> RunAsync(LiveSettings settings, Interruption interruption)
    {
        var started = Stopwatch.GetTimestamp();
        var ct = interruption.Token;
        var root = Directory.CreateTempSubdirectory("wehelpen-live-");
        AppUnderTest? app = null;
        LoadCrowd? crowd = null;
        try
        {
            var databasePath = Path.Combine(root.FullName, "wehelpen.db");
            var seeded = await Stage($"Seeding {settings.People} people in {settings.Circles} circles",
                () => LoadPeople.SeedAsync(databasePath, settings.People, ct));
            app = await Stage("Starting the app (Release, Production)", () => AppUnderTest.StartAsync(root.FullName, databasePath, ct));
            interruption.Guard(app);
            crowd = new LoadCrowd(seeded, app);

            var results = new List<LevelResult>();
            foreach (var level in settings.Levels)
            {
                var levelStarted = Stopwatch.GetTimestamp();
                var (connectErrors, kbPerConnection) = await crowd.GrowAsync(level, ct);
                // The first level's setup is everything since the program started; a later one's, its logins and connections.
                var setupSeconds = Stopwatch.GetElapsedTime(results.Count == 0 ? started : levelStarted).TotalSeconds;
                var joined = crowd.Joined;
                if (settings.WarmUpSeconds > 0) await WarmUpAsync(joined, settings.WarmUpSeconds, app.Pid, ct);

                Console.Error.WriteLine($"Sending for {settings.Seconds} s on {joined.Count} connections");
                var figures = await LoadLevel.RunAsync(joined, settings.Seconds, stopEarly: settings.Hold, app.Pid, ct);
                var result = new LevelResult(figures, crowd.People, connectErrors, setupSeconds, kbPerConnection, ProcFigures.RssBytes(app.Pid), app.ErrorLines);
                results.Add(result);
                if (result.Errors > 0 || figures.StopReason is not null) Console.Error.WriteLine($"errors: {result.ErrorBreakdown()}");
                Console.WriteLine(result.Line(settings.Hold));
                if (!result.Met) break;
            }
            if (settings.Hold)
                Console.WriteLine(ResultLine.Format("live-hold", ("highest_held", results.LastOrDefault(r => r.Met)?.Figures.Connections ?? 0),
                    ("hold_s", settings.Seconds), ("levels", string.Join(',', settings.Levels)), ("tried", results.Count)));
            return results.Count == settings.Levels.Count && results.All(r => r.Met) ? 0 : 1;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            Console.Error.WriteLine("Interrupted.");
            return 130;
        }
        catch (Exception e)
        {
            Console.Error.WriteLine($"The run failed: {e}");
            return 2;
        }
        finally
        {
            // The app first: the clients then see their connections end at once instead of closing them one by one.
            app?.Dispose();
            if (crowd is not null) await crowd.DisposeAsync();
            root.Delete(recursive: true);
        }
    }

    private static async Task WarmUpAsync(IReadOnlyList<LoadConnection> connections, int seconds, int serverPid, CancellationToken ct)
    {
        var figures = await LoadLevel.RunAsync(connections, seconds, stopEarly: false, serverPid, ct);
        Console.Error.WriteLine($"Warm-up ({seconds} s, not counted): {figures.Stored} messages, p50 {figures.Deliveries.P50 / 1000:0.0} ms, "
            + $"p99 {figures.Deliveries.P99 / 1000:0.0} ms, max {figures.Deliveries.Max / 1000:0} ms, "
            + $"errors {figures.Failed + figures.Unanswered + figures.Closed + figures.Unexpected}, lost {figures.Lost}; "
            + $"cpu%: app={figures.Cpu.ServerPct:0} load={figures.Cpu.LoadPct:0} other={figures.Cpu.OtherPct:0}");
    }

    /// <summary>Each connection is an open file in this program and in the app, and a local port here.</summary>
    private static void CheckMachineLimits(int connections)
    {
        const int spare = 1000;
        if (ProcFigures.OpenFilesLimit() is var files && connections + spare > files)
            throw new ArgumentException($"{connections} connections need more open files than the limit allows ({files}; ulimit -n).");
        if (ProcFigures.EphemeralPorts() is var ports && connections + spare > ports)
            throw new ArgumentException($"{connections} connections need more local ports than the OS hands out ({ports}).");
    }
}
