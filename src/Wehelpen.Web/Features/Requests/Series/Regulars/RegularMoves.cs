using Microsoft.EntityFrameworkCore;
using Wehelpen.Web.Data;
using Wehelpen.Web.Features.Notifications;

namespace Wehelpen.Web.Features.Requests.Series.Regulars;

/// <summary>
/// A series changed from a date goes on as a new series (SeriesManagement): its live arrangements go on with it, on
/// the weekdays the new rule still has. One whose days the new rule no longer has (or a monthly rule, which has no
/// weekdays) ends, and the volunteer hears it. Tracked only: saved in the change's own save.
/// </summary>
public sealed class RegularMoves(WehelpenDbContext db, RegularNotices notices, TimeProvider clock)
{
    public sealed record Moved(IReadOnlyList<RegularVolunteer> GoingOn, IReadOnlyList<Notification> Told);

    public async Task<Moved> MoveAsync(RequestSeries old, RequestSeries next, string changedByName, CancellationToken ct)
    {
        var live = await db.Set<RegularVolunteer>()
            .Where(r => r.SeriesId == old.Id && (r.Status == RegularStatus.Offered || r.Status == RegularStatus.Accepted)).ToListAsync(ct);
        var goingOn = new List<RegularVolunteer>();
        var told = new List<Notification>();
        var now = clock.GetUtcNow();
        foreach (var regular in live)
        {
            var days = regular.Weekdays == 0 ? 0 : next.Frequency == SeriesFrequency.Monthly ? -1 : regular.Weekdays & next.Weekdays;
            if ((days == 0 && regular.Weekdays != 0) || days < 0)
            {
                (regular.Status, regular.EndedAt, regular.EndedBy, regular.Series) = (RegularStatus.Ended, now, RegularSide.Circle, old);
                regular.Version++;
                told.AddRange(await notices.ToVolunteerAsync(regular, NotificationKind.RegularEnded, changedByName, now, ct));
                continue;
            }
            (regular.SeriesId, regular.Weekdays) = (next.Id, days);
            regular.Version++;
            goingOn.Add(regular);
        }
        return new Moved(goingOn, told);
    }
}
