using Microsoft.EntityFrameworkCore;
using Wehelpen.Web.Data;
using Wehelpen.Web.Features.Circles;
using Wehelpen.Web.Hosting;

namespace Wehelpen.Web.Features.Requests.Series.Regulars;

/// <summary>
/// Who may see an arrangement, and how it reads. The volunteer sees their own; the members of the circle see
/// its arrangements; anyone else gets what a made-up id gets.
/// </summary>
public sealed class RegularQueries(WehelpenDbContext db, TimeProvider clock)
{
    /// <summary>The arrangement (tracked), its series, and the caller's role in its circle (null for the volunteer from outside).</summary>
    internal async Task<(RegularVolunteer Regular, CircleRole? Role)?> FindAsync(string userId, Guid regularId, CancellationToken ct)
    {
        var regular = await db.Set<RegularVolunteer>().Include(r => r.Series).Include(r => r.Volunteer).SingleOrDefaultAsync(r => r.Id == regularId, ct);
        if (regular is null) return null;
        var role = await db.Set<CircleMember>().Where(m => m.CircleId == regular.CircleId && m.UserId == userId)
            .Select(m => (CircleRole?)m.Role).FirstOrDefaultAsync(ct);
        return role is not null || regular.VolunteerId == userId ? (regular, role) : null;
    }

    public async Task<RegularResponse?> GetAsync(string userId, Guid regularId, CancellationToken ct) =>
        await FindAsync(userId, regularId, ct) is var (regular, _) ? Describe(regular) : null;

    /// <summary>The volunteer's arrangements, the live ones first.</summary>
    public async Task<IReadOnlyList<RegularResponse>> MineAsync(string userId, CancellationToken ct)
    {
        var mine = await db.Set<RegularVolunteer>().AsNoTracking().Include(r => r.Series).Include(r => r.Volunteer)
            .Where(r => r.VolunteerId == userId).ToListAsync(ct);
        return mine.OrderBy(r => r.IsLive ? 0 : 1).ThenByDescending(r => r.OfferedAt).Select(r => Describe(r)).ToList();
    }

    /// <summary>The live arrangements of a series, for the circle's pages; empty for someone outside the circle.</summary>
    public async Task<IReadOnlyList<RegularResponse>> OfSeriesAsync(string userId, Guid seriesId, CancellationToken ct)
    {
        var live = await db.Set<RegularVolunteer>().AsNoTracking().Include(r => r.Series).Include(r => r.Volunteer)
            .Where(r => r.SeriesId == seriesId && (r.Status == RegularStatus.Offered || r.Status == RegularStatus.Accepted))
            .Where(r => db.Set<CircleMember>().Any(m => m.CircleId == r.CircleId && m.UserId == userId))
            .ToListAsync(ct);
        return live.OrderBy(r => r.OfferedAt).Select(r => Describe(r)).ToList();
    }

    /// <summary>The live arrangements of the series a request belongs to, for its page in the circle.</summary>
    public async Task<IReadOnlyList<RegularResponse>> OfRequestAsync(string userId, Guid requestId, CancellationToken ct) =>
        await db.Set<HelpRequest>().Where(r => r.Id == requestId).Select(r => r.SeriesId).SingleOrDefaultAsync(ct) is { } seriesId
            ? await OfSeriesAsync(userId, seriesId, ct)
            : [];

    /// <summary>Whether this person asked the series: they answer for it as the hoofdpersoon and coördinators do.</summary>
    public Task<bool> AskedSeriesAsync(string userId, Guid seriesId, CancellationToken ct) =>
        db.Set<RequestSeries>().AnyAsync(s => s.Id == seriesId && s.RequestedById == userId, ct);

    /// <summary>For the helper of an occurrence of a series (now or before): whether they may offer to take it on.</summary>
    public async Task<RegularChoice?> ChoiceAsync(string userId, Guid requestId, CancellationToken ct)
    {
        var request = await db.Set<HelpRequest>().AsNoTracking()
            .Where(r => r.Id == requestId && r.ClaimedById == userId && r.SeriesId != null && (r.Status == RequestStatus.Claimed || r.Status == RequestStatus.Done))
            .Select(r => new { r.Id, r.SeriesId }).SingleOrDefaultAsync(ct);
        var series = request is null ? null : await db.Set<RequestSeries>().AsNoTracking().SingleOrDefaultAsync(s => s.Id == request.SeriesId, ct);
        if (request is null || series is null) return null;
        var live = await db.Set<RegularVolunteer>().AsNoTracking().Include(r => r.Volunteer)
            .Where(r => r.SeriesId == series.Id && (r.Status == RegularStatus.Offered || r.Status == RegularStatus.Accepted)).ToListAsync(ct);
        var mine = live.FirstOrDefault(r => r.VolunteerId == userId);
        if (mine is not null) mine.Series = series;
        var taken = live.Where(r => r.VolunteerId != userId && r.Status == RegularStatus.Accepted)
            .SelectMany(r => r.Weekdays == 0 || series.Frequency == SeriesFrequency.Monthly ? Enum.GetValues<DayOfWeek>() : (IEnumerable<DayOfWeek>)r.Days)
            .Distinct().Order().ToList();
        return new RegularChoice(request.Id, series.Id, series.Title, series.Frequency, series.Days.Order().ToList(),
            GoesOn(series), mine is null ? null : Describe(mine), taken);
    }

    /// <summary>Whether the series has a date still to come.</summary>
    internal bool GoesOn(RequestSeries series)
    {
        var today = clock.AmsterdamToday();
        return SeriesRule.Dates(series).Any(d => d >= today);
    }

    internal static RegularResponse Describe(RegularVolunteer r, int handedOver = 0)
    {
        var s = r.Series!;
        return new RegularResponse(r.Id, r.SeriesId, r.CircleId, s.Title, r.Volunteer?.DisplayName ?? "", r.Days.Order().ToList(),
            r.Status, r.OfferedAt, r.AnsweredAt, r.EndedAt, r.EndedBy,
            s.Frequency, s.Days.Order().ToList(), s.DayOfMonth, s.Flexible, s.StartTime, s.EndTime, handedOver);
    }
}
