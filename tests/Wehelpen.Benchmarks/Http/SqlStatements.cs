using System.Diagnostics;
using Wehelpen.Benchmarks.Live;

namespace Wehelpen.Benchmarks.Http;

/// <summary>What one request ran against the database: EF's commands, and the connections EF opened for it.</summary>
/// <param name="Commands">"Executed DbCommand" lines: every query, insert or update EF sent.</param>
/// <param name="Opens">
/// "Opened connection" lines: a connection taken from Microsoft.Data.Sqlite's pool. The app's SqlitePragmas sets its
/// PRAGMAs once per physical connection, not at every open, so a warm request runs none of them.
/// </param>
internal sealed record SqlStatements(int Commands, int Opens)
{
    /// <summary>What the goal counts: the statements sent to the database.</summary>
    public int Total => Commands;

    public static SqlStatements Max(SqlStatements a, SqlStatements b) => a.Total >= b.Total ? a : b;
}

/// <summary>
/// Counts the SQL of one request of each endpoint, on an app started for it with EF's command log (Information) and
/// connection log (Debug) and ASP.NET Core's request start and finish lines turned on. The requests go one at a time,
/// so the lines between a request's start and its finish are its own; a background job's query can slip in between,
/// which is why each endpoint is asked three times after a first, unwarmed call, and the fewest counts.
/// </summary>
/// <param name="detailsPath">When given (--sql-log), each counted request's log lines are appended to it: which statements they were.</param>
internal sealed class SqlLog(string? detailsPath)
{
    public static readonly IReadOnlyDictionary<string, string> Environment = new Dictionary<string, string>
    {
        ["Logging__LogLevel__Microsoft.EntityFrameworkCore.Database.Command"] = "Information",
        ["Logging__LogLevel__Microsoft.EntityFrameworkCore.Database.Connection"] = "Debug",
        ["Logging__LogLevel__Microsoft.AspNetCore.Hosting.Diagnostics"] = "Information",
    };

    private const int WarmCalls = 3;
    private readonly List<string> _lines = [];

    /// <summary>For <see cref="AppUnderTest.StartAsync"/>'s onLine.</summary>
    public void Add(string line)
    {
        lock (_lines) _lines.Add(line);
    }

    public async Task<SqlStatements> CountAsync(HttpClient http, HttpCall call, CancellationToken ct)
    {
        await SendAsync(http, call, ct);
        (SqlStatements Counted, List<string> Lines)? fewest = null;
        for (var i = 0; i < WarmCalls; i++)
        {
            if (await SendAsync(http, call, ct) is not { } counted) continue;
            if (fewest is null || counted.Counted.Total < fewest.Value.Counted.Total) fewest = counted;
        }
        if (fewest is not { } least) throw new InvalidOperationException($"The app wrote no request start and finish lines for any call of GET {call.Path}; its lines are in {DumpPath}.");
        if (detailsPath is not null) await File.AppendAllLinesAsync(detailsPath, least.Lines.Prepend($"===== GET {call.Path}: {least.Counted}"), ct);
        return least.Counted;
    }

    private static string DumpPath => Path.Combine(Path.GetTempPath(), $"wehelpen-http-sql-{System.Environment.ProcessId}.log");

    /// <returns>Null when the app's request lines did not come (seen once under heavy load of other work, cause unknown): the call is not counted.</returns>
    private async Task<(SqlStatements Counted, List<string> Lines)?> SendAsync(HttpClient http, HttpCall call, CancellationToken ct)
    {
        int from;
        lock (_lines) from = _lines.Count;
        using (var request = call.Request())
        using (var response = await http.SendAsync(request, ct))
        {
            await response.Content.ReadAsByteArrayAsync(ct);
            if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"GET {call.Path} answered {(int)response.StatusCode} while its SQL was counted.");
        }
        // The console logger writes from a queue of its own: the finish line may come a moment after the answer.
        var waited = Stopwatch.StartNew();
        while (true)
        {
            lock (_lines)
            {
                var lines = _lines.Skip(from).ToList();
                var start = lines.FindIndex(l => l.Contains("Request starting", StringComparison.Ordinal));
                var finish = lines.FindIndex(l => l.Contains("Request finished", StringComparison.Ordinal));
                if (start >= 0 && finish > start)
                {
                    var own = lines[start..finish];
                    return (new SqlStatements(own.Count(l => l.Contains("Executed DbCommand", StringComparison.Ordinal) || l.Contains("Failed executing DbCommand", StringComparison.Ordinal)),
                        own.Count(l => l.Contains("Opened connection", StringComparison.Ordinal))), lines[start..(finish + 1)]);
                }
            }
            if (waited.Elapsed > TimeSpan.FromSeconds(15))
            {
                lock (_lines) File.AppendAllLines(DumpPath, _lines.Skip(from).Prepend($"===== GET {call.Path}: no request lines from line {from} of {_lines.Count}"));
                Console.Error.WriteLine($"  GET {call.Path}: the app wrote no request start and finish lines within 15 s; not counted (lines since in {DumpPath}).");
                return null;
            }
            await Task.Delay(20, ct);
        }
    }
}
