namespace Wehelpen.Benchmarks.Live;

/// <summary>One circle during one level: its connections, what each of them received, and which messages were stored.</summary>
internal sealed class CircleLog
{
    private readonly Lock _lock = new();
    private readonly List<long> _stored = [];

    public CircleLog(IReadOnlyList<LoadConnection> members, LevelCounters counters)
    {
        Members = members;
        Logs = members.Select(_ => new DeliveryLog(counters)).ToList();
    }

    public IReadOnlyList<LoadConnection> Members { get; }
    public IReadOnlyList<DeliveryLog> Logs { get; }

    /// <summary>The members' events count for this level from now on.</summary>
    public void Attach()
    {
        for (var i = 0; i < Members.Count; i++) Members[i].Log = Logs[i];
    }

    public void Detach()
    {
        foreach (var member in Members) member.Log = null;
    }

    /// <summary>The server answered a send with this message number: each member must get it exactly once.</summary>
    public void Stored(long seq)
    {
        lock (_lock) _stored.Add(seq);
    }

    /// <summary>Deliveries of stored messages that never arrived, member by member.</summary>
    public int Lost()
    {
        lock (_lock) return Logs.Sum(log => _stored.Count(seq => log.TimesArrived(seq) == 0));
    }
}
