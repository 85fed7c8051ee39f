using Microsoft.EntityFrameworkCore;
using Wehelpen.Web.Features.Notifications;
using Wehelpen.Web.Features.Reminders;

namespace Wehelpen.Benchmarks.Reminders;

/// <summary>
/// What happened to every planned reminder, read from the database once the window and its grace are over, and the
/// sample's hub arrivals matched to them.
/// </summary>
/// <param name="Delivered">Planned reminders with a notification (by its SourceKey).</param>
/// <param name="Duplicates">Notifications beyond the first for one reminder key, or for one person, appointment link and
/// occurrence (Data's "at"; the run has one offset): the second would show a key that is not what it should be.</param>
/// <param name="Lost">Planned reminders without a notification: still pending, dropped, or sent without one.</param>
/// <param name="Lateness">HandledAt − DueAt in µs, per delivered reminder: HandledAt is the dispatcher batch's "now",
/// taken just before it reads the batch; the batch commits a few ms later.</param>
/// <param name="HubLateness">Arrival of the "notification" event − DueAt in µs, for the sample.</param>
/// <param name="HubExpected">Notifications of the sample's people: each should have arrived once.</param>
/// <param name="MailLateness">EmailAt − DueAt in µs, per notification whose mail was sent: the outbox stamps EmailAt
/// when it has claimed the mail and is about to hand it over.</param>
/// <param name="MailResent">Notifications whose mail was handed over more than once (EmailAttempts > 1): the folder
/// sender writes one file per notification id, so a second sending would overwrite, not add, a file.</param>
internal sealed record ReminderTally(
    int Planned, int Delivered, int Duplicates, int Lost, int Pending, int Dropped, Latencies Lateness,
    Latencies HubLateness, int HubExpected, int HubDuplicates, int HubUnknown,
    int MailsSent, int MailsWaiting, Latencies MailLateness, int MailResent, int MailFiles, IReadOnlyDictionary<string, int> DroppedBecause)
{
    public static async Task<ReminderTally> CountAsync(ReminderDatabase database, IReadOnlyList<HubArrival> arrivals, IReadOnlySet<string> sample, string mailFolder, CancellationToken ct)
    {
        await using var db = database.Open();
        var reminders = await db.Set<Reminder>().Select(r => new { r.Key, r.DueAt, r.Status, r.HandledAt, r.Outcome }).ToListAsync(ct);
        var notifications = await db.Set<Notification>()
            .Select(n => new { n.Id, n.UserId, n.SourceKey, n.Link, n.Data, n.Email, n.EmailAttempts, n.EmailAt }).ToListAsync(ct);

        var byKey = reminders.ToDictionary(r => r.Key);
        var perKey = notifications.GroupBy(n => n.SourceKey).ToDictionary(g => g.Key, g => g.Count());
        var perOccurrence = notifications.GroupBy(n => (n.UserId, n.Link, NotificationData.FromJson(n.Data).At)).Select(g => g.Count());
        var duplicates = perKey.Values.Sum(c => c - 1) + perOccurrence.Sum(c => c - 1);
        var delivered = reminders.Count(r => perKey.ContainsKey(r.Key));
        var lateness = reminders.Where(r => perKey.ContainsKey(r.Key) && r.HandledAt is not null)
            .Select(r => (r.HandledAt!.Value - r.DueAt).TotalMicroseconds).ToArray();

        var dueOf = notifications.Where(n => byKey.ContainsKey(n.SourceKey)).ToDictionary(n => n.Id, n => byKey[n.SourceKey].DueAt);
        var hubLateness = new List<double>();
        var (hubDuplicates, hubUnknown) = (0, 0);
        foreach (var group in arrivals.GroupBy(a => (a.NotificationId, a.UserId)))
        {
            if (!dueOf.TryGetValue(group.Key.NotificationId, out var due)) { hubUnknown += group.Count(); continue; }
            hubDuplicates += group.Count() - 1;
            hubLateness.Add((group.Min(a => a.At) - due).TotalMicroseconds);
        }

        return new ReminderTally(
            reminders.Count, delivered, duplicates, reminders.Count - delivered,
            reminders.Count(r => r.Status == ReminderStatus.Pending), reminders.Count(r => r.Status == ReminderStatus.Dropped),
            Latencies.Of(lateness), Latencies.Of([.. hubLateness]), notifications.Count(n => sample.Contains(n.UserId)), hubDuplicates, hubUnknown,
            notifications.Count(n => n.Email == NotificationEmail.Sent),
            notifications.Count(n => n.Email is NotificationEmail.Pending or NotificationEmail.Sending),
            Latencies.Of([.. notifications.Where(n => n.Email == NotificationEmail.Sent && n.EmailAt is not null && byKey.ContainsKey(n.SourceKey))
                .Select(n => (n.EmailAt!.Value - byKey[n.SourceKey].DueAt).TotalMicroseconds)]),
            notifications.Count(n => n.EmailAttempts > 1),
            Directory.Exists(mailFolder) ? Directory.EnumerateFiles(mailFolder, "notification-*.json").Count() : 0,
            reminders.Where(r => r.Status == ReminderStatus.Dropped).GroupBy(r => r.Outcome ?? "").ToDictionary(g => g.Key, g => g.Count()));
    }

    /// <summary>Every sampled notification that arrived, arrived once; none is missing after the grace.</summary>
    public int HubMissing => HubExpected - HubLateness.Count;
}
