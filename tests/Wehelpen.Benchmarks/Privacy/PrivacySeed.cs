using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Wehelpen.Web.Data;
using Wehelpen.Web.Features.Agenda;
using Wehelpen.Web.Features.Chat;
using Wehelpen.Web.Features.Circles;
using Wehelpen.Web.Features.Logbook;
using Wehelpen.Web.Features.Notes;
using Wehelpen.Web.Features.Notifications;
using Wehelpen.Web.Features.Profiles;
using Wehelpen.Web.Features.Requests;

namespace Wehelpen.Benchmarks.Privacy;

/// <summary>One person and their circle of ten, holding <paramref name="Items"/> things between them.</summary>
internal sealed record SeededPerson(string Email, Guid CircleId, int Messages, int Items);

/// <summary>
/// People whose data the benchmark exports and erases, written straight into a fresh database with the app's own
/// DbContext and migrations (as the live benchmark does): each is the hoofdpersoon of a circle of ten, whose chat,
/// logbook, notes, agenda, requests and notifications hold the given number of items; the chat messages are the
/// person's own words.
/// </summary>
internal static class PrivacySeed
{
    public const string Password = "wehelpen-privacy-benchmark";

    public static async Task MigrateAsync(string databasePath, CancellationToken ct)
    {
        await using var db = Open(databasePath);
        await new SqlMigrator(db, new DatabaseOptions(), TimeProvider.System, NullLogger<SqlMigrator>.Instance).MigrateAsync(ct);
    }

    /// <param name="messages">Chat messages the person wrote in their circle.</param>
    /// <param name="others">Everything else in the circle, by the other members: a third logbook, a sixth each notes, appointments, requests (with an event) and notifications.</param>
    public static async Task<SeededPerson> PersonAsync(string databasePath, string name, int messages, int others, CancellationToken ct)
    {
        await using var db = Open(databasePath);
        var hash = new PasswordHasher<ApplicationUser>().HashPassword(new ApplicationUser(), Password);
        var normalizer = new UpperInvariantLookupNormalizer();
        var now = DateTimeOffset.UtcNow;
        var joined = now.AddDays(-400);
        var email = $"{name.ToLowerInvariant()}@privacy.wehelpen.test";
        var person = ApplicationUser.Confirmed(email, $"{name} Benchmark", hash, normalizer, joined);
        var members = Enumerable.Range(1, 9).Select(i => ApplicationUser.Confirmed($"{name.ToLowerInvariant()}.lid{i}@privacy.wehelpen.test", $"Lid {i} van {name}", hash, normalizer, joined)).ToList();
        db.Users.AddRange([person, .. members]);
        var circle = new Circle { Name = $"Kring van {name}", ResidentName = person.DisplayName, CreatedById = person.Id, CreatedAt = joined };
        circle.Members.Add(new CircleMember { UserId = person.Id, Role = CircleRole.Resident, JoinedAt = joined });
        foreach (var (m, i) in members.Select((m, i) => (m, i)))
            circle.Members.Add(new CircleMember { UserId = m.Id, Role = i == 0 ? CircleRole.Coordinator : CircleRole.Member, JoinedAt = joined });
        db.Add(circle);

        var chat = ChatThread.ForCircle(circle.Id, joined);
        chat.LastSeq = messages;
        db.Add(chat);
        for (var i = 1; i <= messages; i++)
            db.Add(new ChatMessage { ThreadId = chat.Id, Seq = i, AuthorId = person.Id, Text = $"Bericht {i}: hoe gaat het vandaag met iedereen?", ClientMessageId = $"m{i}", SentAt = joined.AddMinutes(i) });
        for (var i = 0; i < others / 3; i++)
            db.Add(new LogbookEntry { CircleId = circle.Id, AuthorId = members[i % 9].Id, OccurredOn = DateOnly.FromDateTime(joined.AddDays(i % 400).Date), Text = $"Logboek {i}: goed gegeten en gewandeld.", CreatedAt = joined.AddHours(i) });
        for (var i = 0; i < others / 6; i++)
        {
            var author = members[i % 9];
            var note = new Note { CircleId = circle.Id, Title = $"Notitie {i}", Text = "Medicijnen en afspraken", Revision = 1, CreatedById = author.Id, CreatedAt = joined, ChangedById = author.Id, ChangedByName = author.DisplayName, ChangedAt = joined };
            note.Revisions.Add(new NoteRevision { Number = 1, Title = note.Title, Text = note.Text, AuthorId = author.Id, AuthorName = author.DisplayName, SavedAt = joined });
            db.Add(note);
            var start = joined.AddDays(i % 400);
            db.Add(new Appointment
            {
                CircleId = circle.Id, Title = $"Afspraak {i}", StartDate = DateOnly.FromDateTime(start.Date), StartTime = new TimeOnly(10, 0), EndTime = new TimeOnly(11, 0),
                FirstStartUtc = start, LastEndUtc = start.AddHours(1), CreatedById = author.Id, CreatedAt = joined, UpdatedAt = joined,
            });
            var request = new HelpRequest
            {
                CircleId = circle.Id, RequestedById = author.Id, Category = HelpCategories.Shopping, Title = $"Boodschappen {i}", Description = "Brood en melk",
                EndsAt = start.AddHours(2), StartsAt = start, Postcode = "1055 KL", Pc4 = "1055", Latitude = 52.38, Longitude = 4.85, Address = "Bos en Lommerweg 1",
                Audience = RequestAudience.Circle, AudienceSince = start, Status = RequestStatus.Expired, ClosedAt = start.AddHours(2), CreatedAt = start,
            };
            request.Events.Add(new RequestEvent { Change = RequestChange.Posted, ActorId = author.Id, ActorName = author.DisplayName, At = start });
            db.Add(request);
            db.Add(new Notification
            {
                UserId = author.Id, Kind = NotificationKind.AppointmentReminder, Data = new NotificationData(Title: $"Afspraak {i}", Circle: circle.Name).ToJson(),
                Link = $"/circles/{circle.Id}/agenda", SourceKey = $"{name}:{i}", CreatedAt = start, Email = NotificationEmail.None,
            });
        }
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new SeededPerson(email, circle.Id, messages, messages + others / 3 + others / 6 * 5);
    }

    private static WehelpenDbContext Open(string databasePath) =>
        new(new DbContextOptionsBuilder<WehelpenDbContext>().UseSqlite($"Data Source={databasePath}").Options);
}
