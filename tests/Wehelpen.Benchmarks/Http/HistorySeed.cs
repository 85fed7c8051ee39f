using Microsoft.EntityFrameworkCore;
using Wehelpen.Benchmarks.Cluster;
using Wehelpen.Web.Features.Agenda;
using Wehelpen.Web.Features.Chat;
using Wehelpen.Web.Features.Logbook;
using Wehelpen.Web.Features.Notifications;
using Wehelpen.Web.Features.Profiles;
using Wehelpen.Web.Features.Requests;

namespace Wehelpen.Benchmarks.Http;

/// <summary>
/// The history of the signed-in volunteers and their circles, written straight into the database with the app's own
/// DbContext, <c>units</c> at a time: first 1, then 99 more, so that it grows a hundredfold while the neighbourhood
/// stays the same. Per unit: 400 chat messages in the busy circle (the first; 40,000 at 100) and 40 in each other
/// circle of theirs, 10 logbook entries and 2 appointments per circle (a fifth of them ahead), 10 finished tasks for the
/// first volunteer (1,000 at 100) and 1 for each other, and 10 notifications each, one in ten unread. Each volunteer has
/// read their circle's chat up to five messages ago.
/// </summary>
internal static class HistorySeed
{
    public const int BusyChatPerUnit = 400, ChatPerUnit = 40, LogbookPerUnit = 10, AppointmentsPerUnit = 2;
    public const int VeteranTasksPerUnit = 10, TasksPerUnit = 1, NotificationsPerUnit = 10;

    /// <returns>The rows written, for the progress line.</returns>
    public static async Task<string> GrowAsync(string databasePath, NeighbourhoodData data, IReadOnlyList<HttpPerson> people, int units, int startUnit, DateTimeOffset now, CancellationToken ct)
    {
        await using var db = HttpNeighbourhood.Open(databasePath);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var circles = people.GroupBy(p => p.Circle).ToList();
        var messages = 0;
        foreach (var circle in circles)
        {
            var members = circle.ToList();
            var thread = await db.Set<ChatThread>().AsTracking().SingleAsync(t => t.Id == circle.First().CircleId, ct);
            var count = units * (circle.Key == 0 ? BusyChatPerUnit : ChatPerUnit);
            var first = thread.LastSeq + 1;
            messages += await HttpNeighbourhood.AddAsync(db, Enumerable.Range(0, count).Select(i => new ChatMessage
            {
                ThreadId = thread.Id, Seq = first + i, AuthorId = members[i % members.Count].Id, ClientMessageId = $"h{first + i}",
                Text = $"Bericht {first + i}: ik ben vanmiddag even langs geweest, alles goed.", SentAt = now.AddMinutes(-count + i),
            }), ct);
            // The slices above let go of the thread: its new last number is set on a fresh copy.
            await db.Set<ChatThread>().Where(t => t.Id == thread.Id).ExecuteUpdateAsync(s => s.SetProperty(t => t.LastSeq, first + count - 1), ct);
            await db.Set<ChatReadMarker>().Where(m => m.ThreadId == thread.Id).ExecuteDeleteAsync(ct);
            await HttpNeighbourhood.AddAsync(db, members.Select(m => new ChatReadMarker { ThreadId = thread.Id, UserId = m.Id, LastReadSeq = Math.Max(0, first + count - 6) }), ct);
        }

        var logbook = await HttpNeighbourhood.AddAsync(db, circles.SelectMany(c => Enumerable.Range(startUnit * LogbookPerUnit, units * LogbookPerUnit).Select(i => new LogbookEntry
        {
            CircleId = c.First().CircleId, AuthorId = c.ElementAt(i % c.Count()).Id, OccurredOn = DateOnly.FromDateTime(now.AddDays(-i / 3).Date),
            Text = $"Logboek {i}: goed gegeten, even buiten gewandeld en de post doorgenomen.", CreatedAt = now.AddHours(-i * 8),
        })), ct);

        var appointments = await HttpNeighbourhood.AddAsync(db, circles.SelectMany(c => Enumerable.Range(startUnit * AppointmentsPerUnit, units * AppointmentsPerUnit).Select(i =>
        {
            // Every fifth ahead (within two months), the rest behind, one every few days.
            var start = now.Date.AddDays(i % 5 == 4 ? 1 + i % 60 : -1 - i * 2).AddHours(10);
            var startUtc = new DateTimeOffset(start, TimeSpan.Zero);
            return new Appointment
            {
                CircleId = c.First().CircleId, Title = $"Afspraak {i}: huisarts", Place = "Gezondheidscentrum", StartDate = DateOnly.FromDateTime(start),
                StartTime = new TimeOnly(10, 0), EndTime = new TimeOnly(11, 0), FirstStartUtc = startUtc, LastEndUtc = startUtc.AddHours(1),
                CreatedById = c.First().Id, CreatedAt = startUtc.AddDays(-7), UpdatedAt = startUtc.AddDays(-7),
            };
        })), ct);

        var tasks = await HttpNeighbourhood.AddAsync(db, people.SelectMany((p, n) =>
            Enumerable.Range(startUnit * TasksPer(n), units * TasksPer(n)).Select(i => FinishedTask(data, p, i, now))), ct);

        var notifications = await HttpNeighbourhood.AddAsync(db, people.SelectMany(p => Enumerable.Range(startUnit * NotificationsPerUnit, units * NotificationsPerUnit).Select(i =>
        {
            var at = now.AddHours(-i * 3);
            return new Notification
            {
                UserId = p.Id, Kind = i % 2 == 0 ? NotificationKind.AppointmentReminder : NotificationKind.TaskReminder,
                Data = new NotificationData(Title: $"Afspraak {i}", Circle: p.CircleName).ToJson(), Link = $"/circles/{p.CircleId}/agenda",
                SourceKey = $"history:{p.Id}:{i}", CreatedAt = at, ReadAt = i % 10 == 0 ? null : at.AddHours(1), Email = NotificationEmail.None,
            };
        })), ct);
        await transaction.CommitAsync(ct);
        return $"{messages:N0} chat messages, {logbook:N0} logbook entries, {appointments:N0} appointments, {tasks:N0} finished tasks, {notifications:N0} notifications";
    }

    private static int TasksPer(int person) => person == 0 ? VeteranTasksPerUnit : TasksPerUnit;

    /// <summary>A task of the volunteer's circle they took on and finished, confirmed by both, with its history lines.</summary>
    private static HelpRequest FinishedTask(NeighbourhoodData data, HttpPerson person, int i, DateTimeOffset now)
    {
        var circle = data.Circles[person.Circle];
        var end = now.AddDays(-1 - i % 700).AddHours(-(i % 7));
        var posted = end.AddDays(-2);
        var task = new HelpRequest
        {
            CircleId = circle.Id, RequestedById = circle.ResidentId, Category = HelpCategories.Shopping, Title = $"Boodschappen {i}",
            Description = "Brood, melk en fruit.", StartsAt = end.AddHours(-2), EndsAt = end, Postcode = circle.Postcode, Pc4 = data.Points.Codes[circle.Point],
            Latitude = data.Points.Latitudes[circle.Point], Longitude = data.Points.Longitudes[circle.Point], Address = "Dorpsstraat 1",
            Audience = RequestAudience.Circle, AudienceSince = posted, Status = RequestStatus.Done, ClaimedById = person.Id, ClaimedAt = posted.AddHours(1),
            ClosedAt = end, HelperConfirmed = true, RequesterConfirmed = true, CreatedAt = posted,
        };
        task.Events.Add(new RequestEvent { Change = RequestChange.Posted, ActorId = circle.ResidentId, ActorName = circle.ResidentName, At = posted });
        task.Events.Add(new RequestEvent { Change = RequestChange.Claimed, ActorId = person.Id, ActorName = person.Name, At = posted.AddHours(1) });
        task.Events.Add(new RequestEvent { Change = RequestChange.Done, ActorId = person.Id, ActorName = person.Name, At = end });
        return task;
    }
}
