using Wehelpen.Benchmarks.Alerts;
using Wehelpen.Benchmarks.Cluster;
using Wehelpen.Benchmarks.Http;
using Wehelpen.Benchmarks.Live;
using Wehelpen.Benchmarks.Login;
using Wehelpen.Benchmarks.Matching;
using Wehelpen.Benchmarks.Overview;
using Wehelpen.Benchmarks.Privacy;
using Wehelpen.Benchmarks.Reminders;
using Wehelpen.Benchmarks.Startup;

// One program for every benchmark of the project: the first argument names the benchmark; a new one adds a line here.
var benchmarks = new Dictionary<string, Func<string[], int>>(StringComparer.Ordinal)
{
    ["matching"] = rest => rest.Contains("--quick") ? QuickMatching.Run(rest) : MatchingBenchmarks.Run(rest),
    ["live"] = LiveBenchmark.Run,
    ["reminders"] = RemindersBenchmark.Run,
    ["cluster"] = ClusterBenchmark.Run,
    ["startup"] = StartupBenchmark.Run,
    ["privacy"] = PrivacyBenchmark.Run,
    ["login"] = LoginBenchmark.Run,
    ["alerts"] = AlertsBenchmark.Run,
    ["http"] = HttpBenchmark.Run,
    ["overview"] = OverviewBenchmark.Run,
};

if (args.Length > 0 && benchmarks.TryGetValue(args[0], out var run)) return run(args[1..]);

Console.Error.WriteLine($"""
    Usage: dotnet run -c Release --project tests/Wehelpen.Benchmarks -- <benchmark> [options]
    Benchmarks: {string.Join(", ", benchmarks.Keys)}
      matching --quick [--sizes 10000,100000]   timed queries against a brute-force scan, under a minute
      matching [BenchmarkDotNet options]          micro benchmarks (e.g. --job short, --filter *Match*)
      live [--connections 2000] [--seconds 60] [--warmup 10]
                                                  chat on the hub of the app, started as its own process: every
                                                  connection sends to its circle of 10 every 10 s; exit 1 on a
                                                  lost or doubled message, an error, or p99 >= 100 ms
      live --hold 300 [--connections 2000,4000,6000] [--people N]
                                                  each level held for the given seconds, on top of the one before;
                                                  stops at the first that fails (--people fewer: several tabs each)
      live --cluster [the options above]          on two nodes on PostgreSQL (deploy/cluster.sh), the connections
                                                  alternating between node a and node b; without --hold the level
                                                  runs on node a alone first, for a ratio
      reminders [--reminders 100000] [--minutes 5] [--lead 90] [--grace 30] [--hub-people 500] [--batch-size N]
                                                  an hour's appointment reminders due within --minutes real minutes,
                                                  planned and sent by the app started as its own process; exit 1 on a
                                                  lost or doubled reminder, or p99 lateness >= 2 s
      reminders --quick                           smoke run: 5,000 reminders in 1 minute
      cluster [--quick] [--nodes 1,2] [--connections 8,32] [--seconds 20] [--volunteers 10000] [--requests 500]
              [--identities 200] [--warmup 5] [--npgsql "Max Auto Prepare=32"]
                                                  wrk through nginx on a real cluster (deploy/cluster.sh) of one node,
                                                  then two: /health/live as the baseline, the nearby-requests API as
                                                  logged-in volunteers, the home page (anonymous, logged in); one line
                                                  of rps, p99 and ratios to the baseline; exit 1 on any failed call
      startup [--quick] [--volunteers 1000000] [--requests N]
                                                  a node's start on PostgreSQL, empty and with the volunteers (it
                                                  loads matching from the database): seconds and memory (--quick: 100,000)
      privacy [--items 10000]                     the export of a person who wrote --items chat messages, and the
                                                  erasure of a hoofdpersoon whose circle holds --items things, each
                                                  against the same for 10 in the same run (ratio); exit 1 on an
                                                  incomplete export or an app error
      login [--tries 200]                         medians of login (right password, wrong one, unknown address),
                                                  forgot-password and registration (new, taken address), interleaved;
                                                  exit 1 when a group's slowest median is over 1.5 times its fastest
      alerts [--requests 200] [--volunteers 3*requests] [--rate 4] [--timeout 10]
                                                  volunteers near circles logged in with hub connections open; the
                                                  circles' coordinators post neighbourhood requests (--rate a second);
                                                  for each, the time from its POST to its first live alert at a
                                                  volunteer; exit 1 on a request with no alert within --timeout s of
                                                  the last POST, an app error, or p99 >= 1000 ms
      http [--quick] [--seconds 10] [--warmup 3] [--connections 16] [--identities 64] [--volunteers 2000] [--requests 400]
           [--sql-log FILE]
                                                  wrk on the app (own process, SQLite, fresh data) as signed-in volunteers:
                                                  home, /help, circle overview, circle chat, and the nearby, circles,
                                                  profile and unread-count APIs, each against /health/live in the same
                                                  run, then again after the history grew 100 times; SQL statements per
                                                  warm request from the app's log; exit 1 when a goal is missed or an
                                                  answer is wrong (--quick: 3 s runs, half the people; --sql-log:
                                                  the log lines, with the SQL, of the requests counted)
      overview [--per-year 300] [--years 7] [--calls 400]
                                                  this year's help overview of a volunteer with 1 year of done tasks
                                                  against one with --years years, called in turn (ratio of the
                                                  medians); exit 1 on a wrong answer, an app error, or a ratio >= 1.5
    """);
return 2;
