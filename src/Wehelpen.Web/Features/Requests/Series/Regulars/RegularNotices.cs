using Microsoft.EntityFrameworkCore;
using Wehelpen.Web.Data;
using Wehelpen.Web.Features.Circles;
using Wehelpen.Web.Features.Notifications;

namespace Wehelpen.Web.Features.Requests.Series.Regulars;

/// <summary>
/// Tells the other side of an arrangement what happened, in the same unit of work as the change: the circle's
/// managers (and whoever asked the series) of an offer or of the volunteer ending it; the volunteer of the circle's
/// answer or of the circle ending it. Only the series' title and a first name: the rest is read in the app.
/// </summary>
public sealed class RegularNotices(WehelpenDbContext db, Notifier notifier)
{
    public static string CirclePath(Guid circleId, Guid regularId) => $"/circles/{circleId}/regulars/{regularId}";

    public static string VolunteerPath(Guid regularId) => $"{RegularPaths.Mine}#regular-{regularId}";

    public async Task<IReadOnlyList<Notification>> ToCircleAsync(RegularVolunteer regular, NotificationKind kind, DateTimeOffset now, CancellationToken ct)
    {
        var series = regular.Series!;
        var managers = await db.Set<CircleMember>().AsNoTracking()
            .Where(m => m.CircleId == regular.CircleId && (m.Role == CircleRole.Resident || m.Role == CircleRole.Coordinator || m.UserId == series.RequestedById))
            .Select(m => m.UserId).ToListAsync(ct);
        var data = new NotificationData(series.Title, Person: RequestDescriptions.FirstName(regular.Volunteer!.DisplayName));
        return await notifier.AddAsync(managers.Where(id => id != regular.VolunteerId).Distinct()
            .Select(id => new NewNotification(id, kind, data, CirclePath(regular.CircleId, regular.Id), Key(regular, kind, id, now))).ToList(), now, ct);
    }

    public async Task<IReadOnlyList<Notification>> ToVolunteerAsync(RegularVolunteer regular, NotificationKind kind, string actorName, DateTimeOffset now, CancellationToken ct)
    {
        var data = new NotificationData(regular.Series!.Title, Person: RequestDescriptions.FirstName(actorName));
        return await notifier.AddAsync([new NewNotification(regular.VolunteerId, kind, data, VolunteerPath(regular.Id), Key(regular, kind, regular.VolunteerId, now))], now, ct);
    }

    public Task AnnounceAsync(IReadOnlyCollection<Notification> saved) => notifier.AnnounceAsync(saved);

    private static string Key(RegularVolunteer regular, NotificationKind kind, string userId, DateTimeOffset now) =>
        $"regular:{regular.Id:N}:{kind}:{userId}:{now.UtcTicks}";
}

public static class RegularPaths
{
    public const string Mine = "/help/regulars";

    public static string Offer(Guid requestId) => $"/help/{requestId}/regular";
}
