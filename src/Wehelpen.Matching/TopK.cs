namespace Wehelpen.Matching;

/// <summary>
/// The best k candidates seen so far: a heap with the worst of them on top, so that a candidate that does not beat
/// it costs one comparison, and one that does costs log k moves of an index. Best first when read out.
/// </summary>
internal sealed class TopK
{
    private readonly Candidate[] _candidates;
    private readonly double[] _scores;
    private readonly double[] _distances;
    private readonly int[] _heap;

    public TopK(int k)
    {
        var size = Math.Max(k, 0);
        (_candidates, _scores, _distances, _heap) = (new Candidate[size], new double[size], new double[size], new int[size]);
    }

    public int Count { get; private set; }

    /// <summary>The score a candidate must beat once the top is full; until then, any score enters.</summary>
    public double ScoreToBeat => Count < _heap.Length ? double.NegativeInfinity : _heap.Length == 0 ? double.PositiveInfinity : _scores[_heap[0]];

    public void Offer(in Candidate candidate, double score, double distance)
    {
        if (_heap.Length == 0) return;
        int slot;
        if (Count < _heap.Length)
        {
            slot = Count;
            _heap[Count] = slot;
            Store(slot, in candidate, score, distance);
            SiftUp(Count++);
            return;
        }
        slot = _heap[0];
        if (Compare(score, distance, in candidate, slot) >= 0) return;
        Store(slot, in candidate, score, distance);
        SiftDown(0);
    }

    public IReadOnlyList<VolunteerMatch> Explain(MatchQuery query)
    {
        var order = _heap[..Count];
        Array.Sort(order, (a, b) => Compare(_scores[a], _distances[a], in _candidates[a], b));
        return [.. order.Select(i => MatchRules.Explain(in _candidates[i], query, _scores[i], _distances[i]))];
    }

    private void Store(int slot, in Candidate candidate, double score, double distance) =>
        (_candidates[slot], _scores[slot], _distances[slot]) = (candidate, score, distance);

    /// <summary>
    /// Below zero when the first ranks before the candidate in <paramref name="slot"/>, as <see cref="MatchRules.Compare"/>
    /// orders them; the ids (behind a pointer each) are read only when score and distance are equal.
    /// </summary>
    private int Compare(double score, double distance, in Candidate candidate, int slot)
    {
        if (score != _scores[slot]) return _scores[slot].CompareTo(score);
        if (distance != _distances[slot]) return distance.CompareTo(_distances[slot]);
        return MatchRules.Compare(score, distance, candidate.Id, _scores[slot], _distances[slot], _candidates[slot].Id);
    }

    // The heap keeps the worst on top: a parent never ranks before its children.
    private bool RanksBefore(int slotA, int slotB) => Compare(_scores[slotA], _distances[slotA], in _candidates[slotA], slotB) < 0;

    private void SiftUp(int at)
    {
        while (at > 0)
        {
            var parent = (at - 1) / 2;
            if (!RanksBefore(_heap[parent], _heap[at])) return;
            (_heap[parent], _heap[at]) = (_heap[at], _heap[parent]);
            at = parent;
        }
    }

    private void SiftDown(int at)
    {
        while (true)
        {
            int left = 2 * at + 1, right = left + 1, worst = at;
            if (left < Count && RanksBefore(_heap[worst], _heap[left])) worst = left;
            if (right < Count && RanksBefore(_heap[worst], _heap[right])) worst = right;
            if (worst == at) return;
            (_heap[worst], _heap[at]) = (_heap[at], _heap[worst]);
            at = worst;
        }
    }
}
