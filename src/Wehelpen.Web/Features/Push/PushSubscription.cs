using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Wehelpen.Web.Data;

namespace Wehelpen.Web.Features.Push;

/// <summary>
/// One device (a browser on a phone or computer) on which a person turned on "Meldingen op dit apparaat": where its
/// push service takes messages for it, and the keys its messages are encrypted with (RFC 8291).
/// </summary>
public sealed class PushSubscription
{
    public const int EndpointMaxLength = 1000;
    public const int MaxPerPerson = 10;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public string UserId { get; set; } = "";

    /// <summary>The push service's address for this device (https, at the browser maker's push service).</summary>
    public string Endpoint { get; set; } = "";

    /// <summary>The device's P-256 public key, base64url (65 bytes).</summary>
    public string P256dh { get; set; } = "";

    /// <summary>The device's 16-byte authentication secret, base64url.</summary>
    public string Auth { get; set; } = "";

    /// <summary>"Chrome op Android": from the browser that turned it on, so the person recognises the device.</summary>
    public string? Browser { get; set; }
    public string? System { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When its push service last took a message for it.</summary>
    public DateTimeOffset? LastPushedAt { get; set; }
}

internal sealed class PushSubscriptionConfiguration : IEntityTypeConfiguration<PushSubscription>
{
    public void Configure(EntityTypeBuilder<PushSubscription> subscription)
    {
        subscription.ToTable("PushSubscriptions");
        subscription.HasOne<ApplicationUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
        subscription.Property(s => s.Endpoint).HasMaxLength(PushSubscription.EndpointMaxLength);
        subscription.Property(s => s.P256dh).HasMaxLength(100);
        subscription.Property(s => s.Auth).HasMaxLength(50);
        subscription.Property(s => s.Browser).HasMaxLength(40);
        subscription.Property(s => s.System).HasMaxLength(40);
        subscription.HasIndex(s => s.Endpoint).IsUnique();
        subscription.HasIndex(s => s.UserId);
    }
}
