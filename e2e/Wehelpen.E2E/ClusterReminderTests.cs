using System.Globalization;
using System.Text.Json;
using Npgsql;
using Wehelpen.Web.Tests.Live;
using Xunit.Abstractions;

namespace Wehelpen.E2E;

/// <summary>
/// Reminders on the real two-node cluster: Quartz is clustered on PostgreSQL, so a due reminder is sent by one node, once, and a node killed while it sends is
/// taken over by the other without a reminder lost or doubled.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class ClusterReminderTests(ClusterFixture cluster, ITestOutputHelper output)
{
    private static readonly TimeZoneInfo Amsterdam = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");

    /// <summary>The node is killed once the run has sent at least this many of the 400 (a tenth of its batches).</summary>
    private const int KillAfter = 40;

    /// <summary>Planned, by default, two hours before an appointment (NotificationSettings.DefaultOffsets).</summary>
    private static readonly TimeSpan Before = TimeSpan.FromHours(2);

    [Fact]
    public Task Reminders_are_sent_once_by_one_node_and_a_node_killed_while_sending_is_taken_over_with_none_lost_or_doubled() => cluster.RunAsync(async () =>
    {
        await cluster.BothNodesUpAsync();
        string a = cluster.NodeAUrl, b = cluster.NodeBUrl;

        // Wave 1: two appointments of one circle, each reminding two people: due in the same minute, both nodes up.
        var dora = await ClusterPerson.RegisterAsync(cluster, a, "Dora Dochter", ["carer"]);
        var mo = await ClusterPerson.RegisterAsync(cluster, b, "Mo Mantelzorger", ["carer"]);
        var first = await ClusterCircle.StartAsync(a, dora, "Moeder Riet", (mo, b));
        await EveryAppointmentAsync(mo, b);
        // Wave 2, a minute later: a hundred appointments of another circle, reminding its four people (400 reminders),
        // sent three to a transaction (ClusterFixture.ReminderBatchSize) so that the run takes long enough to kill its node.
        var coordinator = await ClusterPerson.RegisterAsync(cluster, a, "Kim Coördinator", ["carer"]);
        var members = new List<(ClusterPerson, string)>();
        foreach (var (name, node) in new[] { ("Lot Lid", a), ("Sem Lid", b), ("Fee Lid", b) })
            members.Add((await ClusterPerson.RegisterAsync(cluster, node, name, ["carer"]), node));
        var second = await ClusterCircle.StartAsync(a, coordinator, "Vader Wim", members.ToArray());
        foreach (var (member, node) in members) await EveryAppointmentAsync(member, node);

        // Dora and Mo each on both nodes: whichever node sends, all four connections hear of it.
        var firstPeople = new[] { dora, mo };
        var listeners = new List<(ClusterPerson Person, char Node, LiveConnection Client)>();
        foreach (var person in firstPeople.Append(coordinator))
            foreach (var node in new[] { 'a', 'b' })
                listeners.Add((person, node, await person.HubAsync(cluster.NodeUrl(node))));
        try
        {
            foreach (var listener in listeners) await ClusterJourneyTests.JoinedAsync(listener.Client);
            // Quartz runs clustered: both nodes check in to the same scheduler in the database.
            var schedulers = await CheckedInSchedulersAsync();
            Assert.True(schedulers.Any(i => i.StartsWith("a~", StringComparison.Ordinal)) && schedulers.Any(i => i.StartsWith("b~", StringComparison.Ordinal)),
                $"Schedulers checked in: {string.Join(", ", schedulers)}");
            await using var watch = new DispatchWatch(cluster.PgConnection);

            var due1 = NextWholeMinute(DateTimeOffset.UtcNow + TimeSpan.FromSeconds(20));
            var due2 = due1 + TimeSpan.FromMinutes(1);
            await first.Coordinator.OkAsync(a, HttpMethod.Post, $"/api/v1/circles/{first.Id}/agenda", Appointment("Cardioloog", due1 + Before));
            await mo.OkAsync(b, HttpMethod.Post, $"/api/v1/circles/{first.Id}/agenda", Appointment("Fysiotherapie", due1 + Before));
            Assert.True(DateTimeOffset.UtcNow < due1, $"The first appointments were made at {DateTimeOffset.UtcNow:T}, past their reminders' {due1:T}.");
            var secondPeople = members.Select(m => m.Item1).Prepend(coordinator).ToArray();
            await Parallel.ForEachAsync(Enumerable.Range(0, 100), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (i, _) =>
            {
                // Through either node, by whoever of the circle.
                var person = secondPeople[i % secondPeople.Length];
                await person.OkAsync(i % 2 == 0 ? a : b, HttpMethod.Post, $"/api/v1/circles/{second.Id}/agenda", Appointment($"Afspraak {i + 1}", due2 + Before));
            });
            var firstIds = firstPeople.Select(p => p.UserId).ToArray();
            var secondIds = secondPeople.Select(p => p.UserId).ToArray();
            var planned2 = await RemindersAsync(secondIds);
            Assert.True(DateTimeOffset.UtcNow < due2, $"The setup took until {DateTimeOffset.UtcNow:T}, past the second wave's {due2:T}.");
            Assert.Equal(400, planned2.Count(r => r.Status == "Pending" && r.DueAt == due2));
            Assert.Equal(400, planned2.Count);
            var planned1 = await RemindersAsync(firstIds);
            Assert.Equal(4, planned1.Count(r => r.DueAt == due1));
            Assert.Equal(4, planned1.Count);

            // --- Wave 1, both nodes up: each reminder once in the app, once by mail, once on every connection.
            await Eventually.ReturnsAsync(() => RemindersAsync(firstIds), rs => rs.All(r => r.Status != "Pending"),
                TimeSpan.FromSeconds(90) + (due1 - DateTimeOffset.UtcNow), "the first four reminders sent", TimeSpan.FromMilliseconds(250), ByStatus);
            var notified1 = await MailedAsync(firstIds, TimeSpan.FromSeconds(60));
            await AssertOnceEachAsync(await RemindersAsync(firstIds), notified1, firstPeople);
            foreach (var (person, node, client) in listeners.Where(l => l.Person != coordinator))
                foreach (var n in notified1.Where(n => n.UserId == person.UserId))
                    await client.NextAsync("notification", e => e[0].GetProperty("id").GetGuid() == n.Id, TimeSpan.FromSeconds(30));
            // Anything sent twice would have come before these: a node's messages reach the other in the order sent.
            var sentinels = new[] { ('a', $"Na de herinneringen via a {Guid.NewGuid()}"), ('b', $"Na de herinneringen via b {Guid.NewGuid()}") };
            foreach (var (node, text) in sentinels)
                await dora.OkAsync(cluster.NodeUrl(node), HttpMethod.Post, $"/api/v1/circles/{first.Id}/chat", new { clientMessageId = Guid.NewGuid().ToString(), text });
            foreach (var (person, node, client) in listeners.Where(l => l.Person != coordinator))
            {
                foreach (var (_, text) in sentinels)
                    await client.NextAsync("chatMessage", m => m[0].GetProperty("text").GetString() == text, TimeSpan.FromSeconds(30));
                var heard = client.Received("notification").Select(e => e[0].GetProperty("id").GetGuid()).ToList();
                var theirs = notified1.Where(n => n.UserId == person.UserId).Select(n => n.Id).Order().ToList();
                Assert.True(theirs.SequenceEqual(heard.Order()), $"{person.Name} on node {node} heard {string.Join(", ", heard)}; expected each of {string.Join(", ", theirs)} once.");
            }
            var seen1 = watch.Take();
            Assert.True(seen1.MostAtOnce <= 1, $"The dispatch job ran on {seen1.MostAtOnce} nodes at once.");
            output.WriteLine($"wave 1: 4 reminders due {due1:T}; the dispatch job seen running on {Named(seen1.Instances)} ({seen1.Polls} looks)");

            // --- Wave 2: kill the node that runs the dispatch job while it is in the middle of the 400.
            // Nothing can run before the wave is due: start watching a second before.
            var untilDue = due2 - DateTimeOffset.UtcNow - TimeSpan.FromSeconds(1);
            if (untilDue > TimeSpan.Zero) await Task.Delay(untilDue);
            var (victimInstance, sentBefore) = await DispatchingNodeAsync(secondIds, KillAfter, due2 + TimeSpan.FromSeconds(90));
            var victim = victimInstance[0];
            var killedAt = DateTimeOffset.UtcNow;
            await cluster.NodeAsync(victim, "kill");
            var atKill = await RemindersAsync(secondIds);
            var leftAtKill = atKill.Where(r => r.Status == "Pending").Select(r => r.Key).ToHashSet();
            var pendingAtKill = leftAtKill.Count;
            Assert.True(pendingAtKill > 0, $"The dispatch run was over before node {victim} was killed: nothing was left to take over.");
            var survivor = victim == 'a' ? 'b' : 'a';

            var done = await Eventually.ReturnsAsync(() => RemindersAsync(secondIds), rs => rs.All(r => r.Status != "Pending"),
                TimeSpan.FromMinutes(3), $"node {survivor} sent the reminders node {victim} left", TimeSpan.FromMilliseconds(500), ByStatus);
            var tookOverAfter = DateTimeOffset.UtcNow - killedAt;
            var resent = await ResendMailsTheDeadNodeHadClaimedAsync(secondIds, killedAt);
            var notified2 = await MailedAsync(secondIds, TimeSpan.FromSeconds(90));
            await AssertOnceEachAsync(done, notified2, secondPeople);
            // Quartz on the node that lived found the dead one (its check-in stopped), released the job it held and ran
            // it itself; never on two nodes at once.
            var seen2 = watch.Take();
            Assert.True(seen2.MostAtOnce <= 1, $"The dispatch job ran on {seen2.MostAtOnce} nodes at once.");
            Assert.Contains(victimInstance, seen2.Instances);
            Assert.Contains(seen2.Instances, i => i.StartsWith($"{survivor}~", StringComparison.Ordinal));
            await Eventually.ReturnsAsync(CheckedInSchedulersAsync, s => !s.Contains(victimInstance), TimeSpan.FromSeconds(30),
                $"the dead scheduler {victimInstance} removed from the cluster");

            // Live: the coordinator's connection on the node that lived heard no notification twice, and every one
            // made after the kill (by that node) once.
            var (_, _, onSurvivor) = listeners.Single(l => l.Person == coordinator && l.Node == survivor);
            var lateOnes = notified2.Where(n => n.UserId == coordinator.UserId && n.CreatedAt > killedAt + TimeSpan.FromSeconds(1)).Select(n => n.Id).ToList();
            foreach (var id in lateOnes) await onSurvivor.NextAsync("notification", e => e[0].GetProperty("id").GetGuid() == id, TimeSpan.FromSeconds(30));
            var sentinel = $"Na de tweede golf {Guid.NewGuid()}";
            await coordinator.OkAsync(cluster.NodeUrl(survivor), HttpMethod.Post, $"/api/v1/circles/{second.Id}/chat", new { clientMessageId = Guid.NewGuid().ToString(), text = sentinel });
            await onSurvivor.NextAsync("chatMessage", m => m[0].GetProperty("text").GetString() == sentinel, TimeSpan.FromSeconds(30));
            var heardTwice = onSurvivor.Received("notification").GroupBy(e => e[0].GetProperty("id").GetGuid()).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
            Assert.True(heardTwice.Count == 0, $"Heard twice on node {survivor}: {string.Join(", ", heardTwice)}");

            output.WriteLine($"wave 2: 400 reminders due {due2:T}; node {victim} ran the job and was killed {killedAt - due2:s\\.fff} s after, " +
                $"({victimInstance}) with {sentBefore} sent when it was seen running and {400 - pendingAtKill} at the kill; node {survivor} had sent the rest {tookOverAfter:s\\.f} s after the kill; " +
                $"the run before the kill: {Span(atKill.Where(r => r.Status == "Sent"))}, after it: {Span(done.Where(r => leftAtKill.Contains(r.Key)))}; " +
                $"mails the dead node had claimed and were sent again: {resent}; notifications heard live on node {survivor}: {onSurvivor.Received("notification").Count} of the coordinator's 100, after the kill {lateOnes.Count}");

            // The killed node comes back.
            var fresh = await cluster.BothNodesUpAsync();
            output.WriteLine(fresh ? $"node {victim}'s port was taken meanwhile: a fresh cluster was started" : $"node {victim} started again");
        }
        finally
        {
            foreach (var listener in listeners) await listener.Client.DisposeAsync();
        }
    });

    /// <summary>The schedulers (nodes) whose check-in in qrtz_scheduler_state is recent: the members of Quartz's cluster.</summary>
    private async Task<List<string>> CheckedInSchedulersAsync()
    {
        await using var db = await cluster.DatabaseAsync();
        await using var command = new NpgsqlCommand("SELECT instance_name, last_checkin_time FROM qrtz_scheduler_state", db);
        var list = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            if (DateTime.UtcNow - new DateTime(reader.GetInt64(1), DateTimeKind.Utc) < TimeSpan.FromSeconds(30)) list.Add(reader.GetString(0));
        return list;
    }

    private static string Named(IReadOnlyCollection<string> instances) => instances.Count == 0 ? "(too quick to see)" : string.Join(" then ", instances);

    /// <summary>
    /// Looks at Quartz's running jobs every 20 ms: on which schedulers (nodes) the reminder dispatch job was seen
    /// running, in order, and on how many at once at most.
    /// </summary>
    private sealed class DispatchWatch : IAsyncDisposable
    {
        private readonly CancellationTokenSource _stop = new();
        private readonly Lock _lock = new();
        private readonly Task _polling;
        private List<string> _instances = [];
        private int _mostAtOnce;
        private int _polls;

        public DispatchWatch(string connectionString) => _polling = Task.Run(() => PollAsync(connectionString));

        public (IReadOnlyCollection<string> Instances, int MostAtOnce, int Polls) Take()
        {
            // A watch that stopped looking (the database went away) must not pass for one that saw nothing.
            if (_polling.IsFaulted) throw new InvalidOperationException("The watch on Quartz's running jobs failed.", _polling.Exception);
            lock (_lock)
            {
                var seen = (_instances, _mostAtOnce, _polls);
                (_instances, _mostAtOnce, _polls) = ([], 0, 0);
                return seen;
            }
        }

        private async Task PollAsync(string connectionString)
        {
            await using var db = new NpgsqlConnection(connectionString);
            await db.OpenAsync(_stop.Token);
            await using var command = new NpgsqlCommand(
                "SELECT instance_name FROM qrtz_fired_triggers WHERE job_name = 'reminder-dispatch' AND state = 'EXECUTING'", db);
            while (!_stop.IsCancellationRequested)
            {
                var running = new List<string>();
                await using (var reader = await command.ExecuteReaderAsync(_stop.Token))
                    while (await reader.ReadAsync(_stop.Token)) running.Add(reader.GetString(0));
                lock (_lock)
                {
                    _polls++;
                    _mostAtOnce = Math.Max(_mostAtOnce, running.Count);
                    foreach (var instance in running)
                        if (_instances.Count == 0 || _instances[^1] != instance) _instances.Add(instance);
                }
                await Task.Delay(20, _stop.Token);
            }
        }

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            // Stopped, or failed: what it saw was taken (and checked) before.
            try { await _polling; }
            catch (Exception e) when (e is OperationCanceledException or NpgsqlException) { }
            _stop.Dispose();
        }
    }

    private sealed record PlannedReminder(string Key, string UserId, string Status, DateTimeOffset DueAt, DateTimeOffset? HandledAt);

    private sealed record MadeNotification(Guid Id, string UserId, string SourceKey, string Email, DateTimeOffset? EmailAt, int EmailAttempts, DateTimeOffset CreatedAt);

    /// <summary>Every reminder sent has exactly one notification (by its key), nobody got one more, and each went by mail once: one file per message id.</summary>
    private async Task AssertOnceEachAsync(List<PlannedReminder> reminders, List<MadeNotification> notifications, IReadOnlyList<ClusterPerson> people)
    {
        var notSent = reminders.Where(r => r.Status != "Sent").ToList();
        Assert.True(notSent.Count == 0, $"Not sent: {string.Join(", ", notSent.Take(10))}");
        var byKey = notifications.GroupBy(n => n.SourceKey).ToDictionary(g => g.Key, g => g.Count());
        var lost = reminders.Where(r => !byKey.ContainsKey(r.Key)).ToList();
        Assert.True(lost.Count == 0, $"{lost.Count} reminders sent without a notification, e.g. {string.Join(", ", lost.Take(5))}");
        Assert.Equal(reminders.Count, notifications.Count);
        Assert.All(byKey, k => Assert.Equal(1, k.Value));
        Assert.Equal(reminders.Select(r => r.Key).Order(), notifications.Select(n => n.SourceKey).Order());

        var emails = people.ToDictionary(p => p.UserId, p => p.Email);
        var files = await NotificationMailFilesAsync(emails.Values.ToHashSet(StringComparer.OrdinalIgnoreCase));
        foreach (var n in notifications)
        {
            Assert.True(files.TryGetValue($"notification-{n.Id:N}", out var to), $"No mail for notification {n.Id} ({n.SourceKey}).");
            Assert.Equal(emails[n.UserId], to, StringComparer.OrdinalIgnoreCase);
        }
        Assert.Equal(notifications.Count, files.Count);
    }

    /// <summary>The reminder mails in the shared mail folder to these addresses: message id → recipient.</summary>
    private async Task<Dictionary<string, string>> NotificationMailFilesAsync(HashSet<string> to)
    {
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(cluster.MailDir, "notification-*.json"))
        {
            var mail = JsonDocument.Parse(await File.ReadAllTextAsync(file)).RootElement;
            var recipient = mail.GetProperty("To").GetString()!;
            if (!to.Contains(recipient)) continue;
            Assert.Equal(Path.GetFileNameWithoutExtension(file), mail.GetProperty("Id").GetString());
            files.Add(mail.GetProperty("Id").GetString()!, recipient);
        }
        return files;
    }

    /// <summary>Waits until the reminders' mail is out (every mail job run sends what waits), and returns the notifications.</summary>
    private async Task<List<MadeNotification>> MailedAsync(string[] userIds, TimeSpan within) =>
        await Eventually.ReturnsAsync(() => NotificationsAsync(userIds), ns => ns.Count > 0 && ns.All(n => n.Email == "Sent"), within,
            "every reminder mailed", TimeSpan.FromMilliseconds(500),
            ns => string.Join(", ", ns.GroupBy(n => n.Email).Select(g => $"{g.Count()} {g.Key}")));

    /// <summary>
    /// A mail the killed node had claimed (Sending) when it died is sent again by design after 10 minutes
    /// (NotificationMailer.StaleAfter), with the same message id. Rather than wait that long, its claim is made 10
    /// minutes older; the living node's mail job then sends it again. Returns how many there were.
    /// </summary>
    private async Task<int> ResendMailsTheDeadNodeHadClaimedAsync(string[] userIds, DateTimeOffset killedAt)
    {
        await using var db = await cluster.DatabaseAsync();
        await using var command = new NpgsqlCommand("""
            UPDATE "Notifications" SET "EmailAt" = "EmailAt" - interval '10 minutes'
            WHERE "UserId" = ANY(@ids) AND "Email" = 'Sending' AND "EmailAt" < @killed
            """, db);
        command.Parameters.AddWithValue("ids", userIds);
        command.Parameters.AddWithValue("killed", killedAt);
        return await command.ExecuteNonQueryAsync();
    }

    /// <summary>
    /// Polls Quartz's table of running jobs until the reminder dispatch job runs (EXECUTING) on some node, after it
    /// has committed some of the wave and before it has sent all: that node, and how many were sent then.
    /// </summary>
    private async Task<(string Instance, int Sent)> DispatchingNodeAsync(string[] userIds, int atLeast, DateTimeOffset until)
    {
        await using var db = await cluster.DatabaseAsync();
        await using var command = new NpgsqlCommand("""
            SELECT (SELECT instance_name FROM qrtz_fired_triggers WHERE job_name = 'reminder-dispatch' AND state = 'EXECUTING' LIMIT 1),
                   count(*) FILTER (WHERE "Status" = 'Sent'), count(*) FILTER (WHERE "Status" = 'Pending')
            FROM "Reminders" WHERE "UserId" = ANY(@ids)
            """, db);
        command.Parameters.AddWithValue("ids", userIds);
        while (true)
        {
            string? instance;
            long sent, pending;
            await using (var reader = await command.ExecuteReaderAsync())
            {
                await reader.ReadAsync();
                (instance, sent, pending) = (reader.IsDBNull(0) ? null : reader.GetString(0), reader.GetInt64(1), reader.GetInt64(2));
            }
            if (instance is not null && sent >= atLeast && pending > 0) return (instance, (int)sent);
            Assert.True(pending > 0, $"All {sent} reminders were sent before the dispatch job was seen running: too few to kill a node in the middle.");
            Assert.True(DateTimeOffset.UtcNow < until, $"The dispatch job was not seen running by {until:T} ({sent} sent, {pending} pending).");
            await Task.Delay(20);
        }
    }

    private async Task<List<PlannedReminder>> RemindersAsync(string[] userIds)
    {
        await using var db = await cluster.DatabaseAsync();
        await using var command = new NpgsqlCommand("""SELECT "Key", "UserId", "Status", "DueAt", "HandledAt" FROM "Reminders" WHERE "UserId" = ANY(@ids)""", db);
        command.Parameters.AddWithValue("ids", userIds);
        var list = new List<PlannedReminder>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            list.Add(new PlannedReminder(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetFieldValue<DateTimeOffset>(3),
                reader.IsDBNull(4) ? null : reader.GetFieldValue<DateTimeOffset>(4)));
        return list;
    }

    private async Task<List<MadeNotification>> NotificationsAsync(string[] userIds)
    {
        await using var db = await cluster.DatabaseAsync();
        await using var command = new NpgsqlCommand("""
            SELECT "Id", "UserId", "SourceKey", "Email", "EmailAt", "EmailAttempts", "CreatedAt" FROM "Notifications" WHERE "UserId" = ANY(@ids)
            """, db);
        command.Parameters.AddWithValue("ids", userIds);
        var list = new List<MadeNotification>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            list.Add(new MadeNotification(reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetFieldValue<DateTimeOffset>(4), reader.GetInt32(5), reader.GetFieldValue<DateTimeOffset>(6)));
        return list;
    }

    private static string ByStatus(List<PlannedReminder> reminders) =>
        string.Join(", ", reminders.GroupBy(r => r.Status).Select(g => $"{g.Count()} {g.Key}"));

    private static string Span(IEnumerable<PlannedReminder> reminders)
    {
        var handled = reminders.Select(r => r.HandledAt!.Value).Order().ToList();
        return handled.Count == 0 ? "none" : $"{handled.Count} from {handled[0]:HH:mm:ss.fff} to {handled[^1]:HH:mm:ss.fff}";
    }

    /// <summary>"Remind me of every appointment of my circles", through the node given.</summary>
    private static Task EveryAppointmentAsync(ClusterPerson person, string node) =>
        person.OkAsync(node, HttpMethod.Put, "/api/v1/notifications/settings", new { appointmentScope = "allCircles" });

    /// <summary>An appointment starting at <paramref name="startUtc"/>, as people type it: an Amsterdam date and whole minutes.</summary>
    private static object Appointment(string title, DateTimeOffset startUtc)
    {
        var start = TimeZoneInfo.ConvertTime(startUtc, Amsterdam);
        var end = start.AddMinutes(30);
        if (end.Date != start.Date) end = new DateTimeOffset(start.Date.AddHours(23).AddMinutes(59), start.Offset);
        return new
        {
            title,
            date = start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            startTime = start.ToString("HH:mm", CultureInfo.InvariantCulture),
            endTime = end.ToString("HH:mm", CultureInfo.InvariantCulture),
            allowOverlap = true,
        };
    }

    /// <summary>The first whole minute at or after <paramref name="after"/> whose appointment two hours later does not start at 23:59 (it needs an end that day).</summary>
    private static DateTimeOffset NextWholeMinute(DateTimeOffset after)
    {
        var minute = new DateTimeOffset(after.UtcDateTime.Ticks - after.UtcDateTime.Ticks % TimeSpan.TicksPerMinute, TimeSpan.Zero);
        if (minute < after) minute = minute.AddMinutes(1);
        while (TimeZoneInfo.ConvertTime(minute + Before, Amsterdam) is { Hour: 23, Minute: >= 58 }) minute = minute.AddMinutes(1);
        return minute;
    }
}
