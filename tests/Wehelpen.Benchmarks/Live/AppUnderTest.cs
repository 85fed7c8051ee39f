using System.Diagnostics;
using System.Reflection;
using System.Text.RegularExpressions;

namespace Wehelpen.Benchmarks.Live;

/// <summary>
/// The Release build of Wehelpen.Web as a process of its own (as in production: its own GC, its own cores' share), on
/// 127.0.0.1 at a port the OS picks, in Production, with the SQLite file and mail folder it is given and its
/// data-protection keys in the run's folder too. Its console is kept out of sight: the last lines are kept for a failed
/// start, and its errors are passed on and counted.
/// </summary>
internal sealed partial class AppUnderTest : IDisposable, ILiveServer
{
    private const int KeptLines = 60;
    private const int EchoedErrors = 20;
    private const int EchoedLinesPerError = 4;
    private static readonly TimeSpan StartLimit = TimeSpan.FromSeconds(90);

    private readonly Process _process;
    private readonly Queue<string> _lastLines = new();
    private readonly TaskCompletionSource<Uri> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _errorLines;
    private int _echoLines;
    private int _stopping;

    private readonly Action<string>? _onLine;

    private AppUnderTest(Process process, Action<string>? onLine) => (_process, _onLine) = (process, onLine);

    public int Pid => _process.Id;
    public Uri BaseAddress { get; private set; } = null!;

    Uri ILiveServer.LoginAddress => BaseAddress;
    int ILiveServer.Nodes => 1;
    int ILiveServer.NodeOf(int connection) => 0;
    Uri ILiveServer.HubOf(int node) => new UriBuilder(BaseAddress) { Scheme = "ws", Path = "/hubs/live" }.Uri;
    IReadOnlyList<int> ILiveServer.Pids => [Pid];
    public int ErrorLines
    {
        get { lock (_lastLines) return _errorLines; }
    }

    /// <summary>Starts the app and waits until /health answers.</summary>
    /// <param name="environment">Settings on top of the ones every run gets (e.g. Reminders__BatchSize).</param>
    /// <param name="onLine">Sees every line the app writes, on the reading thread: must be quick and must not throw.</param>
    public static async Task<AppUnderTest> StartAsync(string root, string databasePath, CancellationToken ct,
        IReadOnlyDictionary<string, string>? environment = null, Action<string>? onLine = null)
    {
        var dll = WebAppDll();
        var start = new ProcessStartInfo("dotnet", [dll])
        {
            // The app's own folder is its content root: its appsettings.json (log levels) apply, as in production.
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var env = start.Environment;
        env["ASPNETCORE_ENVIRONMENT"] = "Production";
        env["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        env["ConnectionStrings__Wehelpen"] = $"Data Source={databasePath}";
        env["Database__Provider"] = "Sqlite";
        env["Email__Folder"] = Path.Combine(root, "mail");
        // Production refuses to start without it; nobody follows these links.
        env["Email__PublicBaseUrl"] = "http://127.0.0.1";
        env["DemoData__Enabled"] = "false";
        // Every connection logs in from 127.0.0.1, which the login limit would otherwise stop after ten a minute.
        env["RateLimits__LoginAttemptsPerMinute"] = "1000000";
        // Outside Development the data-protection keys go to ~/.aspnet: this run's keys stay in (and go with) its folder.
        env["HOME"] = Path.Combine(root, "home");
        // Production refuses to keep its key ring unencrypted: this run's own certificate, in its folder.
        env["DataProtection__CertificatePath"] = Wehelpen.Web.Platform.Cluster.KeyRingEncryption.EnsureCertificate(Path.Combine(root, "dataprotection.pfx"), password: null);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) env[name] = value;

        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var app = new AppUnderTest(process, onLine);
        process.OutputDataReceived += (_, e) => app.Read(e.Data);
        process.ErrorDataReceived += (_, e) => app.Read(e.Data);
        process.EnableRaisingEvents = true;
        process.Exited += (_, _) => app.ExitedByItself();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await app.WaitUntilHealthyAsync(ct);
            return app;
        }
        catch
        {
            app.Dispose();
            throw;
        }
    }

    public string LastLines()
    {
        lock (_lastLines) return string.Join('\n', _lastLines);
    }

    /// <summary>Kills the app if it still runs: also after a failure or Ctrl+C, and from the exit handler.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _stopping, 1) != 0) return;
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(TimeSpan.FromSeconds(10));
            }
        }
        catch (InvalidOperationException)
        {
            // Never started or already gone.
        }
        _process.Dispose();
    }

    private async Task WaitUntilHealthyAsync(CancellationToken ct)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(StartLimit);
        var exited = _process.WaitForExitAsync(deadline.Token);
        try
        {
            if (await Task.WhenAny(_listening.Task, exited) == exited) throw Failed("exited while starting");
            BaseAddress = await _listening.Task;
            using var http = new HttpClient { BaseAddress = BaseAddress };
            using var poll = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
            while (true)
            {
                try
                {
                    using var response = await http.GetAsync("/health", deadline.Token);
                    if (response.IsSuccessStatusCode) return;
                }
                catch (HttpRequestException)
                {
                    // Not answering yet.
                }
                if (_process.HasExited) throw Failed("exited while starting");
                await poll.WaitForNextTickAsync(deadline.Token);
            }
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw Failed($"did not become healthy within {StartLimit.TotalSeconds:0} s");
        }
    }

    private void ExitedByItself()
    {
        if (Volatile.Read(ref _stopping) != 0) return;
        // The output may still be coming in: the reader gets the rest before the process object lets go.
        _process.WaitForExit();
        Console.Error.WriteLine($"The app exited by itself, with code {_process.ExitCode}. Its last lines:\n{LastLines()}");
    }

    private InvalidOperationException Failed(string what) => new($"The app {what}. Its last lines:\n{LastLines()}");

    private void Read(string? line)
    {
        if (line is null) return;
        _onLine?.Invoke(line);
        if (ListeningLine().Match(line) is { Success: true } listening) _listening.TrySetResult(new Uri(listening.Groups[1].Value));
        lock (_lastLines)
        {
            _lastLines.Enqueue(line);
            if (_lastLines.Count > KeptLines) _lastLines.Dequeue();
            // The console logger starts an entry with its level and indents the rest: errors are worth seeing during
            // the load, the first lines of the first few of them.
            if (line.StartsWith("fail:", StringComparison.Ordinal) || line.StartsWith("crit:", StringComparison.Ordinal))
            {
                _errorLines++;
                _echoLines = _errorLines <= EchoedErrors ? EchoedLinesPerError : 0;
            }
            else if (!line.StartsWith(' ')) _echoLines = 0;
            if (_echoLines-- > 0) Console.Error.WriteLine($"app| {line}");
        }
    }

    /// <summary>Recorded by the build (the csproj): the app's own output, with its runtimeconfig and appsettings.</summary>
    internal static string WebAppDll() =>
        typeof(AppUnderTest).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().SingleOrDefault(a => a.Key == "WehelpenWebDll")?.Value
        ?? throw new InvalidOperationException("The build did not record where Wehelpen.Web.dll is.");

    [GeneratedRegex(@"Now listening on: (http://\S+)")]
    private static partial Regex ListeningLine();
}
