using Wehelpen.Benchmarks.Matching;

// One program for every benchmark of the project: the first argument names the benchmark; later ones
// (live, reminders) add a line here.
var benchmarks = new Dictionary<string, Func<string[], int>>(StringComparer.Ordinal)
{
    ["matching"] = rest => rest.Contains("--quick") ? QuickMatching.Run(rest) : MatchingBenchmarks.Run(rest),
};

if (args.Length > 0 && benchmarks.TryGetValue(args[0], out var run)) return run(args[1..]);

Console.Error.WriteLine($"""
    Usage: dotnet run -c Release --project tests/Wehelpen.Benchmarks -- <benchmark> [options]
    Benchmarks: {string.Join(", ", benchmarks.Keys)}
      matching --quick [--sizes 10000,100000]   timed queries against a brute-force scan, under a minute
      matching [BenchmarkDotNet options]          micro benchmarks (e.g. --job short, --filter *Match*)
    """);
return 2;
