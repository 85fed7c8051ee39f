using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Wehelpen.Web.Data;
using Wehelpen.Web.Hosting;
using Wehelpen.Web.Platform.PersonalData;

namespace Wehelpen.Web.Features.Requests.Series;

/// <summary>
/// The series a person started: the template holds their words and the place. On erasure their series go (no new
/// occurrences; the occurrences already made are requests they asked, which <see cref="RequestsPersonalData"/>
/// handles); a series meant for them alone goes on for the whole circle.
/// </summary>
internal sealed class SeriesPersonalData(WehelpenDbContext db) : IPersonalData
{
    public IEnumerable<PersonalColumn> Columns =>
    [
        new("RequestSeries", "RequestedById"),
        new("RequestSeries", "AddressedToId"),
    ];

    public IEnumerable<ExportSection> Export(string userId) =>
    [
        new("request-series", _ => db.Set<RequestSeries>().AsNoTracking().Where(s => s.RequestedById == userId).OrderBy(s => s.CreatedAt)
            .Select(s => new
            {
                s.Id, s.CircleId, Category = s.Category.ToString(), s.Title, s.Description, s.Flexible, s.StartTime, s.EndTime,
                s.Postcode, s.Address, s.ContactPhone, Audience = s.Audience.ToString(), Frequency = s.Frequency.ToString(),
                s.Weekdays, s.DayOfMonth, s.FirstDate, s.UntilDate, s.Times, s.StoppedFrom, s.CreatedAt,
            })
            .AsAsyncEnumerable()),
    ];

    public async Task EraseAsync(PersonErasure erasure, CancellationToken ct)
    {
        await db.Set<RequestSeries>().Where(s => s.RequestedById == erasure.UserId).ExecuteDeleteAsync(ct);
        await db.Set<RequestSeries>().Where(s => s.AddressedToId == erasure.UserId).ExecuteUpdateAsync(u => u
            .SetProperty(s => s.AddressedToId, (string?)null)
            .SetProperty(s => s.Audience, RequestAudience.Circle), ct);
    }

    public async Task EraseCircleAsync(CircleErasure erasure, CancellationToken ct) =>
        await db.Set<RequestSeries>().Where(s => s.CircleId == erasure.CircleId).ExecuteDeleteAsync(ct);
}

/// <summary>
/// A series is kept <see cref="RetentionOptions.RequestSeriesDays"/> after its last date (its end, its count, or
/// where it was stopped), for a change of mind; then its template goes. Its occurrences stay with the circle.
/// </summary>
internal sealed class SeriesRetention(WehelpenDbContext db, IOptions<RetentionOptions> options) : IRetentionRule
{
    public string Name => "request-series";

    public async Task<int> ApplyAsync(DateTimeOffset now, CancellationToken ct)
    {
        if (RetentionPeriod.Cutoff(now, options.Value.RequestSeriesDays) is not { } cutoff) return 0;
        var before = DateOnly.FromDateTime(cutoff.ToAmsterdam().DateTime);
        // Whether a counted series is over needs its dates: few enough series to look at each in memory.
        var candidates = await db.Set<RequestSeries>().AsNoTracking()
            .Where(s => s.StoppedFrom <= before || s.UntilDate < before || s.Times != null)
            .ToListAsync(ct);
        var over = candidates.Where(s => SeriesRule.Dates(s).Select(d => (DateOnly?)d).LastOrDefault() is not { } last || last < before)
            .Select(s => s.Id).ToList();
        if (over.Count == 0) return 0;
        return await db.Set<RequestSeries>().Where(s => over.Contains(s.Id)).ExecuteDeleteAsync(ct);
    }
}
