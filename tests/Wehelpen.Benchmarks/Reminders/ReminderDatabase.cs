using Microsoft.EntityFrameworkCore;
using Wehelpen.Web.Data;
using Wehelpen.Web.Features.Notifications;
using Wehelpen.Web.Features.Reminders;

namespace Wehelpen.Benchmarks.Reminders;

/// <summary>
/// Reads the app's SQLite file from this process while the app runs (WAL: a reader never holds up its writer), with the
/// app's own DbContext, so DueAt and the other moments read as the app wrote them.
/// </summary>
internal sealed class ReminderDatabase(string databasePath)
{
    public WehelpenDbContext Open()
    {
        var options = new DbContextOptionsBuilder<WehelpenDbContext>().UseSqlite($"Data Source={databasePath};Mode=ReadOnly")
            .UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking).Options;
        return new WehelpenDbContext(options);
    }

    public sealed record Snapshot(int Planned, int Sent, int Dropped, int Backlog, int MailPending, int MailSent);

    /// <summary>The counts the progress lines show: what is planned, sent, dropped, due and not yet sent, and the mail outbox.</summary>
    public async Task<Snapshot> SnapshotAsync(CancellationToken ct)
    {
        await using var db = Open();
        var now = DateTimeOffset.UtcNow;
        var reminders = db.Set<Reminder>();
        var byStatus = await reminders.GroupBy(r => r.Status).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var backlog = await reminders.CountAsync(r => r.Status == ReminderStatus.Pending && r.DueAt <= now, ct);
        var mail = await db.Set<Notification>().GroupBy(n => n.Email).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        return new Snapshot(byStatus.Values.Sum(), byStatus.GetValueOrDefault(ReminderStatus.Sent), byStatus.GetValueOrDefault(ReminderStatus.Dropped), backlog,
            mail.GetValueOrDefault(NotificationEmail.Pending) + mail.GetValueOrDefault(NotificationEmail.Sending), mail.GetValueOrDefault(NotificationEmail.Sent));
    }

    public async Task<int> PlannedAsync(CancellationToken ct)
    {
        await using var db = Open();
        return await db.Set<Reminder>().CountAsync(ct);
    }

    /// <summary>When the first batch of planning began (its reminders' CreatedAt).</summary>
    public async Task<DateTimeOffset?> FirstPlannedAtAsync(CancellationToken ct)
    {
        await using var db = Open();
        return await db.Set<Reminder>().OrderBy(r => r.CreatedAt).Select(r => (DateTimeOffset?)r.CreatedAt).FirstOrDefaultAsync(ct);
    }
}
