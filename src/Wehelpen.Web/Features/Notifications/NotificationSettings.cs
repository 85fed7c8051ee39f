using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Wehelpen.Web.Data;

namespace Wehelpen.Web.Features.Notifications;

/// <summary>Which appointments someone is reminded of.</summary>
public enum AppointmentScope
{
    /// <summary>What they go along to; for the resident and the coördinators of a circle, all of its appointments.</summary>
    Involved = 0,

    /// <summary>Every appointment of every circle they are in, also as a plain member.</summary>
    AllCircles = 1,
}

public enum DigestFrequency { None = 0, Daily = 1, Weekly = 2 }

/// <summary>
/// One person's choices about reminders and mail. Nobody has a row until they change something: the defaults
/// are what <see cref="Default"/> says (a day and two hours before an appointment, task reminders on, mail on).
/// </summary>
public sealed class NotificationSettings
{
    /// <summary>What people can choose to be reminded before an appointment, in minutes.</summary>
    public static readonly IReadOnlyList<int> OffsetChoices = [7 * 24 * 60, 24 * 60, 3 * 60, 2 * 60, 60, 30];

    public static readonly IReadOnlyList<int> DefaultOffsets = [24 * 60, 2 * 60];

    public string UserId { get; set; } = "";

    /// <summary>Minutes before an appointment, comma-separated, largest first; empty is "no appointment reminders".</summary>
    public string AppointmentOffsets { get; set; } = "1440,120";

    public AppointmentScope AppointmentScope { get; set; }
    public bool TaskReminders { get; set; } = true;
    public bool Email { get; set; } = true;
    public DigestFrequency Digest { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public ApplicationUser? User { get; set; }

    public static NotificationSettings Default(string userId) => new() { UserId = userId };

    public IReadOnlyList<int> Offsets =>
        AppointmentOffsets.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(int.Parse).Where(OffsetChoices.Contains).Distinct().OrderDescending().ToList();

    public void SetOffsets(IEnumerable<int> minutes) =>
        AppointmentOffsets = string.Join(',', minutes.Where(OffsetChoices.Contains).Distinct().OrderDescending());
}

internal sealed class NotificationSettingsConfiguration : IEntityTypeConfiguration<NotificationSettings>
{
    public void Configure(EntityTypeBuilder<NotificationSettings> settings)
    {
        settings.ToTable("NotificationSettings");
        settings.HasKey(s => s.UserId);
        settings.HasOne(s => s.User).WithOne().HasForeignKey<NotificationSettings>(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
        settings.Property(s => s.AppointmentOffsets).HasMaxLength(100);
        settings.Property(s => s.AppointmentScope).HasConversion<string>().HasMaxLength(16);
        settings.Property(s => s.Digest).HasConversion<string>().HasMaxLength(16);
        // The digest job: "who wants one".
        settings.HasIndex(s => s.Digest);
    }
}
