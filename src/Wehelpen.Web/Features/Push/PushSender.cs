using System.Net;
using Lib.Net.Http.WebPush;
using Lib.Net.Http.WebPush.Authentication;
using Microsoft.EntityFrameworkCore;
using Wehelpen.Web.Data;

namespace Wehelpen.Web.Features.Push;

/// <summary>
/// The push outbox's sender. A due message is claimed (Pending → Sending) before it goes to the push service, so two
/// nodes never both send it; one left Sending by a process that died is sent again after <see cref="StaleAfter"/>, under
/// the same topic, which makes the push service replace rather than add it, and the same tag on the device. What the
/// push service answers decides what follows: taken (2xx) is done; 404 or 410 means the device is gone, and so is its
/// subscription; 429 and 5xx wait (as long as Retry-After says, else a growing pause) and try again, up to
/// <see cref="MaxAttempts"/>; any other answer is final. A push that fails never touches its notification or mail.
/// </summary>
public sealed class PushSender(WehelpenDbContext db, PushClient client, PushMetrics metrics, TimeProvider clock, ILogger<PushSender> logger)
{
    public const int MaxAttempts = 6;
    public static readonly TimeSpan StaleAfter = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan LongestPause = TimeSpan.FromHours(1);
    private const int BatchSize = 100;

    /// <returns>How many messages push services took.</returns>
    public async Task<int> SendDueAsync(CancellationToken ct)
    {
        if (!client.Enabled) return 0;
        var sent = 0;
        while (true)
        {
            var now = clock.GetUtcNow();
            var stale = now - StaleAfter;
            var batch = await db.Set<PushDelivery>().AsNoTracking()
                .Where(d => (d.State == PushDeliveryState.Pending && d.DueAt <= now) || (d.State == PushDeliveryState.Sending && d.DueAt <= stale))
                .OrderBy(d => d.DueAt).Take(BatchSize)
                .Select(d => new { d.Id, d.State, d.DueAt })
                .ToListAsync(ct);
            foreach (var item in batch)
                if (await SendOneAsync(item.Id, item.State, item.DueAt, ct)) sent++;
            if (batch.Count < BatchSize) return sent;
        }
    }

    /// <summary>When the next message falls due, for the sender to wake then (the end of someone's quiet hours).</summary>
    public async Task<DateTimeOffset?> NextDueAsync(CancellationToken ct) =>
        await db.Set<PushDelivery>().Where(d => d.State == PushDeliveryState.Pending).OrderBy(d => d.DueAt)
            .Select(d => (DateTimeOffset?)d.DueAt).FirstOrDefaultAsync(ct);

    private async Task<bool> SendOneAsync(Guid id, PushDeliveryState state, DateTimeOffset seenDue, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var claimed = await db.Set<PushDelivery>().Where(d => d.Id == id && d.State == state && d.DueAt == seenDue)
            .ExecuteUpdateAsync(u => u.SetProperty(d => d.State, PushDeliveryState.Sending).SetProperty(d => d.DueAt, now), ct);
        if (claimed == 0) return false; // another sender has it

        var delivery = await db.Set<PushDelivery>().AsNoTracking().Include(d => d.Subscription).SingleOrDefaultAsync(d => d.Id == id, ct);
        if (delivery?.Subscription is not { } device) return false; // the device was turned off meanwhile
        if (delivery.ExpiresAt <= now)
        {
            await FinishAsync(id, PushDeliveryState.Failed, delivery.Attempts, now);
            return false;
        }

        var attempts = delivery.Attempts + 1;
        try
        {
            await client.SendAsync(device, delivery.Payload, delivery.SourceKey, delivery.Urgent, delivery.ExpiresAt - now, ct);
            await FinishAsync(id, PushDeliveryState.Sent, attempts, now);
            await db.Set<PushSubscription>().Where(s => s.Id == device.Id)
                .ExecuteUpdateAsync(u => u.SetProperty(s => s.LastPushedAt, now), CancellationToken.None);
            metrics.Sent();
            return true;
        }
        catch (PushServiceClientException e) when (e.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Gone)
        {
            // The browser dropped the subscription (uninstalled, permission withdrawn, expired): nothing will reach it.
            await db.Set<PushSubscription>().Where(s => s.Id == device.Id).ExecuteDeleteAsync(CancellationToken.None);
            metrics.Gone();
            logger.LogInformation("Push service answered {Status} for device {SubscriptionId}: the subscription is removed.", (int)e.StatusCode, device.Id);
            return false;
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            var status = (e as PushServiceClientException)?.StatusCode;
            var retry = status is null or HttpStatusCode.TooManyRequests || (int)status >= 500;
            var outcome = retry && attempts < MaxAttempts ? PushDeliveryState.Pending : PushDeliveryState.Failed;
            var pause = RetryAfter(e as PushServiceClientException, now) ?? TimeSpan.FromSeconds(30 * Math.Pow(2, attempts - 1));
            await FinishAsync(id, outcome, attempts, now + (pause < LongestPause ? pause : LongestPause));
            metrics.Failed();
            logger.LogWarning("Push for device {SubscriptionId} failed with {Status} (attempt {Attempt} of {Max}): {Error}.",
                device.Id, status is { } s ? (int)s : null, attempts, MaxAttempts, e.GetType().Name);
            return false;
        }
    }

    private Task<int> FinishAsync(Guid id, PushDeliveryState state, int attempts, DateTimeOffset due) =>
        db.Set<PushDelivery>().Where(d => d.Id == id).ExecuteUpdateAsync(u => u.SetProperty(d => d.State, state)
            .SetProperty(d => d.Attempts, attempts).SetProperty(d => d.DueAt, due), CancellationToken.None);

    private static TimeSpan? RetryAfter(PushServiceClientException? e, DateTimeOffset now) => e?.Headers?.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } when date > now => date - now,
        _ => null,
    };
}
