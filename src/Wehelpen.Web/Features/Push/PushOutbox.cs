using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Wehelpen.Web.Data;
using Wehelpen.Web.Localization;

namespace Wehelpen.Web.Features.Push;

/// <summary>
/// Queues pushes in the caller's unit of work, one per device of each person, so a push is saved with its cause or
/// not at all; after the commit the caller wakes the sender (<see cref="PushWake"/>). A push that can wait and falls
/// in the person's quiet hours is due when they end. Nothing is queued while pushes are off on this server.
/// </summary>
public sealed class PushOutbox(WehelpenDbContext db, IOptions<PushOptions> options)
{
    /// <returns>How many device messages were queued.</returns>
    public async Task<int> AddAsync(IReadOnlyCollection<NewPush> pushes, DateTimeOffset now, CancellationToken ct)
    {
        if (!options.Value.Enabled || pushes.Count == 0) return 0;
        var userIds = pushes.Select(p => p.UserId).Distinct().ToList();
        var devices = await db.Set<PushSubscription>().AsNoTracking().Where(s => userIds.Contains(s.UserId))
            .Select(s => new { s.Id, s.UserId }).ToListAsync(ct);
        if (devices.Count == 0) return 0;
        var withDevices = devices.Select(d => d.UserId).Distinct().ToList();
        var languages = await db.Users.AsNoTracking().Where(u => withDevices.Contains(u.Id))
            .Select(u => new { u.Id, u.PreferredLanguage }).ToDictionaryAsync(u => u.Id, u => u.PreferredLanguage, ct);
        var settings = await db.Set<PushSettings>().AsNoTracking().Where(s => withDevices.Contains(s.UserId)).ToDictionaryAsync(s => s.UserId, ct);

        var queued = 0;
        foreach (var push in pushes.Where(p => p.ExpiresAt > now))
        {
            var mine = devices.Where(d => d.UserId == push.UserId).ToList();
            if (mine.Count == 0) continue;
            var language = languages.GetValueOrDefault(push.UserId) ?? "nl";
            var mySettings = settings.GetValueOrDefault(push.UserId) ?? new PushSettings { UserId = push.UserId };
            var payload = LocalizationExtensions.InLanguage(language, () => push.Render(mySettings)).ToJson();
            var quiet = mySettings.Quiet;
            var due = push.Urgent ? now : quiet.Release(now);
            if (due >= push.ExpiresAt) continue; // by the morning it would say nothing worth waking up to
            foreach (var device in mine)
            {
                db.Add(new PushDelivery
                {
                    SubscriptionId = device.Id, UserId = push.UserId, SourceKey = push.SourceKey, Payload = payload, Urgent = push.Urgent,
                    State = PushDeliveryState.Pending, DueAt = due, ExpiresAt = push.ExpiresAt, CreatedAt = now,
                });
                queued++;
            }
        }
        return queued;
    }
}
