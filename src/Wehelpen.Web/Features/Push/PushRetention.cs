using Microsoft.EntityFrameworkCore;
using Wehelpen.Web.Data;
using Wehelpen.Web.Platform.PersonalData;

namespace Wehelpen.Web.Features.Push;

/// <summary>
/// The push outbox keeps a message only while it matters: one taken by its push service goes after a day (kept that
/// long so a late second sender sees it was done), one that failed or expired after a week (for the logs' ids to be
/// looked up), one still waiting once it has expired. A message being handed over right now is left alone.
/// </summary>
internal sealed class PushRetention(WehelpenDbContext db) : IRetentionRule
{
    public static readonly TimeSpan SentKept = TimeSpan.FromDays(1);
    public static readonly TimeSpan FailedKept = TimeSpan.FromDays(7);

    public string Name => "push-deliveries";

    public async Task<int> ApplyAsync(DateTimeOffset now, CancellationToken ct)
    {
        var sent = now - SentKept;
        var failed = now - FailedKept;
        var stale = now - PushSender.StaleAfter;
        return await db.Set<PushDelivery>().Where(d =>
                (d.State == PushDeliveryState.Sent && d.DueAt < sent)
                || (d.State == PushDeliveryState.Failed && d.DueAt < failed)
                || (d.State == PushDeliveryState.Pending && d.ExpiresAt < now)
                || (d.State == PushDeliveryState.Sending && d.DueAt < stale && d.ExpiresAt < now))
            .ExecuteDeleteAsync(ct);
    }
}
