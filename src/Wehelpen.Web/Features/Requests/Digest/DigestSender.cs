using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Wehelpen.Web.Data;
using Wehelpen.Web.Features.Notifications;
using Wehelpen.Web.Hosting;

namespace Wehelpen.Web.Features.Requests.Digest;

/// <summary>
/// The volunteers' digest: "n open requests near you", daily or on Mondays, as each chose. The count is the one
/// the /help page shows them (<see cref="RequestQueries.NearbyCountAsync"/>), so it never counts what they may
/// not see, and says nothing but the number. One per person and day: the notification's source key is unique,
/// so a second run (a retry, a misfire, another node) makes nothing new.
/// </summary>
public sealed class DigestSender(
    WehelpenDbContext db, RequestQueries requests, Notifier notifier, TimeProvider clock, ILogger<DigestSender> logger)
{
    /// <summary>Amsterdam time from which a day's digest goes out (the job's cron trigger fires then).</summary>
    public static readonly TimeOnly SendFrom = new(8, 0);

    public const string Link = "/help";
    private const int BatchSize = 100;

    /// <param name="Sent">Notifications made now.</param>
    /// <param name="Nothing">Volunteers due whom nothing near was open for.</param>
    public sealed record Result(int Sent, int Nothing, IReadOnlyList<Notification> Made);

    public static string SourceKey(string userId, DateOnly day) =>
        $"digest:{userId}:{day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";

    public async Task<Result> SendDueAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var local = now.ToAmsterdam();
        // A misfire fired in the night (the app was down at eight the day before) must not mail people at three:
        // that day's digest is gone, today's comes at eight.
        if (TimeOnly.FromDateTime(local.DateTime) < SendFrom) return new Result(0, 0, []);
        var today = DateOnly.FromDateTime(local.DateTime);
        var monday = today.DayOfWeek == DayOfWeek.Monday;

        var wanting = await db.Set<NotificationSettings>().AsNoTracking()
            .Where(s => s.Digest == DigestFrequency.Daily || (monday && s.Digest == DigestFrequency.Weekly))
            .OrderBy(s => s.UserId).Select(s => s.UserId).ToListAsync(ct);

        var (nothing, made) = (0, new List<Notification>());
        foreach (var batch in wanting.Chunk(BatchSize))
        {
            var keys = batch.Select(id => SourceKey(id, today)).ToList();
            var done = (await db.Set<Notification>().Where(n => keys.Contains(n.SourceKey)).Select(n => n.SourceKey).ToListAsync(ct)).ToHashSet();
            var outgoing = new List<NewNotification>();
            foreach (var userId in batch.Where(id => !done.Contains(SourceKey(id, today))))
            {
                var count = await requests.NearbyCountAsync(userId, ct);
                if (count == 0) { nothing++; continue; }
                outgoing.Add(new NewNotification(userId, NotificationKind.Digest, new NotificationData(Count: count), Link, SourceKey(userId, today)));
            }
            made.AddRange(await SaveAsync(outgoing, now, ct));
        }
        await notifier.AnnounceAsync(made);
        return new Result(made.Count, nothing, made);
    }

    /// <summary>Saves a batch at once; when another run saved some of them first, each on its own, skipping those.</summary>
    private async Task<IReadOnlyList<Notification>> SaveAsync(List<NewNotification> outgoing, DateTimeOffset now, CancellationToken ct)
    {
        if (outgoing.Count == 0) return [];
        try
        {
            var made = await notifier.AddAsync(outgoing, now, ct);
            await db.SaveChangesAsync(ct);
            return made;
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
        }
        var saved = new List<Notification>();
        foreach (var one in outgoing)
        {
            try
            {
                var made = await notifier.AddAsync([one], now, ct);
                await db.SaveChangesAsync(ct);
                saved.AddRange(made);
            }
            catch (DbUpdateException)
            {
                logger.LogInformation("Digest {SourceKey} was already made by another run.", one.SourceKey);
            }
            finally
            {
                db.ChangeTracker.Clear();
            }
        }
        return saved;
    }
}
