namespace Wehelpen.Web.Features.Neighbourhoods.Figures;

internal enum Visibility { Shown, Small, Hidden }

/// <summary>One count while figures are worked out; only its <see cref="Visibility"/> decides whether it ever leaves.</summary>
internal sealed class Tally(int value)
{
    public int Value { get; } = value;
    public Visibility State { get; set; }
}

/// <summary>A total and the counts it is the sum of (for active volunteers: about the sum, people may count twice).</summary>
internal sealed record SumRelation(Tally Total, IReadOnlyList<Tally> Parts);

/// <summary>
/// Small-count suppression. Primary: a count from 1 to below the minimum is shown only as "&lt; 5". Secondary: where a
/// total and its parts are shown, one hidden member could be worked back by subtraction, so as long as any
/// relation has exactly one hidden member, the smallest other non-zero part is hidden too (the total when no part
/// is left). Repeats until no relation has a lone hidden member. Zero is never hidden: it identifies nobody.
/// </summary>
internal static class Suppression
{
    public static void Apply(IEnumerable<Tally> counts, IReadOnlyList<SumRelation> relations, int minimum)
    {
        foreach (var count in counts)
            if (count.Value > 0 && count.Value < minimum) count.State = Visibility.Small;

        bool changed;
        do
        {
            changed = false;
            foreach (var relation in relations)
            {
                var hidden = relation.Parts.Count(p => p.State != Visibility.Shown) + (relation.Total.State != Visibility.Shown ? 1 : 0);
                if (hidden != 1) continue;
                var next = relation.Parts.Where(p => p.State == Visibility.Shown && p.Value > 0).MinBy(p => p.Value)
                    ?? (relation.Total.State == Visibility.Shown && relation.Total.Value > 0 ? relation.Total : null);
                if (next is null) continue;
                next.State = Visibility.Hidden;
                changed = true;
            }
        } while (changed);
    }
}
