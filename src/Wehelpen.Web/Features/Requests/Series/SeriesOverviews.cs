using Microsoft.EntityFrameworkCore;
using Wehelpen.Web.Data;
using Wehelpen.Web.Features.Circles;
using Wehelpen.Web.Hosting;

namespace Wehelpen.Web.Features.Requests.Series;

/// <summary>
/// A series as its page shows it: the occurrences made so far, the dates up to the horizon not made yet, and the dates
/// that will never be made because summer time skips their hour.
/// </summary>
/// <param name="MayChange">Whoever asked, the hoofdpersoon and the coördinators, as in <see cref="SeriesManagement"/>.</param>
public sealed record SeriesOverview(
    RequestSeries Series, IReadOnlyList<SeriesOccurrenceResponse> Made, IReadOnlyList<DateOnly> ToCome,
    IReadOnlyList<(DateOnly On, TimeOnly Time)> Skipped, DateOnly Today, bool MayChange);

public sealed class SeriesOverviews(WehelpenDbContext db, SeriesManagement management, SeriesOptions options, TimeProvider clock)
{
    public DateOnly Today => clock.AmsterdamToday();

    /// <summary>Only a series of this circle: another circle's (or a made-up id) is not found, whoever asks.</summary>
    public Task<RequestSeries?> FindAsync(Guid circleId, Guid seriesId, CancellationToken ct) =>
        db.Set<RequestSeries>().AsNoTracking().SingleOrDefaultAsync(s => s.Id == seriesId && s.CircleId == circleId, ct);

    public async Task<SeriesOverview?> GetAsync(CircleMembership me, Guid seriesId, CancellationToken ct)
    {
        if (await FindAsync(me.CircleId, seriesId, ct) is not { } series) return null;
        if (await management.GetAsync(me.UserId, seriesId, ct) is not { } described) return null;
        var today = Today;
        var skipped = SeriesWords.SkippedBySummerTime(series, today);
        var made = described.Occurrences.Select(o => o.On).ToHashSet();
        // The same horizon as SeriesOccurrences: further ahead nothing is made yet, so nothing is listed.
        var toCome = SeriesRule.Between(series, today, today.AddDays(Math.Max(1, options.HorizonDays)))
            .Where(d => !made.Contains(d) && skipped.All(s => s.On != d)).ToList();
        var mayChange = me.UserId == series.RequestedById || me.CanManage;
        return new SeriesOverview(series, described.Occurrences, toCome, skipped, today, mayChange);
    }
}
