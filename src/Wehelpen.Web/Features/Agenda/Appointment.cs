using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Wehelpen.Web.Data;
using Wehelpen.Web.Features.Circles;
using Wehelpen.Web.Hosting;

namespace Wehelpen.Web.Features.Agenda;

/// <summary>
/// An appointment of a circle, once or every week on the same weekday. It is stored as people think of it, in
/// Amsterdam wall-clock time (date, start and end time on that day), so that a weekly 10:00 stays at 10:00 after
/// a daylight-saving change; the UTC moments are worked out per occurrence. An appointment lies within one day.
/// </summary>
public sealed class Appointment
{
    public const int TitleMaxLength = 120;
    public const int PlaceMaxLength = 200;
    public const int NotesMaxLength = 2000;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid CircleId { get; set; }
    public string Title { get; set; } = "";
    public string? Place { get; set; }
    public string? Notes { get; set; }

    /// <summary>The (first) date, in Amsterdam.</summary>
    public DateOnly StartDate { get; set; }
    public TimeOnly StartTime { get; set; }
    public TimeOnly EndTime { get; set; }
    public bool RepeatsWeekly { get; set; }

    /// <summary>For a weekly item: the last date it may fall on (inclusive); null repeats without end.</summary>
    public DateOnly? RepeatUntil { get; set; }

    /// <summary>Kept for range queries: the first occurrence's start in UTC.</summary>
    public DateTimeOffset FirstStartUtc { get; set; }

    /// <summary>Kept for range queries: the last occurrence's end in UTC; null for a series without end.</summary>
    public DateTimeOffset? LastEndUtc { get; set; }

    public string CreatedById { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>The date of the last occurrence; null when a series has no end.</summary>
    public DateOnly? LastDate => !RepeatsWeekly
        ? StartDate
        : RepeatUntil is { } until ? StartDate.AddDays((until.DayNumber - StartDate.DayNumber) / 7 * 7) : null;

    public bool OccursOn(DateOnly date) =>
        date >= StartDate && (LastDate is not { } last || date <= last)
        && (RepeatsWeekly ? (date.DayNumber - StartDate.DayNumber) % 7 == 0 : date == StartDate);

    /// <summary>The dates it falls on from <paramref name="from"/> up to and including <paramref name="to"/>.</summary>
    public IEnumerable<DateOnly> DatesBetween(DateOnly from, DateOnly to)
    {
        var first = from <= StartDate ? StartDate
            : RepeatsWeekly ? StartDate.AddDays((from.DayNumber - StartDate.DayNumber + 6) / 7 * 7) : from;
        var last = LastDate is { } l && l < to ? l : to;
        for (var date = first; date <= last; date = date.AddDays(7))
        {
            if (OccursOn(date)) yield return date;
            if (!RepeatsWeekly) yield break;
        }
    }

    public DateTimeOffset StartUtcOn(DateOnly date) => WallClock.ToUtc(date, StartTime);

    /// <summary>
    /// Every occurrence lasts as long as the first one, as RFC 5545 has it for a DTSTART/DTEND pair with a rule:
    /// so the app agrees with phone calendars also in the one week a year a series' time falls in the skipped hour.
    /// </summary>
    public DateTimeOffset EndUtcOn(DateOnly date) => StartUtcOn(date) + Duration;

    public TimeSpan Duration => WallClock.ToUtc(StartDate, EndTime) - WallClock.ToUtc(StartDate, StartTime);

    /// <summary>Updates the UTC columns after the wall-clock fields changed.</summary>
    public void Reschedule()
    {
        FirstStartUtc = StartUtcOn(StartDate);
        LastEndUtc = LastDate is { } last ? EndUtcOn(last) : null;
    }
}

/// <summary>
/// "Ik ga mee": one member going along to one occurrence (one date) of an appointment. For a weekly item going along
/// this Tuesday is not going along every Tuesday. The occurrence's UTC start is kept so that reminders and the
/// workload overview can ask "who goes along between then and then" without expanding series.
/// </summary>
public sealed class AppointmentCompanion
{
    public Guid AppointmentId { get; set; }
    public DateOnly OccurrenceDate { get; set; }
    public string UserId { get; set; } = "";
    public DateTimeOffset OccurrenceStartUtc { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    public Appointment? Appointment { get; set; }
    public ApplicationUser? User { get; set; }
}

internal sealed class AppointmentConfiguration : IEntityTypeConfiguration<Appointment>
{
    public void Configure(EntityTypeBuilder<Appointment> appointment)
    {
        appointment.ToTable("Appointments");
        appointment.HasOne<Circle>().WithMany().HasForeignKey(a => a.CircleId).OnDelete(DeleteBehavior.Cascade);
        appointment.Property(a => a.Title).HasMaxLength(Appointment.TitleMaxLength);
        appointment.Property(a => a.Place).HasMaxLength(Appointment.PlaceMaxLength);
        appointment.Property(a => a.Notes).HasMaxLength(Appointment.NotesMaxLength);
        // "What is on in this circle between these moments": a series overlaps when it starts before the end of
        // the range and has not ended before its start.
        appointment.HasIndex(a => new { a.CircleId, a.FirstStartUtc });
    }
}

internal sealed class AppointmentCompanionConfiguration : IEntityTypeConfiguration<AppointmentCompanion>
{
    public void Configure(EntityTypeBuilder<AppointmentCompanion> companion)
    {
        companion.ToTable("AppointmentCompanions");
        companion.HasKey(c => new { c.AppointmentId, c.OccurrenceDate, c.UserId });
        companion.HasOne(c => c.Appointment).WithMany().HasForeignKey(c => c.AppointmentId).OnDelete(DeleteBehavior.Cascade);
        companion.HasOne(c => c.User).WithMany().HasForeignKey(c => c.UserId).OnDelete(DeleteBehavior.Cascade);
        // Reminders: "what am I going along to soon?"
        companion.HasIndex(c => new { c.UserId, c.OccurrenceStartUtc });
    }
}
