using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Wehelpen.Web.Data;

namespace Wehelpen.Web.Features.Notifications;

public enum NotificationKind
{
    AppointmentReminder,
    TaskReminder,
    TaskConfirm,
    TaskUnconfirmed,
    Digest,

    /// <summary>Matching asked this volunteer to help with a request nearby.</summary>
    HelpAsked,

    /// <summary>A circle asks this professional to be its klanthouder.</summary>
    CaseHolderInvited,

    /// <summary>To the circle's managers: the professional accepted, or declined, or stepped down.</summary>
    CaseHolderAccepted,
    CaseHolderDeclined,
    CaseHolderEnded,

    /// <summary>A buurtteam professional wrote to the circle about a request nobody picked up.</summary>
    BuurtteamContact,

    /// <summary>The buurtteam referred one of the circle's requests to an organisation (Neighbourhoods/SocialMap).</summary>
    Referred,

    /// <summary>The volunteer of a task erased their account: the task is open again (Requests' erasure).</summary>
    HelperLeft,

    /// <summary>The circle thanked this volunteer for a done request (Features/Thanks); the note itself is read in the app.</summary>
    Thanked,

    /// <summary>To the circle's managers: a volunteer offers to be the regular volunteer of a series (Requests/Series/Regulars).</summary>
    RegularOffered,

    /// <summary>To the volunteer: the circle accepted, or declined, their offer.</summary>
    RegularAccepted,
    RegularDeclined,

    /// <summary>To the other side: the arrangement was ended.</summary>
    RegularEnded,
}

public enum NotificationEmail { None, Pending, Sending, Sent, Failed }

/// <summary>
/// Something the app told one person: kept in their notification centre (read or not), and mailed when they want
/// mail. What it says is rendered from <see cref="Kind"/> and <see cref="Data"/> in the reader's language, each time
/// it is shown, so switching to English also switches the notifications already there.
/// </summary>
public sealed class Notification
{
    public const int LinkMaxLength = 300;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public string UserId { get; set; } = "";
    public NotificationKind Kind { get; set; }

    /// <summary>The facts the text is made of (<see cref="NotificationData"/>), as JSON.</summary>
    public string Data { get; set; } = "{}";

    /// <summary>Where it leads in the app: a path such as /circles/{id}/agenda/{id}.</summary>
    public string Link { get; set; } = "/";

    /// <summary>
    /// What caused it, e.g. the reminder's key: unique, so that whatever happens (a retry, a restart, a second
    /// node) one cause makes one notification.
    /// </summary>
    public string SourceKey { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ReadAt { get; set; }

    public NotificationEmail Email { get; set; }
    public int EmailAttempts { get; set; }
    public DateTimeOffset? EmailAt { get; set; }

    public ApplicationUser? User { get; set; }
}

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> notification)
    {
        notification.ToTable("Notifications");
        notification.HasOne(n => n.User).WithMany().HasForeignKey(n => n.UserId).OnDelete(DeleteBehavior.Cascade);
        notification.Property(n => n.Kind).HasConversion<string>().HasMaxLength(32);
        notification.Property(n => n.Email).HasConversion<string>().HasMaxLength(16);
        notification.Property(n => n.Data).HasMaxLength(4000);
        notification.Property(n => n.Link).HasMaxLength(Notification.LinkMaxLength);
        notification.Property(n => n.SourceKey).HasMaxLength(200);
        notification.HasIndex(n => n.SourceKey).IsUnique();
        // The bell and the list: "mine, newest first", and "how many unread".
        notification.HasIndex(n => new { n.UserId, n.CreatedAt });
        notification.HasIndex(n => new { n.UserId, n.ReadAt });
        // Retention: the oldest first (NotificationRetention).
        notification.HasIndex(n => n.CreatedAt);
        // The mail outbox.
        notification.HasIndex(n => new { n.Email, n.EmailAt });
    }
}
