using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Wehelpen.Web.Data;
using Wehelpen.Web.Platform.PersonalData;

namespace Wehelpen.Web.Features.Notifications;

/// <summary>
/// Notifications are deleted <see cref="RetentionOptions.NotificationDays"/> after they were made, read or not, and
/// whatever became of their mail: one still waiting that long is not worth sending any more. Only a mail being handed
/// over right now (Sending, claimed less than <see cref="NotificationMailer.StaleAfter"/> ago) keeps its notification
/// until the next run, so that the sender never loses the row it is working on. In batches.
/// </summary>
internal sealed class NotificationRetention(WehelpenDbContext db, IOptions<RetentionOptions> options) : IRetentionRule
{
    private const int BatchSize = 1000;

    public string Name => "notifications";

    public async Task<int> ApplyAsync(DateTimeOffset now, CancellationToken ct)
    {
        if (RetentionPeriod.Cutoff(now, options.Value.NotificationDays) is not { } cutoff) return 0;
        var sending = now - NotificationMailer.StaleAfter;
        var total = 0;
        while (true)
        {
            var ids = await Due(cutoff, sending).OrderBy(n => n.CreatedAt).Select(n => n.Id).Take(BatchSize).ToListAsync(ct);
            if (ids.Count == 0) return total;
            var done = await Due(cutoff, sending).Where(n => ids.Contains(n.Id)).ExecuteDeleteAsync(ct);
            total += done;
            if (ids.Count < BatchSize || done == 0) return total;
        }
    }

    private IQueryable<Notification> Due(DateTimeOffset cutoff, DateTimeOffset sending) => db.Set<Notification>()
        .Where(n => n.CreatedAt < cutoff && (n.Email != NotificationEmail.Sending || n.EmailAt <= sending));
}
