using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Wehelpen.Web.Data;

namespace Wehelpen.Web.Features.Reminders;

public enum ReminderKind
{
    /// <summary>To someone concerned, some time before an appointment starts.</summary>
    Appointment,

    /// <summary>To the volunteer, the day before a task they took on; asks them to confirm when they have not yet.</summary>
    TaskDayBefore,

    /// <summary>To the volunteer, on the morning of the task.</summary>
    TaskMorning,

    /// <summary>To whoever asked, when the volunteer did not confirm: there is still time to find someone else.</summary>
    TaskUnconfirmed,
}

public enum ReminderStatus { Pending, Sent, Dropped }

/// <summary>
/// One reminder for one person, planned ahead. <see cref="Key"/> says exactly what it is about (the appointment
/// and the moment it starts, the offset, the person) and is unique: planning twice plans once, and the dispatcher
/// turns it into a notification once. When the thing it is about moves, the key no longer matches what is
/// planned and the old reminder is dropped instead of sent.
/// </summary>
public sealed class Reminder
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public string Key { get; set; } = "";
    public ReminderKind Kind { get; set; }
    public string UserId { get; set; } = "";

    /// <summary>The appointment or the request it is about.</summary>
    public Guid SubjectId { get; set; }

    /// <summary>The moment it is about: the occurrence's or the task's start. Past it, a reminder is useless.</summary>
    public DateTimeOffset EventAt { get; set; }

    public DateTimeOffset DueAt { get; set; }
    public ReminderStatus Status { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? HandledAt { get; set; }

    /// <summary>Why it was dropped, for the log and the admin.</summary>
    public string? Outcome { get; set; }

    public ApplicationUser? User { get; set; }
}

internal sealed class ReminderConfiguration : IEntityTypeConfiguration<Reminder>
{
    public void Configure(EntityTypeBuilder<Reminder> reminder)
    {
        reminder.ToTable("Reminders");
        reminder.HasOne(r => r.User).WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Cascade);
        reminder.Property(r => r.Key).HasMaxLength(200);
        reminder.Property(r => r.Kind).HasConversion<string>().HasMaxLength(24);
        reminder.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
        reminder.Property(r => r.Outcome).HasMaxLength(200);
        reminder.HasIndex(r => r.Key).IsUnique();
        // The dispatcher: "what is due"; planning: "what is planned for this appointment or request".
        reminder.HasIndex(r => new { r.Status, r.DueAt });
        reminder.HasIndex(r => new { r.SubjectId, r.Status });
    }
}
