using System.Diagnostics;
using Npgsql;
using Wehelpen.Benchmarks.Live;

namespace Wehelpen.Benchmarks.Cluster;

/// <summary>
/// A real cluster on this machine, started and stopped with deploy/cluster.sh (PostgreSQL, one or two app nodes, nginx
/// in front, all on 127.0.0.1), in a temporary folder of its own. The nodes run the Release build this program was built
/// with (<c>--app</c>: the same Wehelpen.Web.dll the live and reminders benchmarks start), with the environment given
/// on top of this process's own. Disposing stops everything and removes the folder, also after a failure.
/// </summary>
internal sealed class ClusterUnderTest : IDisposable
{
    private readonly DirectoryInfo _dir;
    private readonly IReadOnlyDictionary<string, string> _environment;
    private Dictionary<string, string> _state = [];
    private int _stopped;

    private ClusterUnderTest(DirectoryInfo dir, IReadOnlyDictionary<string, string> environment) => (_dir, _environment) = (dir, environment);

    public int Nodes { get; private set; }
    public Uri Proxy => new(_state["PROXY_URL"]);
    public Uri NodeA => new(_state["NODE_A_URL"]);
    public Uri? NodeB => _state.GetValueOrDefault("NODE_B_URL") is { Length: > 0 } url ? new Uri(url) : null;
    public string Database => _state["PG_CONNECTION"];

    /// <summary>The nodes' processes (dotnet), as they run now.</summary>
    public IReadOnlyList<int> NodePids => [.. new[] { "NODE_A_PID", "NODE_B_PID" }.Select(k => _state.GetValueOrDefault(k)).OfType<string>().Where(p => p.Length > 0).Select(int.Parse)];

    /// <summary>The PostgreSQL postmaster: its backends are its children.</summary>
    public int DatabasePid => int.Parse(_state["PG_PID"]);

    /// <summary>nginx's master: its worker is its child.</summary>
    public int ProxyPid => int.Parse(_state["NGINX_PID"]);

    /// <summary>Error and critical entries in the nodes' logs so far (the console logger starts them with fail: or crit:).</summary>
    public int ErrorLines => new[] { "a.log", "b.log" }.Select(f => Path.Combine(_dir.FullName, f)).Where(File.Exists)
        .Sum(f => File.ReadLines(f).Count(l => l.StartsWith("fail:", StringComparison.Ordinal) || l.StartsWith("crit:", StringComparison.Ordinal)));

    /// <summary>
    /// Starts a cluster, up to three times: on a machine shared with others, a port cluster.sh found free can be taken
    /// by someone else's server before its node binds it (the script then stops what it started and fails).
    /// </summary>
    public static async Task<ClusterUnderTest> StartAsync(int nodes, IReadOnlyDictionary<string, string> environment, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            var cluster = new ClusterUnderTest(Directory.CreateTempSubdirectory("wehelpen-cluster-"), environment);
            try
            {
                await cluster.RunAsync(["start", "--nodes", $"{nodes}", "--app", Path.GetDirectoryName(AppUnderTest.WebAppDll())!], ct);
                cluster.Nodes = nodes;
                return cluster;
            }
            catch (InvalidOperationException) when (attempt < 3 && !ct.IsCancellationRequested)
            {
                cluster.Dispose();
                Console.Error.WriteLine($"  (starting the cluster failed; attempt {attempt + 1} of 3)");
            }
            catch
            {
                cluster.Dispose();
                throw;
            }
        }
    }

    /// <summary>
    /// Adds to a node's connection string (DIR/NODE.env, which cluster.sh reads again at every start of the node): for
    /// trying Npgsql's options, e.g. "Max Auto Prepare=32". Takes effect at the node's next start.
    /// </summary>
    public void AppendToConnectionString(char node, string options)
    {
        var path = Path.Combine(_dir.FullName, $"{node}.env");
        const string key = "ConnectionStrings__Wehelpen=";
        File.WriteAllLines(path, File.ReadAllLines(path).Select(l => l.StartsWith(key, StringComparison.Ordinal) ? $"{l.TrimEnd(';')};{options}" : l));
    }

    /// <summary>Stops a node (SIGTERM, as an operator would) and starts it again; returns once it is ready.</summary>
    public Task RestartNodeAsync(char node, CancellationToken ct) => RunAsync(["node", $"{node}", "restart"], ct);

    public Task StopNodeAsync(char node, CancellationToken ct) => RunAsync(["node", $"{node}", "stop"], ct);

    /// <returns>From the start until the node answers /health/ready (cluster.sh polls every 0.5 s).</returns>
    public async Task<TimeSpan> StartNodeAsync(char node, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        await RunAsync(["node", $"{node}", "start"], ct);
        return Stopwatch.GetElapsedTime(started);
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _stopped, 1) != 0) return;
        // This program's pooled connections to the server would outlive it, and the next cluster's PostgreSQL may well
        // get the same port and so the same connection string: its first query would get a dead connection (57P01).
        NpgsqlConnection.ClearAllPools();
        try
        {
            if (File.Exists(Path.Combine(_dir.FullName, "cluster.env"))) RunAsync(["stop"], CancellationToken.None).GetAwaiter().GetResult();
        }
        catch (Exception e)
        {
            Console.Error.WriteLine($"Stopping the cluster in {_dir.FullName} failed: {e.Message}");
            return; // the folder stays, with the logs and pids to clean up by hand
        }
        _dir.Delete(recursive: true);
    }

    /// <summary>
    /// Runs cluster.sh with the folder and the environment; its progress goes to stderr, its stdout (the state it
    /// prints) is read from DIR/cluster.env instead. A cancelled run is still waited for: the script stops what it
    /// started when it fails, and stopping half a start from here could leave a server behind.
    /// </summary>
    private async Task RunAsync(string[] arguments, CancellationToken ct)
    {
        var start = new ProcessStartInfo("bash", [Repository.File("deploy", "cluster.sh"), .. arguments, "--dir", _dir.FullName])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (name, value) in _environment) start.Environment[name] = value;
        using var process = Process.Start(start) ?? throw new InvalidOperationException("bash did not start.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is { } line) Console.Error.WriteLine($"  {line}"); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await process.WaitForExitAsync(CancellationToken.None);
        ReadState();
        if (process.ExitCode != 0) throw new InvalidOperationException($"deploy/cluster.sh {string.Join(' ', arguments)} failed (exit {process.ExitCode}).");
        ct.ThrowIfCancellationRequested();
    }

    /// <summary>DIR/cluster.env: KEY=VALUE lines, split at the first '=' (the connection strings hold '=' and ';').</summary>
    private void ReadState()
    {
        var path = Path.Combine(_dir.FullName, "cluster.env");
        if (!File.Exists(path)) return;
        _state = File.ReadLines(path).Select(l => l.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1]);
    }
}
