using System.Diagnostics;

namespace Wehelpen.Benchmarks.Live;

/// <summary>
/// The people logged in and their connections to the hub, growing level by level: connection c is person c % people,
/// in that person's circle, on the node the server gives it. People log in just before the level that first needs
/// them, so a level that fails spares the logins of those above it.
/// </summary>
internal sealed class LoadCrowd(LoadPeople.Seeded seeded, ILiveServer server) : IAsyncDisposable
{
    // Connecting costs the server a few database reads each; more at once only queue.
    private const int ConnectingAtOnce = 32;

    private readonly string[] _tokens = new string[seeded.People.Count];
    private readonly List<LoadConnection> _connections = [];
    private readonly Dictionary<int, int> _sentBefore = [];
    private ILiveServer _server = server;
    private int _loggedIn;
    private long? _rssBefore;

    public int People => _loggedIn;

    /// <summary>Connections that are in their circle.</summary>
    public IReadOnlyList<LoadConnection> Joined => [.. _connections.Where(c => c.Joined)];

    /// <returns>How many connections failed (they stay out of <see cref="Joined"/>) and what the joined ones cost the
    /// app: its RSS now, with everyone connected and nothing sent, less its RSS before the first connection, per connection.</returns>
    public async Task<(int ConnectErrors, double KbPerConnection)> GrowAsync(int connections, CancellationToken ct)
    {
        var people = Math.Min(connections, seeded.People.Count);
        if (people > _loggedIn)
            await LiveBenchmark.Stage($"Logging in {people - _loggedIn} people at {_server.LoginAddress}",
                () => Logins.LogInAsync(_server.LoginAddress, seeded.People.Take(people).Skip(_loggedIn), _tokens, ct));
        _loggedIn = people;
        _rssBefore ??= Rss();

        var started = Stopwatch.GetTimestamp();
        var failed = await ConnectAsync(connections, ct);
        var joined = _connections.Count(c => c.Joined);
        var rss = Rss();
        var kbPerConnection = (rss - _rssBefore.Value) / 1024.0 / Math.Max(1, joined);
        Console.Error.WriteLine($"{joined} connected ({failed} failed) in {Stopwatch.GetElapsedTime(started).TotalSeconds:0.0} s; "
            + $"app RSS {rss / 1048576} MB ({kbPerConnection:0} KB per connection)"
            + (_server.Nodes > 1 ? $", {string.Join(" + ", Enumerable.Range(0, _server.Nodes).Select(n => _connections.Count(c => c.Joined && c.Node == n)))} on the nodes" : ""));
        return (failed, kbPerConnection);
    }

    /// <summary>
    /// Closes every connection (people stay logged in); the next <see cref="GrowAsync"/> opens them again, on the hubs
    /// <paramref name="server"/> gives them. Memory is counted from the first connection on (the app keeps what it took).
    /// </summary>
    public async Task MoveToAsync(ILiveServer server)
    {
        await Task.WhenAll(_connections.Select(c => c.DisposeAsync().AsTask()));
        // The app stores a client message id once and answers a repeat with the stored message, telling nobody: the
        // reopened connections go on counting where the closed ones stopped.
        foreach (var connection in _connections) _sentBefore[connection.Index] = connection.Sent;
        _connections.Clear();
        _server = server;
    }

    public async ValueTask DisposeAsync() => await Task.WhenAll(_connections.Select(c => c.DisposeAsync().AsTask()));

    private long Rss() => _server.Pids.Sum(ProcFigures.RssBytes);

    private async Task<int> ConnectAsync(int connections, CancellationToken ct)
    {
        var added = Enumerable.Range(_connections.Count, connections - _connections.Count).Select(c =>
        {
            var person = seeded.People[c % seeded.People.Count];
            return new LoadConnection(c, person, seeded.Circles[person.Circle], _server.NodeOf(c), _server.NodeOf) { Sent = _sentBefore.GetValueOrDefault(c) };
        }).ToList();
        _connections.AddRange(added);
        var failed = 0;
        await Parallel.ForEachAsync(added, new ParallelOptions { MaxDegreeOfParallelism = ConnectingAtOnce, CancellationToken = ct }, async (connection, token) =>
        {
            try
            {
                await connection.ConnectAsync(_server.HubOf(connection.Node), _tokens[connection.Person.Index], token);
            }
            catch (Exception e) when (e is not OperationCanceledException || !token.IsCancellationRequested)
            {
                if (Interlocked.Increment(ref failed) == 1) Console.Error.WriteLine($"A connection failed: {e.GetType().Name}: {e.Message}");
                await connection.DisposeAsync();
            }
        });
        return failed;
    }
}
