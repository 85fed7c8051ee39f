using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Wehelpen.Web.Data;

namespace Wehelpen.Web.Features.Push;

/// <summary>
/// A person's choices for pushes on all their devices. Without a row: quiet from 22:00 to 08:00, no chat preview.
/// </summary>
public sealed class PushSettings
{
    public static readonly TimeOnly DefaultQuietFrom = new(22, 0);
    public static readonly TimeOnly DefaultQuietUntil = new(8, 0);

    public string UserId { get; set; } = "";

    /// <summary>Quiet hours in Amsterdam time, minutes after midnight; both null: no quiet hours.</summary>
    public int? QuietFromMinute { get; set; } = Minute(DefaultQuietFrom);
    public int? QuietUntilMinute { get; set; } = Minute(DefaultQuietUntil);

    /// <summary>Whether a chat push may show the first words of the message; otherwise only who wrote where.</summary>
    public bool ChatPreview { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>When the app once suggested turning pushes on (after a first claim); it does not ask again.</summary>
    public DateTimeOffset? SuggestedAt { get; set; }

    public QuietHours Quiet => QuietFromMinute is { } from && QuietUntilMinute is { } until && from != until
        ? new QuietHours(TimeOnly.FromTimeSpan(TimeSpan.FromMinutes(from)), TimeOnly.FromTimeSpan(TimeSpan.FromMinutes(until)))
        : QuietHours.None;

    public static int Minute(TimeOnly time) => time.Hour * 60 + time.Minute;
}

internal sealed class PushSettingsConfiguration : IEntityTypeConfiguration<PushSettings>
{
    public void Configure(EntityTypeBuilder<PushSettings> settings)
    {
        settings.ToTable("PushSettings");
        settings.HasKey(s => s.UserId);
        settings.HasOne<ApplicationUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
