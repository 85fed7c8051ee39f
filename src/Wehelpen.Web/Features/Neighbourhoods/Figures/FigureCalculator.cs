using Wehelpen.Web.Features.Areas;

namespace Wehelpen.Web.Features.Neighbourhoods.Figures;

/// <summary>
/// Works out the figures from the rows of the period, in memory, and suppresses small counts.
/// <para>
/// An <b>active volunteer</b> of a gebied in a week is someone who, at the end of that week, either lives in the
/// gebied (home PC4) with the volunteer role and at least one category they help with (what matching needs to ask
/// them; their home today is taken for past weeks too), or claimed a request located in the gebied in the four weeks
/// up to then. Someone counts once per gebied; over several gebieden together, once. "Requests per active
/// volunteer" divides the requests asked per week by that number.
/// </para>
/// </summary>
internal sealed class FigureCalculator
{
    public static readonly TimeSpan ActiveWindow = TimeSpan.FromDays(28);

    private sealed class Raw(Tally asked, Tally claimed, Tally confirmed, Tally volunteers, int within24, List<double> hours, int weeks)
    {
        public Tally Asked { get; } = asked;
        public Tally Claimed { get; } = claimed;
        public Tally Confirmed { get; } = confirmed;
        public Tally Volunteers { get; } = volunteers;
        public int Within24 { get; } = within24;
        public List<double> Hours { get; } = hours;
        public int Weeks { get; } = weeks;
        public IEnumerable<Tally> Counts => [Asked, Claimed, Confirmed, Volunteers];
    }

    private readonly ILookup<(string Area, DateOnly Week), AskedRow> _asked;
    private readonly Dictionary<(string Area, DateOnly Week), int> _confirmed;
    private readonly Dictionary<string, int> _residentsBefore;
    private readonly ILookup<string, DateTimeOffset> _newResidents;
    private readonly ILookup<string, ClaimRow> _claims;
    private readonly Dictionary<string, (string Area, DateTimeOffset Since)> _claimerHomes;

    public FigureCalculator(FigureRows rows)
    {
        static string AreaOf(string pc4) => AmsterdamAreas.ForPc4(pc4)?.Code ?? "";
        _asked = rows.Asked.ToLookup(r => (AreaOf(r.Pc4), FigureWeeks.MondayOf(r.CreatedAt)));
        _confirmed = rows.Confirmed.GroupBy(r => (AreaOf(r.Pc4), FigureWeeks.MondayOf(r.ClosedAt))).ToDictionary(g => g.Key, g => g.Count());
        _residentsBefore = rows.ResidentsBefore.GroupBy(kv => AreaOf(kv.Key)).ToDictionary(g => g.Key, g => g.Sum(kv => kv.Value));
        _newResidents = rows.NewResidents.ToLookup(r => AreaOf(r.Pc4), r => r.Since);
        _claims = rows.Claims.ToLookup(c => AreaOf(c.Pc4));
        _claimerHomes = rows.ClaimerHomes.ToDictionary(kv => kv.Key, kv => (AreaOf(kv.Value.Pc4), kv.Value.Since));
    }

    public FiguresReport Report(IReadOnlyList<Area> areas, IReadOnlyList<DateOnly> weeks, int minimum)
    {
        var all = areas.Select(a => a.Code).ToHashSet();
        var cells = areas.ToDictionary(a => a.Code, a => weeks.Select(w => Build([a.Code], [w], null)).ToArray());
        var areaTotals = areas.ToDictionary(a => a.Code, a => Build([a.Code], weeks, cells[a.Code][^1].Volunteers));
        var weekTotals = weeks.Select(w => Build(all, [w], null)).ToArray();
        var total = Build(all, weeks, weekTotals[^1].Volunteers);
        var stadsdelen = AmsterdamAreas.Stadsdelen
            .Select(s => (Stadsdeel: s, Areas: areas.Where(a => a.Stadsdeel == s).ToList())).Where(s => s.Areas.Count > 0)
            .Select(s => (s.Stadsdeel, s.Areas, Raw: Build(s.Areas.Select(a => a.Code).ToHashSet(), weeks, null))).ToList();

        var relations = new List<SumRelation>();
        foreach (var pick in new Func<Raw, Tally>[] { r => r.Asked, r => r.Claimed, r => r.Confirmed })
        {
            for (var w = 0; w < weeks.Count; w++) relations.Add(new(pick(weekTotals[w]), areas.Select(a => pick(cells[a.Code][w])).ToList()));
            foreach (var a in areas) relations.Add(new(pick(areaTotals[a.Code]), cells[a.Code].Select(pick).ToList()));
            relations.Add(new(pick(total), areas.Select(a => pick(areaTotals[a.Code])).ToList()));
            relations.Add(new(pick(total), weekTotals.Select(pick).ToList()));
            relations.Add(new(pick(total), stadsdelen.Select(s => pick(s.Raw)).ToList()));
            foreach (var s in stadsdelen) relations.Add(new(pick(s.Raw), s.Areas.Select(a => pick(areaTotals[a.Code])).ToList()));
        }
        // Volunteers are about additive over gebieden (someone active in two counts in both): treated as if exactly.
        for (var w = 0; w < weeks.Count; w++) relations.Add(new(weekTotals[w].Volunteers, areas.Select(a => cells[a.Code][w].Volunteers).ToList()));
        relations.Add(new(total.Volunteers, stadsdelen.Select(s => s.Raw.Volunteers).ToList()));
        foreach (var s in stadsdelen) relations.Add(new(s.Raw.Volunteers, s.Areas.Select(a => areaTotals[a.Code].Volunteers).ToList()));

        var counts = cells.Values.SelectMany(c => c).Concat(areaTotals.Values).Concat(weekTotals).Append(total)
            .Concat(stadsdelen.Select(s => s.Raw)).SelectMany(r => r.Counts).Distinct();
        Suppression.Apply(counts, relations, minimum);

        WeekFigures[] Weekly(Raw[] raws) => weeks.Select((w, i) => new WeekFigures(FigureWeeks.Label(w), w, Shown(raws[i], minimum))).ToArray();
        return new FiguresReport(weeks.Count, weeks[0], weeks[^1].AddDays(6), minimum,
            areas.Select(a => new AreaFigures(a.Code, a.Number, a.Name, a.Stadsdeel.Name, Weekly(cells[a.Code]), Shown(areaTotals[a.Code], minimum))).ToList(),
            Weekly(weekTotals), Shown(total, minimum),
            stadsdelen.Select(s => new StadsdeelFigures(s.Stadsdeel.Code, s.Stadsdeel.Name, s.Areas.Select(a => a.Code).ToList(), Shown(s.Raw, minimum))).ToList());
    }

    /// <param name="volunteers">Over a period the volunteers of its last week: the very same count, so it is hidden alike.</param>
    private Raw Build(HashSet<string> areas, IReadOnlyList<DateOnly> weeks, Tally? volunteers)
    {
        var keys = areas.SelectMany(a => weeks.Select(w => (a, w))).ToList();
        var asked = keys.SelectMany(k => _asked[k]).ToList();
        var claimed = asked.Where(r => r.FirstClaimAt is not null).ToList();
        var confirmed = keys.Sum(k => _confirmed.GetValueOrDefault(k));
        return new Raw(new Tally(asked.Count), new Tally(claimed.Count), new Tally(confirmed),
            volunteers ?? new Tally(ActiveVolunteers(areas, weeks[^1])),
            claimed.Count(r => r.FirstClaimAt!.Value - r.CreatedAt <= TimeSpan.FromHours(24)),
            claimed.Select(r => (r.FirstClaimAt!.Value - r.CreatedAt).TotalHours).Order().ToList(),
            weeks.Count);
    }

    /// <summary>Residents (a person has one home, so they add up over gebieden) plus claimers who are not among them.</summary>
    private int ActiveVolunteers(HashSet<string> areas, DateOnly week)
    {
        var end = FigureWeeks.StartUtc(week.AddDays(7));
        var since = end - ActiveWindow;
        var residents = areas.Sum(a => _residentsBefore.GetValueOrDefault(a) + _newResidents[a].Count(s => s < end));
        var claimers = areas.SelectMany(a => _claims[a]).Where(c => c.At >= since && c.At < end).Select(c => c.UserId).Distinct()
            .Count(id => !(_claimerHomes.TryGetValue(id, out var home) && areas.Contains(home.Area) && home.Since < end));
        return residents + claimers;
    }

    /// <summary>What may leave: counts by their visibility; shares and medians only over a shown base of enough requests.</summary>
    private static FigureSet Shown(Raw raw, int minimum)
    {
        static FigureValue Count(Tally t) => t.State switch
        {
            Visibility.Small => new FigureValue(null, FigureValue.Small),
            Visibility.Hidden => new FigureValue(null, FigureValue.Secondary),
            _ => new FigureValue(t.Value, null),
        };
        FigureValue Over(Tally basis, Func<double> value) =>
            basis.State != Visibility.Shown ? new FigureValue(null, FigureValue.Secondary)
            : basis.Value == 0 ? FigureValue.None
            : basis.Value < minimum ? new FigureValue(null, FigureValue.Secondary)
            : new FigureValue(value(), null);

        var perVolunteer = raw.Asked.State != Visibility.Shown || raw.Volunteers.State != Visibility.Shown
            ? new FigureValue(null, FigureValue.Secondary)
            : raw.Volunteers.Value == 0 ? FigureValue.None
            : new FigureValue(Math.Round((double)raw.Asked.Value / raw.Weeks / raw.Volunteers.Value, 2), null);
        return new FigureSet(
            Count(raw.Asked), Count(raw.Claimed),
            // The share with the number asked gives away how many were (not) claimed within a day: a small one stays hidden.
            IsSmall(raw.Within24, minimum) || IsSmall(raw.Asked.Value - raw.Within24, minimum)
                ? new FigureValue(null, FigureValue.Secondary)
                : Over(raw.Asked, () => Math.Round((double)raw.Within24 / raw.Asked.Value, 3)),
            Over(raw.Claimed, () => Math.Round(Median(raw.Hours), 1)),
            Count(raw.Confirmed), Count(raw.Volunteers), perVolunteer);
    }

    private static bool IsSmall(int count, int minimum) => count > 0 && count < minimum;

    private static double Median(List<double> sorted) =>
        sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
}
