using System.Text;
using System.Text.Json;

namespace Wehelpen.Web.Tests.Live;

/// <summary>
/// Every event a <see cref="LiveConnection"/> heard, kept per target from the moment it connected, so a test never
/// misses one that arrived before it began to wait. One waited for is taken out (<see cref="NextAsync"/>); the full
/// history stays (<see cref="Received"/>) to show that something did not arrive. Targets compare case-insensitively,
/// so a wrong case cannot make an "it did not arrive" check pass; nor can an event the client dropped (a target it
/// has no handler for, arguments it could not read): that fails every wait and look from then on.
/// </summary>
public sealed class HubEventLog
{
    private const int ListedInTimeout = 20;
    private const int ShownArgumentsLength = 200;

    private readonly Lock _lock = new();
    private readonly Dictionary<string, TargetEvents> _targets = new(StringComparer.OrdinalIgnoreCase);
    private Exception? _ended;
    private string? _dropped;

    public void Deliver(string target, JsonElement[] arguments)
    {
        lock (_lock)
        {
            var events = EventsOf(target);
            events.History.Add(arguments);
            if (!events.HandToWaiter(arguments)) events.Unclaimed.Add(arguments);
        }
    }

    public async Task<JsonElement[]> NextAsync(string target, Func<JsonElement[], bool>? match, TimeSpan timeout)
    {
        Waiter waiter;
        lock (_lock)
        {
            ThrowIfDropped();
            var events = EventsOf(target);
            var index = events.Unclaimed.FindIndex(arguments => match is null || match(arguments));
            if (index >= 0)
            {
                var arguments = events.Unclaimed[index];
                events.Unclaimed.RemoveAt(index);
                return arguments;
            }
            if (_ended is not null) throw new InvalidOperationException($"No '{target}' event can arrive any more: {_ended.Message}", _ended);
            waiter = new Waiter(match, new TaskCompletionSource<JsonElement[]>(TaskCreationOptions.RunContinuationsAsynchronously));
            events.Waiters.Add(waiter);
        }

        try
        {
            return await waiter.Reply.Task.WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            lock (_lock)
            {
                // The event may have come in the instant the wait gave up; it was handed over, so it is returned.
                if (!EventsOf(target).Waiters.Remove(waiter)) return waiter.Reply.Task.GetAwaiter().GetResult();
                throw new TimeoutException(DescribeTimeout(target, match is not null, timeout));
            }
        }
    }

    public IReadOnlyList<JsonElement[]> Received(string target)
    {
        lock (_lock)
        {
            ThrowIfDropped();
            return _targets.TryGetValue(target, out var events) ? [.. events.History] : [];
        }
    }

    /// <summary>No more events will come: whoever waits fails now rather than at their timeout.</summary>
    public void End(Exception reason) => Fail(reason, dropped: null);

    /// <summary>The client heard an event it could not hand over: no "did not arrive" can be trusted any more.</summary>
    public void Dropped(string what) => Fail(new InvalidOperationException($"The hub client dropped an event: {what}"), what);

    private void Fail(Exception reason, string? dropped)
    {
        List<Waiter> waiting = [];
        lock (_lock)
        {
            _dropped ??= dropped;
            if (_ended is not null && dropped is null) return;
            _ended ??= reason;
            foreach (var events in _targets.Values)
            {
                waiting.AddRange(events.Waiters);
                events.Waiters.Clear();
            }
        }
        foreach (var waiter in waiting) waiter.Reply.TrySetException(reason);
    }

    private void ThrowIfDropped()
    {
        if (_dropped is not null) throw new InvalidOperationException($"The hub client dropped an event, so what it heard is incomplete: {_dropped}");
    }

    private TargetEvents EventsOf(string target)
    {
        if (!_targets.TryGetValue(target, out var events)) _targets.Add(target, events = new TargetEvents());
        return events;
    }

    private string DescribeTimeout(string target, bool matching, TimeSpan timeout)
    {
        var text = new StringBuilder($"No '{target}' event{(matching ? " that matches" : "")} arrived within {timeout.TotalSeconds:0.###} s.");
        var history = EventsOf(target).History;
        text.Append($" Received for '{target}': {history.Count}");
        foreach (var arguments in history.TakeLast(ListedInTimeout)) text.Append("\n  ").Append(Show(arguments));
        var others = _targets.Where(t => t.Value.History.Count > 0 && !string.Equals(t.Key, target, StringComparison.OrdinalIgnoreCase)).ToList();
        if (others.Count > 0) text.Append("\nOther targets: ").AppendJoin(", ", others.Select(t => $"{t.Key} ({t.Value.History.Count})"));
        return text.ToString();
    }

    private static string Show(JsonElement[] arguments)
    {
        var shown = "[" + string.Join(",", arguments.Select(a => a.GetRawText())) + "]";
        return shown.Length <= ShownArgumentsLength ? shown : shown[..ShownArgumentsLength] + "…";
    }

    private sealed record Waiter(Func<JsonElement[], bool>? Match, TaskCompletionSource<JsonElement[]> Reply);

    private sealed class TargetEvents
    {
        public List<JsonElement[]> History { get; } = [];
        public List<JsonElement[]> Unclaimed { get; } = [];
        public List<Waiter> Waiters { get; } = [];

        /// <summary>Gives the event to the first waiter it matches. A match that throws fails its own waiter, not the
        /// connection's handler.</summary>
        public bool HandToWaiter(JsonElement[] arguments)
        {
            for (var i = 0; i < Waiters.Count; i++)
            {
                var waiter = Waiters[i];
                bool matches;
                try
                {
                    matches = waiter.Match is null || waiter.Match(arguments);
                }
                catch (Exception e)
                {
                    Waiters.RemoveAt(i--);
                    waiter.Reply.TrySetException(e);
                    continue;
                }
                if (!matches) continue;
                Waiters.RemoveAt(i);
                waiter.Reply.TrySetResult(arguments);
                return true;
            }
            return false;
        }
    }
}
