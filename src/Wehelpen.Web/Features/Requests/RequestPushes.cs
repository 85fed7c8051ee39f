using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Wehelpen.Web.Data;
using Wehelpen.Web.Features.Circles;
using Wehelpen.Web.Features.Notifications;
using Wehelpen.Web.Features.Push;

namespace Wehelpen.Web.Features.Requests;

/// <summary>
/// A claim or a give-back of one of the circle's requests, pushed to the circle's other members' devices: who, what,
/// when; never the address. Queued in the same unit of work as the change; the caller wakes the sender after it.
/// </summary>
public sealed class RequestPushes(WehelpenDbContext db, PushOutbox outbox, IStringLocalizer<SharedResource> text)
{
    public static bool IsPushed(RequestChange change) => change is RequestChange.Claimed or RequestChange.GivenBack;

    public async Task AddAsync(HelpRequest request, RequestChange change, RequestViewer actor, DateTimeOffset now, CancellationToken ct)
    {
        if (!IsPushed(change)) return;
        var others = await db.Set<CircleMember>().AsNoTracking()
            .Where(m => m.CircleId == request.CircleId && m.UserId != actor.UserId).Select(m => m.UserId).ToListAsync(ct);
        var when = request.StartsAt ?? request.EndsAt;
        var link = $"/circles/{request.CircleId}/requests/{request.Id}";
        var key = $"request:{request.Id:N}:{change}:{now.ToUnixTimeMilliseconds()}";
        await outbox.AddAsync(others.Select(userId => new NewPush(userId, key, _ => new PushContent(
            text[change == RequestChange.Claimed ? "Push.Request.Claimed" : "Push.Request.GivenBack", actor.Name, request.Title],
            text["Push.Request.When", NotificationTexts.When(when)], link, Tag: $"request-{request.Id:N}"),
            Urgent: false, ExpiresAt: when > now ? when : now.AddDays(1))).ToList(), now, ct);
    }
}
