using Wehelpen.Web.Features.Circles;
using Wehelpen.Web.Features.Notifications;

namespace Wehelpen.Web.Features.Reminders;

/// <summary>
/// Someone new in a circle (the circle's appointments may now remind them), or who changed their reminder settings:
/// everything that may remind them is planned again.
/// </summary>
internal sealed class ReminderPersonFollower(ReminderPlanner planner) : IMemberJoined, ISettingsSaved
{
    public Task JoinedAsync(Guid circleId, string userId, CancellationToken ct) => planner.PersonChangedAsync(userId, ct);

    public Task SettingsSavedAsync(string userId, CancellationToken ct) => planner.PersonChangedAsync(userId, ct);
}
