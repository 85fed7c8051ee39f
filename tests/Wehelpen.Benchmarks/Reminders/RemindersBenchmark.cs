using System.Diagnostics;
using Wehelpen.Benchmarks.Live;

namespace Wehelpen.Benchmarks.Reminders;

/// <summary>
/// The reminders benchmark: an hour's appointment reminders (100,000 by default) falling due within a few real minutes,
/// planned and sent by the app itself, started as its own process (Release, Production, Scheduling on, a fresh SQLite
/// file, mail to a folder). Exit code 0 when every reminder was delivered once and p99 lateness stayed under 2 s, 1 when
/// not, 2 when it could not be set up, 130 when interrupted.
/// </summary>
internal static class RemindersBenchmark
{
    private static readonly TimeSpan ProgressEvery = TimeSpan.FromSeconds(10);

    public static int Run(string[] args)
    {
        ReminderSettings settings;
        try
        {
            settings = ReminderSettings.Parse(args);
        }
        catch (Exception e) when (e is ArgumentException or FormatException)
        {
            Console.Error.WriteLine(e.Message);
            return 2;
        }
        using var interruption = new Interruption();
        return RunAsync(settings, interruption).GetAwaiter().GetResult();
    }

    private static async Task<int> RunAsync(ReminderSettings settings, Interruption interruption)
    {
        var ct = interruption.Token;
        var root = Directory.CreateTempSubdirectory("wehelpen-reminders-");
        AppUnderTest? app = null;
        HubListeners? listeners = null;
        try
        {
            var databasePath = Path.Combine(root.FullName, "wehelpen.db");
            var database = new ReminderDatabase(databasePath);
            var seeded = await LiveBenchmark.Stage(
                $"Seeding {settings.People} people in {settings.Circles} circles, {settings.Appointments} appointments",
                () => ReminderSeed.SeedAsync(databasePath, settings, ct));
            var windowEnd = seeded.WindowStart + settings.Window;
            Console.Error.WriteLine($"{settings.Reminders} reminders fall due from {seeded.WindowStart:HH:mm:ss} to {windowEnd:HH:mm:ss} UTC: "
                + $"an hour in {settings.Minutes:0.##} min ({settings.Compression:0.#}x), {settings.Reminders / settings.Window.TotalSeconds:0} a second");

            var log = new DispatchLog();
            var environment = new Dictionary<string, string> { ["Scheduling__Enabled"] = "true", [DispatchLog.DebugSetting] = "Debug" };
            if (settings.BatchSize > 0) environment["Reminders__BatchSize"] = $"{settings.BatchSize}";
            app = await LiveBenchmark.Stage("Starting the app (Release, Production, Scheduling on)",
                () => AppUnderTest.StartAsync(root.FullName, databasePath, ct, environment, log.Read));
            interruption.Guard(app);

            var (scheduled, planningSeconds) = await LiveBenchmark.Stage("Waiting for the app to plan the reminders",
                () => WaitForPlanningAsync(database, settings.Reminders, seeded.WindowStart, ct));
            Console.Error.WriteLine($"Planned {scheduled} of {settings.Reminders} in {planningSeconds:0.0} s");

            var people = seeded.People.People;
            var sample = Enumerable.Range(0, settings.HubPeople).Select(i => people[(int)((long)i * people.Count / settings.HubPeople)]).ToList();
            listeners = await LiveBenchmark.Stage($"Logging in {sample.Count} people with a hub connection each",
                () => HubListeners.ConnectAsync(app, sample, ct));
            if (DateTimeOffset.UtcNow > seeded.WindowStart)
                Console.Error.WriteLine($"Warning: the setup ended {(DateTimeOffset.UtcNow - seeded.WindowStart).TotalSeconds:0} s after the first reminder was due (--lead).");

            var baseline = TimerBaseline.RunAsync(seeded.WindowStart, windowEnd, ct);
            await WatchAsync(database, log, app.Pid, settings.Reminders, windowEnd + TimeSpan.FromSeconds(settings.GraceSeconds), ct);
            var timer = await baseline;

            Console.Error.WriteLine($"Dispatch job: {log.Summary()}");
            var tally = await LiveBenchmark.Stage("Counting", () => ReminderTally.CountAsync(
                database, listeners.Arrivals, sample.Select(p => p.UserId).ToHashSet(), Path.Combine(root.FullName, "mail"), ct));
            var lost = settings.Reminders - tally.Delivered;
            if (tally.Pending + tally.Dropped > 0)
                Console.Error.WriteLine($"Not sent: {tally.Pending} still pending, {tally.Dropped} dropped ({string.Join(", ", tally.DroppedBecause.Select(d => $"{d.Value} {d.Key}"))}).");
            if (tally.HubMissing != 0 || tally.HubDuplicates + tally.HubUnknown > 0 || listeners.StillConnected != listeners.Connected)
                Console.Error.WriteLine($"Hub sample: {tally.HubLateness.Count} of {tally.HubExpected} arrived, {tally.HubDuplicates} twice, "
                    + $"{tally.HubUnknown} unknown; {listeners.StillConnected} of {listeners.Connected} still connected.");
            Console.WriteLine(ResultLine.Format("reminders",
                ("scheduled", scheduled), ("delivered", tally.Delivered), ("duplicates", tally.Duplicates), ("lost", lost),
                ("p50_late_ms", tally.Lateness.P50 / 1000), ("p99_late_ms", tally.Lateness.P99 / 1000), ("max_late_ms", tally.Lateness.Max / 1000),
                ("timer_p50_late_ms", timer.P50 / 1000), ("timer_p99_late_ms", timer.P99 / 1000), ("p99_ratio", tally.Lateness.P99 / timer.P99),
                ("hub_n", tally.HubLateness.Count), ("hub_p50_late_ms", tally.HubLateness.P50 / 1000), ("hub_p99_late_ms", tally.HubLateness.P99 / 1000),
                ("mails_sent", tally.MailsSent), ("mails_waiting", tally.MailsWaiting),
                ("mail_p50_late_ms", tally.MailLateness.P50 / 1000), ("mail_p99_late_ms", tally.MailLateness.P99 / 1000), ("mail_files", tally.MailFiles), ("mail_resent", tally.MailResent),
                ("planning_s", planningSeconds), ("window_s", settings.Window.TotalSeconds), ("compression", $"{settings.Compression:0.#}x"),
                ("per_s", settings.Reminders / settings.Window.TotalSeconds), ("db", "sqlite")));
            var met = scheduled == settings.Reminders && lost == 0 && tally.Duplicates == 0 && tally.Lateness.P99 / 1000 < ReminderSettings.P99GoalMs;
            return met ? 0 : 1;
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
            app?.Dispose();
            if (listeners is not null) await listeners.DisposeAsync();
            root.Delete(recursive: true);
        }
    }

    /// <summary>
    /// Until every reminder is planned, or the first falls due. The planning time runs from the first batch's start
    /// (its reminders' CreatedAt) to the moment the last one was seen (polled every 100 ms).
    /// </summary>
    private static async Task<(int Planned, double Seconds)> WaitForPlanningAsync(ReminderDatabase database, int expected, DateTimeOffset firstDue, CancellationToken ct)
    {
        using var poll = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
        int planned;
        while ((planned = await database.PlannedAsync(ct)) < expected && DateTimeOffset.UtcNow < firstDue)
            await poll.WaitForNextTickAsync(ct);
        var done = DateTimeOffset.UtcNow;
        var began = await database.FirstPlannedAtAsync(ct) ?? done;
        return (planned, (done - began).TotalSeconds);
    }

    /// <summary>A line on stderr every 10 s: how far the app got, its backlog of due reminders, the mail outbox and the CPU.</summary>
    private static async Task WatchAsync(ReminderDatabase database, DispatchLog log, int appPid, int expected, DateTimeOffset until, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        var cpu = CpuUsage.Start(appPid);
        var runs = log.SendingRuns;
        Console.Error.WriteLine($"Watching until {until:HH:mm:ss} UTC");
        while (DateTimeOffset.UtcNow < until)
        {
            var wait = until - DateTimeOffset.UtcNow;
            await Task.Delay(wait < ProgressEvery ? wait : ProgressEvery, ct);
            var snapshot = await database.SnapshotAsync(ct);
            var figures = cpu.Stop();
            cpu = CpuUsage.Start(appPid);
            var newRuns = log.SendingRuns - runs;
            runs = log.SendingRuns;
            Console.Error.WriteLine($"  {Stopwatch.GetElapsedTime(started).TotalSeconds,4:0}s sent={snapshot.Sent}/{expected} dropped={snapshot.Dropped} "
                + $"backlog={snapshot.Backlog} dispatch_runs={newRuns} mail_sent={snapshot.MailSent} mail_waiting={snapshot.MailPending} "
                + $"cpu%: app={figures.ServerPct:0} bench={figures.LoadPct:0} other={figures.OtherPct:0}");
        }
    }
}
