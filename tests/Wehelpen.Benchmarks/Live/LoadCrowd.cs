using System.Diagnostics;

namespace Wehelpen.Benchmarks.Live;

/// <summary>
/// The people logged in and their connections to the hub, growing level by level: connection c is person c % people,
/// in that person's circle. People log in just before the level that first needs them, so a level that fails spares
/// the logins of those above it.
/// </summary>
internal sealed class LoadCrowd(LoadPeople.Seeded seeded, AppUnderTest app) : IAsyncDisposable
{
    // Connecting costs the server a few database reads each; more at once only queue.
    private const int ConnectingAtOnce = 32;

    private readonly string[] _tokens = new string[seeded.People.Count];
    private readonly List<LoadConnection> _connections = [];
    private readonly Uri _hub = new UriBuilder(app.BaseAddress) { Scheme = "ws", Path = "/hubs/live" }.Uri;
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
            await LiveBenchmark.Stage($"Logging in {people - _loggedIn} people at {app.BaseAddress}",
                () => Logins.LogInAsync(app.BaseAddress, seeded.People.Take(people).Skip(_loggedIn), _tokens, ct));
        _loggedIn = people;
        _rssBefore ??= ProcFigures.RssBytes(app.Pid);

        var started = Stopwatch.GetTimestamp();
        var failed = await ConnectAsync(connections, ct);
        var joined = _connections.Count(c => c.Joined);
        var rss = ProcFigures.RssBytes(app.Pid);
        var kbPerConnection = (rss - _rssBefore.Value) / 1024.0 / Math.Max(1, joined);
        Console.Error.WriteLine($"{joined} connected ({failed} failed) in {Stopwatch.GetElapsedTime(started).TotalSeconds:0.0} s; "
            + $"app RSS {rss / 1048576} MB ({kbPerConnection:0} KB per connection)");
        return (failed, kbPerConnection);
    }

    public async ValueTask DisposeAsync() => await Task.WhenAll(_connections.Select(c => c.DisposeAsync().AsTask()));

    private async Task<int> ConnectAsync(int connections, CancellationToken ct)
    {
        var added = Enumerable.Range(_connections.Count, connections - _connections.Count).Select(c =>
        {
            var person = seeded.People[c % seeded.People.Count];
            return new LoadConnection(c, person, seeded.Circles[person.Circle]);
        }).ToList();
        _connections.AddRange(added);
        var failed = 0;
        await Parallel.ForEachAsync(added, new ParallelOptions { MaxDegreeOfParallelism = ConnectingAtOnce, CancellationToken = ct }, async (connection, token) =>
        {
            try
            {
                await connection.ConnectAsync(_hub, _tokens[connection.Person.Index], token);
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
