using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Wehelpen.Web.Data;
using Wehelpen.Web.Platform.PersonalData;

namespace Wehelpen.Web.Features.Requests.Series.Regulars;

/// <summary>
/// A volunteer's arrangements with circles. On their erasure the arrangements go: the occurrences they held are
/// requests (RequestsPersonalData opens them again and tells the circle). A circle's erasure takes its own.
/// </summary>
internal sealed class RegularPersonalData(WehelpenDbContext db) : IPersonalData
{
    public IEnumerable<PersonalColumn> Columns => [new("RegularVolunteers", "VolunteerId")];

    public IEnumerable<ExportSection> Export(string userId) =>
    [
        new("regular-volunteer", _ => db.Set<RegularVolunteer>().AsNoTracking().Where(r => r.VolunteerId == userId).OrderBy(r => r.OfferedAt)
            .Select(r => new
            {
                r.Id, r.SeriesId, r.CircleId, SeriesTitle = r.Series!.Title, EveryTime = r.Weekdays == 0, r.Weekdays, Status = r.Status.ToString(),
                r.OfferedAt, r.AnsweredAt, r.EndedAt, EndedBy = r.EndedBy.ToString(),
            })
            .AsAsyncEnumerable()),
    ];

    public async Task EraseAsync(PersonErasure erasure, CancellationToken ct) =>
        await db.Set<RegularVolunteer>().Where(r => r.VolunteerId == erasure.UserId).ExecuteDeleteAsync(ct);

    public async Task EraseCircleAsync(CircleErasure erasure, CancellationToken ct) =>
        await db.Set<RegularVolunteer>().Where(r => r.CircleId == erasure.CircleId).ExecuteDeleteAsync(ct);
}

/// <summary>
/// A declined or ended arrangement is kept <see cref="RetentionOptions.RegularVolunteerDays"/> (both sides can look
/// back at what was agreed), then it goes; a live one goes with its series.
/// </summary>
internal sealed class RegularRetention(WehelpenDbContext db, IOptions<RetentionOptions> options) : IRetentionRule
{
    public string Name => "regular-volunteers";

    public async Task<int> ApplyAsync(DateTimeOffset now, CancellationToken ct)
    {
        if (RetentionPeriod.Cutoff(now, options.Value.RegularVolunteerDays) is not { } cutoff) return 0;
        return await db.Set<RegularVolunteer>()
            .Where(r => (r.Status == RegularStatus.Declined && r.AnsweredAt < cutoff) || (r.Status == RegularStatus.Ended && r.EndedAt < cutoff))
            .ExecuteDeleteAsync(ct);
    }
}
