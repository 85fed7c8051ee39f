using Microsoft.EntityFrameworkCore;
using Wehelpen.Benchmarks.Live;
using Wehelpen.Web.Data;
using Wehelpen.Web.Features.Agenda;
using Wehelpen.Web.Features.Notifications;
using Wehelpen.Web.Hosting;

namespace Wehelpen.Benchmarks.Reminders;

/// <summary>
/// The data the app plans its reminders from, written straight into a fresh database before the app starts: the people
/// and circles of the live benchmark (<see cref="LoadPeople"/>), everyone's notification settings (reminded
/// <see cref="ReminderSettings.OffsetMinutes"/> minutes before every appointment of their circles, by mail too), and
/// appointments whose reminders fall due evenly over the window. No reminders: the app plans them itself, as it does at
/// every start (ReminderPlanningJob).
/// </summary>
internal static class ReminderSeed
{
    public sealed record Seeded(LoadPeople.Seeded People, DateTimeOffset WindowStart, int Appointments);

    public static async Task<Seeded> SeedAsync(string databasePath, ReminderSettings settings, CancellationToken ct)
    {
        var people = await LoadPeople.SeedAsync(databasePath, settings.People, ct);
        var options = new DbContextOptionsBuilder<WehelpenDbContext>().UseSqlite($"Data Source={databasePath}").Options;
        await using var db = new WehelpenDbContext(options);
        db.ChangeTracker.AutoDetectChangesEnabled = false;

        var now = DateTimeOffset.UtcNow;
        foreach (var person in people.People)
            db.Add(new NotificationSettings
            {
                UserId = person.UserId, AppointmentOffsets = $"{ReminderSettings.OffsetMinutes}", AppointmentScope = AppointmentScope.AllCircles,
                Email = true, TaskReminders = true, UpdatedAt = now,
            });

        var windowStart = now + TimeSpan.FromSeconds(settings.LeadSeconds);
        for (var i = 0; i < settings.Appointments; i++)
        {
            // Evenly over the window, the first half a step in; round-robin over the circles.
            var due = WholeMilliseconds(windowStart + settings.Window * ((i + 0.5) / settings.Appointments));
            var circle = people.Circles[i % people.Circles.Count];
            db.Add(Appointment(circle.Id, people.People[circle.Index * LiveSettings.CircleSize].UserId, i, due + TimeSpan.FromMinutes(ReminderSettings.OffsetMinutes), now));
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new Seeded(people, windowStart, settings.Appointments);
    }

    /// <summary>
    /// People enter whole minutes; the spread needs finer times, but no finer than the database keeps a moment
    /// (DateTimeOffsetToBinaryConverter: 100 µs). With a start at tick precision the stored DueAt is up to 100 µs
    /// earlier than the due moment the dispatcher works out again from the appointment just before sending; a batch
    /// whose "now" falls in between finds the reminder no longer wanted and drops it (a first run lost 130 of
    /// 100,000 that way, whole appointments at a time). That cannot happen with the times people can enter.
    /// </summary>
    private static DateTimeOffset WholeMilliseconds(DateTimeOffset moment) => moment.AddTicks(-(moment.UtcTicks % TimeSpan.TicksPerMillisecond));

    /// <summary>A one-off appointment of half an hour starting at that moment (its wall-clock time keeps the milliseconds).</summary>
    private static Appointment Appointment(Guid circleId, string createdBy, int number, DateTimeOffset start, DateTimeOffset now)
    {
        var local = start.ToAmsterdam().DateTime;
        var startTime = TimeOnly.FromDateTime(local);
        var endTime = startTime.AddMinutes(30, out var wrapped);
        var appointment = new Appointment
        {
            CircleId = circleId, Title = $"Controle {number}", Place = "Gezondheidscentrum De Brug",
            StartDate = DateOnly.FromDateTime(local), StartTime = startTime, EndTime = wrapped == 0 ? endTime : TimeOnly.MaxValue,
            CreatedById = createdBy, CreatedAt = now, UpdatedAt = now,
        };
        appointment.Reschedule();
        if (appointment.FirstStartUtc != start) throw new InvalidOperationException($"Appointment {number} starts at {appointment.FirstStartUtc:O}, not {start:O}.");
        return appointment;
    }
}
