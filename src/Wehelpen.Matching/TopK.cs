namespace Wehelpen.Matching;

/// <summary>
/// The best k candidates seen so far, kept sorted best first. k is small (a wave), so an insertion into a sorted
/// array beats a heap, and a candidate worse than the current k-th costs one comparison.
/// </summary>
internal sealed class TopK(int k)
{
    private readonly (Candidate Candidate, double Score, double Distance)[] _items = new (Candidate, double, double)[Math.Max(k, 0)];

    public int Count { get; private set; }

    public void Offer(in Candidate candidate, double score, double distance)
    {
        if (_items.Length == 0) return;
        if (Count == _items.Length)
        {
            ref readonly var worst = ref _items[Count - 1];
            if (Compare(in candidate, score, distance, in worst) >= 0) return;
            Count--;
        }
        var at = Count;
        while (at > 0 && Compare(in candidate, score, distance, in _items[at - 1]) < 0)
        {
            _items[at] = _items[at - 1];
            at--;
        }
        _items[at] = (candidate, score, distance);
        Count++;
    }

    public IReadOnlyList<VolunteerMatch> Explain(MatchQuery query)
    {
        var result = new VolunteerMatch[Count];
        for (var i = 0; i < Count; i++) result[i] = MatchRules.Explain(in _items[i].Candidate, query, _items[i].Score, _items[i].Distance);
        return result;
    }

    // Scores and distances settle nearly every comparison; the id (behind a pointer) only breaks exact ties.
    private static int Compare(in Candidate candidate, double score, double distance, in (Candidate Candidate, double Score, double Distance) other)
    {
        if (score != other.Score) return other.Score.CompareTo(score);
        if (distance != other.Distance) return distance.CompareTo(other.Distance);
        return string.CompareOrdinal(candidate.Volunteer.Id, other.Candidate.Volunteer.Id);
    }
}
