using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Wehelpen.Benchmarks.Cluster;

/// <summary>What one wrk run measured: its own count of requests, errors and latencies (in µs, from wrk's histogram).</summary>
/// <param name="StatusErrors">Responses that were not 2xx or 3xx.</param>
internal sealed record WrkFigures(long Requests, double Seconds, long Bytes, long ConnectErrors, long ReadErrors, long WriteErrors,
    long Timeouts, long StatusErrors, double P50Us, double P99Us, double MaxUs)
{
    public double Rps => Requests / Seconds;
    public long Errors => ConnectErrors + ReadErrors + WriteErrors + Timeouts + StatusErrors;

    public string ErrorBreakdown => $"connect={ConnectErrors} read={ReadErrors} write={WriteErrors} timeout={Timeouts} non_2xx_3xx={StatusErrors}";
}

/// <summary>
/// wrk (Debian's package), with a Lua script that every run uses alike: it prepares one request per identity (the
/// header lines of a file: a volunteer's bearer token or login cookie, or nothing for anonymous calls; a line may
/// start with a path of its own, for pages that differ per person, such as their circle's), goes round them, and at the end prints wrk's own figures on one line. Going round many volunteers makes the app read many
/// people's rows, as a city would; anonymous runs go round identical requests, so wrk's work per request is the same.
/// wrk keeps its connections open (HTTP/1.1 keep-alive) and sends the next request when the answer is in: a closed
/// loop, so a slow server shows as fewer requests per second (and wrk's latencies leave out the waiting that a
/// fixed-rate client would see).
/// </summary>
internal sealed partial class Wrk(string folder)
{
    private const string Binary = "wrk";

    private const string Script = """
        -- Written by the Wehelpen cluster benchmark (tests/Wehelpen.Benchmarks/Cluster/Wrk.cs).
        local next_thread = 0

        function setup(thread)
          thread:set("thread_number", next_thread)
          next_thread = next_thread + 1
        end

        -- args[1]: a file with one line per identity, "Name: value" or empty, optionally after a path of its own and a
        -- space ("/circles/1 Cookie: ..."); without one, the request goes to the path of wrk's URL.
        function init(args)
          prepared = {}
          for line in io.lines(args[1]) do
            local path, rest = line:match("^(/%S*) ?(.*)$")
            if not path then rest = line end
            local headers = {}
            local name, value = rest:match("^([^:]+): (.*)$")
            if name then headers[name] = value end
            prepared[#prepared + 1] = wrk.format(nil, path, headers)
          end
          -- Threads start at different identities.
          at = (thread_number * 7919) % #prepared
        end

        function request()
          at = at % #prepared + 1
          return prepared[at]
        end

        function done(summary, latency, requests)
          io.write(string.format("wrk-result requests=%d duration_us=%d bytes=%d connect=%d read=%d write=%d timeout=%d status=%d p50_us=%d p99_us=%d max_us=%d\n",
            summary.requests, summary.duration, summary.bytes, summary.errors.connect, summary.errors.read, summary.errors.write,
            summary.errors.timeout, summary.errors.status, latency:percentile(50), latency:percentile(99), latency.max))
        end
        """;

    private readonly string _script = WriteScript(folder);
    private int _identityFiles;

    /// <summary>wrk from Debian when it is missing (as root, or with sudo), as test.sh installs what it needs.</summary>
    public static void EnsureInstalled()
    {
        if (Installed()) return;
        Console.Error.WriteLine("wrk is missing; installing it from Debian (apt-get) ...");
        var asRoot = Environment.UserName == "root" ? "" : "sudo ";
        var install = Process.Start("bash", ["-c", $"{asRoot}apt-get update -q >&2 && {asRoot}env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends wrk >&2"])!;
        install.WaitForExit();
        if (install.ExitCode != 0 || !Installed())
            throw new InvalidOperationException("wrk is not installed and could not be installed (apt-get install wrk, as root or with sudo).");
    }

    /// <summary>A file of identities (header lines, each optionally after "/path ") for <see cref="RunAsync"/>.</summary>
    public string Identities(IEnumerable<string> headerLines)
    {
        var path = Path.Combine(folder, $"identities-{++_identityFiles}.txt");
        File.WriteAllLines(path, headerLines);
        return path;
    }

    /// <param name="onRunning">Called once wrk has run for a second, and given the time left: to sample the CPU meanwhile.</param>
    public async Task<WrkFigures> RunAsync(Uri url, string identities, int connections, int seconds, Func<TimeSpan, CancellationToken, Task>? onRunning, CancellationToken ct)
    {
        var threads = Math.Min(Environment.ProcessorCount, connections);
        var start = new ProcessStartInfo(Binary, ["-t", $"{threads}", "-c", $"{connections}", "-d", $"{seconds}s", "-s", _script, url.ToString(), "--", identities])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("wrk did not start.");
        var output = process.StandardOutput.ReadToEndAsync(ct);
        var errors = process.StandardError.ReadToEndAsync(ct);
        try
        {
            if (onRunning is not null && seconds > 2)
            {
                await Task.Delay(TimeSpan.FromSeconds(1), ct);
                await onRunning(TimeSpan.FromSeconds(seconds - 2), ct);
            }
            await process.WaitForExitAsync(ct);
        }
        finally
        {
            if (!process.HasExited) process.Kill();
        }
        var text = await output;
        if (process.ExitCode != 0 || ResultLine().Match(text) is not { Success: true } m)
            throw new InvalidOperationException($"wrk failed (exit {process.ExitCode}): {text}{await errors}");
        long Get(string name) => long.Parse(m.Groups[name].Value, CultureInfo.InvariantCulture);
        return new WrkFigures(Get("requests"), Get("duration") / 1e6, Get("bytes"), Get("connect"), Get("read"), Get("write"),
            Get("timeout"), Get("status"), Get("p50"), Get("p99"), Get("max"));
    }

    private static bool Installed() =>
        Environment.GetEnvironmentVariable("PATH")?.Split(':').Any(dir => File.Exists(Path.Combine(dir, Binary))) == true;

    private static string WriteScript(string folder)
    {
        var path = Path.Combine(folder, "rotate.lua");
        File.WriteAllText(path, Script);
        return path;
    }

    [GeneratedRegex(@"wrk-result requests=(?<requests>\d+) duration_us=(?<duration>\d+) bytes=(?<bytes>\d+) connect=(?<connect>\d+) read=(?<read>\d+) write=(?<write>\d+) timeout=(?<timeout>\d+) status=(?<status>\d+) p50_us=(?<p50>\d+) p99_us=(?<p99>\d+) max_us=(?<max>\d+)")]
    private static partial Regex ResultLine();
}
