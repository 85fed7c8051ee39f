using System.Diagnostics;
using System.Reflection;
using System.Text;
using Microsoft.Playwright;
using Npgsql;

namespace Wehelpen.E2E;

/// <summary>The cluster tests share one cluster, and run one after the other: some of them stop or kill a node.</summary>
[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "cluster";
}

/// <summary>
/// One real cluster for the cluster tests, started by deploy/cluster.sh in a temporary folder: a throwaway PostgreSQL
/// server, nodes a and b as their own `dotnet Wehelpen.Web.dll` processes (Production, scheduler on) and nginx in front,
/// all on loopback ports the script picks (from 25432, 25080 and 28080: never test.sh's 55432 and up). The app is the
/// build the e2e project already made (src/Wehelpen.Web's own output, with its wwwroot copied beside it), so nothing is
/// published. One headless chromium for the pages. Everything is stopped in <see cref="DisposeAsync"/>, whatever the
/// tests did, and also when the test process is asked to end; the folder (logs, mail) is kept only after a failure.
/// </summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    /// <summary>How many reminders one dispatch transaction sends: small, so that a run of a few hundred takes seconds
    /// and a node can be killed in the middle of it.</summary>
    public const int ReminderBatchSize = 3;

    private static readonly TimeSpan ScriptLimit = TimeSpan.FromMinutes(4);

    private readonly string _dir = Directory.CreateTempSubdirectory("wehelpen-e2e-cluster-").FullName;
    private Dictionary<string, string> _env = new(StringComparer.Ordinal);
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private int _stopped;
    private volatile bool _failed;

    public string ProxyUrl => Env("PROXY_URL");
    public string NodeAUrl => Env("NODE_A_URL");
    public string NodeBUrl => Env("NODE_B_URL");
    public string MailDir => Env("MAIL_DIR");
    public string PgConnection => Env("PG_CONNECTION");

    public string NodeUrl(char node) => node switch { 'a' => NodeAUrl, 'b' => NodeBUrl, _ => throw new ArgumentOutOfRangeException(nameof(node)) };

    public async Task InitializeAsync()
    {
        AppDomain.CurrentDomain.ProcessExit += StopOnExit;
        try
        {
            var app = ComposeApp(Path.Combine(_dir, "app"));
            await StartClusterAsync(app);
            ReadEnv();
            Assertions.SetDefaultExpectTimeout(15_000);
            _playwright = await Playwright.CreateAsync();
            _browser = await _playwright.Chromium.LaunchAsync(new()
            {
                // Debian's chromium, as BrowserFixture: Playwright's own browser download is not available here.
                ExecutablePath = "/usr/bin/chromium",
                Headless = true,
                Args =
                [
                    "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--no-first-run", "--disable-quic",
                ],
            });
        }
        catch
        {
            _failed = true;
            await DisposeAsync();
            throw;
        }
    }

    public async Task DisposeAsync()
    {
        try
        {
            if (_browser is not null) await _browser.DisposeAsync();
            _playwright?.Dispose();
            (_browser, _playwright) = (null, null);
        }
        finally
        {
            await StopAsync();
            AppDomain.CurrentDomain.ProcessExit -= StopOnExit;
            if (!_failed && Environment.GetEnvironmentVariable("WEHELPEN_KEEP_CLUSTER") is null)
            {
                try { Directory.Delete(_dir, recursive: true); }
                catch (IOException) { /* a leftover temp folder is harmless */ }
                catch (UnauthorizedAccessException) { }
            }
            else
            {
                Console.Error.WriteLine($"The cluster's logs and mail are kept in {_dir}.");
            }
        }
    }

    /// <summary>A page in a browser context of its own (its own cookies) whose relative addresses go to
    /// <paramref name="baseUrl"/>. Close its context when done: an open page keeps reconnecting to the hub.</summary>
    public async Task<IPage> NewPageAsync(string baseUrl)
    {
        var context = await _browser!.NewContextAsync(new() { BaseURL = baseUrl, ViewportSize = new() { Width = 1280, Height = 900 } });
        return await context.NewPageAsync();
    }

    /// <summary>
    /// Runs a test's body; when it fails, the end of both nodes' logs goes with the failure (and the folder is kept),
    /// so that what the app did at that moment can be read in the test result. One thing is tried again, once, on a
    /// fresh cluster: a node that could not start again because another process on this machine took its port while
    /// it was down (cluster.sh reserves no port for a stopped node; other clusters may start meanwhile).
    /// </summary>
    public async Task RunAsync(Func<Task> test)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await test();
                return;
            }
            catch (ClusterScriptException e) when (attempt == 1 && e.Output.Contains("something else listens on", StringComparison.Ordinal))
            {
                Console.Error.WriteLine($"A node's port was taken by another process while the node was down; the test runs again on a fresh cluster.\n{e.Output}");
                await BothNodesUpAsync();
            }
            catch (Exception e)
            {
                _failed = true;
                throw new ClusterTestFailure($"{e.Message}\n\n{LogTails()}", e);
            }
        }
    }

    /// <summary>
    /// Makes sure both nodes run (a test before may have stopped or killed one, and failed before starting it again).
    /// A node comes back on its own port; if another cluster on this machine took that port while the node was down
    /// (cluster.sh keeps no port for a stopped node), a fresh cluster is started instead, on free ports: the tests
    /// read the addresses after this call, and make their own people. Returns whether that happened.
    /// </summary>
    public async Task<bool> BothNodesUpAsync()
    {
        foreach (var node in new[] { 'a', 'b' })
        {
            if (NodeRuns(node)) continue;
            try
            {
                await NodeAsync(node, "start");
            }
            catch (ClusterScriptException e) when (e.Output.Contains("something else listens on", StringComparison.Ordinal))
            {
                Console.Error.WriteLine($"Node {node}'s port was taken by another process while it was down; starting a fresh cluster.");
                await ScriptAsync("stop", "--dir", _dir);
                KillLeftovers();
                foreach (var log in new[] { "a.log", "b.log" })
                    if (File.Exists(Path.Combine(_dir, log))) File.Move(Path.Combine(_dir, log), Path.Combine(_dir, $"earlier-{log}"), overwrite: true);
                await StartClusterAsync(Path.Combine(_dir, "app"));
                ReadEnv();
                return true;
            }
        }
        return false;
    }

    /// <summary>deploy/cluster.sh node a|b start|stop|kill|restart; start and restart return once the node is ready.</summary>
    public async Task NodeAsync(char node, string action)
    {
        await ScriptAsync("node", node.ToString(), action, "--dir", _dir);
        ReadEnv();
    }

    public bool NodeRuns(char node) => IsAlive(Env($"NODE_{char.ToUpperInvariant(node)}_PID"), "Wehelpen.Web.dll");

    public async Task<NpgsqlConnection> DatabaseAsync()
    {
        var connection = new NpgsqlConnection(PgConnection);
        await connection.OpenAsync();
        return connection;
    }

    public string LogTails(int lines = 40, bool nodesOnly = false)
    {
        var text = new StringBuilder();
        foreach (var name in nodesOnly ? ["a.log", "b.log"] : new[] { "a.log", "b.log", "nginx/error.log", "cluster-script.log" })
        {
            var path = Path.Combine(_dir, name);
            if (!File.Exists(path)) continue;
            string[] all;
            try { all = File.ReadAllLines(path); }
            catch (IOException) { continue; }
            text.AppendLine($"--- the last {Math.Min(lines, all.Length)} lines of {path}:");
            foreach (var line in all.TakeLast(lines)) text.AppendLine(line);
        }
        return text.ToString();
    }

    /// <summary>
    /// cluster.sh picks free ports when it starts and binds them a few seconds later; a cluster of someone else's that
    /// starts (or restarts a node) at the same moment may bind one in between. Then the start fails, cleans up after
    /// itself, and is tried again (with ports that are then in use skipped).
    /// </summary>
    private async Task StartClusterAsync(string app)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await ScriptAsync("start", "--dir", _dir, "--app", app);
                return;
            }
            catch (ClusterScriptException e) when (attempt < 3 && e.Output.Contains("something else listens on", StringComparison.Ordinal))
            {
                Console.Error.WriteLine($"cluster.sh start lost a port to another process; starting again (attempt {attempt + 1}).");
            }
        }
    }

    private string Env(string key) =>
        _env.TryGetValue(key, out var value) ? value : throw new InvalidOperationException($"{key} is not in {_dir}/cluster.env.");

    /// <summary>cluster.env: KEY=VALUE lines, not shell-quoted (the connection strings hold ';'): split at the first '='.</summary>
    private void ReadEnv()
    {
        var env = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in File.ReadAllLines(Path.Combine(_dir, "cluster.env")))
        {
            var at = line.IndexOf('=');
            if (at > 0) env[line[..at]] = line[(at + 1)..];
        }
        _env = env;
    }

    /// <summary>
    /// The app as cluster.sh runs it (`cd APPDIR && dotnet Wehelpen.Web.dll`): the build output of src/Wehelpen.Web,
    /// linked file by file, and a copy of its wwwroot (the build leaves that in the project, where Production does not look).
    /// </summary>
    private static string ComposeApp(string app)
    {
        var dll = Recorded("WehelpenWebDll");
        var output = Path.GetDirectoryName(dll)!;
        var wwwroot = Path.Combine(Recorded("WehelpenRepository"), "src", "Wehelpen.Web", "wwwroot");
        if (!File.Exists(dll)) throw new InvalidOperationException($"No {dll}: build the solution first.");
        if (!File.Exists(Path.Combine(wwwroot, "lib", "signalr", "signalr.min.js")))
            throw new InvalidOperationException($"No SignalR client in {wwwroot}/lib: the build of src/Wehelpen.Web brings it in.");
        Directory.CreateDirectory(app);
        foreach (var entry in Directory.EnumerateFileSystemEntries(output))
        {
            var name = Path.GetFileName(entry);
            if (name == "wwwroot") continue;
            File.CreateSymbolicLink(Path.Combine(app, name), entry);
        }
        CopyFolder(wwwroot, Path.Combine(app, "wwwroot"));
        return app;
    }

    private static void CopyFolder(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from)) File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        foreach (var folder in Directory.EnumerateDirectories(from)) CopyFolder(folder, Path.Combine(to, Path.GetFileName(folder)));
    }

    private static string Recorded(string key) =>
        typeof(ClusterFixture).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().SingleOrDefault(a => a.Key == key)?.Value
        ?? throw new InvalidOperationException($"The build did not record {key}.");

    private static string Script => Path.Combine(Recorded("WehelpenRepository"), "deploy", "cluster.sh");

    /// <summary>
    /// Runs deploy/cluster.sh with its output appended to DIR/cluster-script.log (not to pipes of ours: the processes it
    /// starts would hold them open). Settings for both nodes are ordinary environment variables the script passes on.
    /// </summary>
    private async Task ScriptAsync(params string[] args)
    {
        var log = Path.Combine(_dir, "cluster-script.log");
        var start = new ProcessStartInfo("bash") { UseShellExecute = false };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add("echo \"\\$ cluster.sh $*\" >>\"$CLUSTER_SCRIPT_LOG\"; exec \"$0\" \"$@\" >>\"$CLUSTER_SCRIPT_LOG\" 2>&1 </dev/null");
        start.ArgumentList.Add(Script);
        foreach (var arg in args) start.ArgumentList.Add(arg);
        var env = start.Environment;
        env["CLUSTER_SCRIPT_LOG"] = log;
        env["ASPNETCORE_ENVIRONMENT"] = "Production";
        // Fresh people are registered through the API; the demo neighbourhood would only slow the start.
        env["DemoData__Enabled"] = "false";
        env["Scheduling__Enabled"] = "true";
        // Every test logs people in from 127.0.0.1, more than ten a minute.
        env["RateLimits__LoginAttemptsPerMinute"] = "10000";
        foreach (var setting in new[] { "RegistrationsPerHour", "EmailConfirmationsPerQuarterHour", "TokenRefreshesPerQuarterHour", "ChatMessagesPerMinute", "HelpRequestsPerHour", "ReportsPerHour" })
            env[$"RateLimits__{setting}"] = "10000";
        env["Reminders__BatchSize"] = ReminderBatchSize.ToString(System.Globalization.CultureInfo.InvariantCulture);
        foreach (var key in env.Keys.Where(k => k.StartsWith("WEHELPEN_NODE_", StringComparison.Ordinal)).ToList()) env.Remove(key);

        var before = File.Exists(log) ? new FileInfo(log).Length : 0;
        using var process = Process.Start(start) ?? throw new InvalidOperationException("bash did not start.");
        using var limit = new CancellationTokenSource(ScriptLimit);
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new ClusterScriptException(args, null, ScriptOutputSince(log, before), LogTails(nodesOnly: true));
        }
        if (process.ExitCode != 0) throw new ClusterScriptException(args, process.ExitCode, ScriptOutputSince(log, before), LogTails(nodesOnly: true));
    }

    private static string ScriptOutputSince(string log, long offset)
    {
        using var file = new FileStream(log, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        file.Seek(offset, SeekOrigin.Begin);
        return new StreamReader(file).ReadToEnd();
    }

    /// <summary>cluster.sh stop, then whatever of the cluster still runs is killed by its pid: nothing is left behind.</summary>
    private async Task StopAsync()
    {
        if (Interlocked.Exchange(ref _stopped, 1) != 0) return;
        try
        {
            if (File.Exists(Path.Combine(_dir, "cluster.env"))) await ScriptAsync("stop", "--dir", _dir);
        }
        catch (Exception e)
        {
            _failed = true;
            Console.Error.WriteLine($"Stopping the cluster in {_dir} failed: {e.Message}");
        }
        finally
        {
            KillLeftovers();
        }
    }

    private void StopOnExit(object? sender, EventArgs e)
    {
        if (Volatile.Read(ref _stopped) != 0) return;
        StopAsync().GetAwaiter().GetResult();
    }

    private void KillLeftovers()
    {
        if (!File.Exists(Path.Combine(_dir, "cluster.env"))) return;
        ReadEnv();
        foreach (var (key, what) in new[] { ("NGINX_PID", "nginx"), ("NODE_A_PID", "Wehelpen.Web.dll"), ("NODE_B_PID", "Wehelpen.Web.dll"), ("PG_PID", "postgres") })
        {
            if (!_env.TryGetValue(key, out var pid) || !IsAlive(pid, what)) continue;
            _failed = true;
            Console.Error.WriteLine($"{key} {pid} still ran after cluster.sh stop; killing it.");
            try
            {
                using var process = Process.GetProcessById(int.Parse(pid, System.Globalization.CultureInfo.InvariantCulture));
                process.Kill(entireProcessTree: true);
                process.WaitForExit(10_000);
            }
            catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
            {
                // Gone meanwhile.
            }
        }
    }

    /// <summary>As cluster.sh's alive(): a pid that runs (not a zombie) with <paramref name="what"/> in its command line.</summary>
    private static bool IsAlive(string? pid, string what)
    {
        if (string.IsNullOrEmpty(pid)) return false;
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            if (stat[(stat.LastIndexOf(')') + 2)..].StartsWith('Z')) return false;
            return File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ').Contains(what, StringComparison.Ordinal);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}

/// <summary>deploy/cluster.sh failed or took too long; <see cref="Output"/> is what it said this time.</summary>
public sealed class ClusterScriptException(string[] args, int? exitCode, string output, string logTails)
    : Exception($"cluster.sh {string.Join(' ', args)} {(exitCode is { } code ? $"failed (exit {code})" : "did not finish in time")}:\n{output}\n{logTails}")
{
    public string Output { get; } = output;
}

/// <summary>A cluster test that failed, with the end of the nodes' logs in its message.</summary>
public sealed class ClusterTestFailure(string message, Exception inner) : Exception(message, inner);
